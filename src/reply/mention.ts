import type { ReplyPing } from './types.ts';

/**
 * How a Reply names a person: the neutral token `<@id>`, with the id the adapter gave in
 * Requester.userId. Each adapter renders it natively (a chat mention, or the bare id in a terminal).
 */
export function mention(userId: string): string {
  return `<@${userId}>`;
}

/** Replace every mention token in `text` with what `render` makes of its id. */
export function renderMentions(text: string, render: (userId: string) => string): string {
  return text.replace(/<@([^<>\s]{1,64})>/g, (_, id: string) => render(id));
}

/**
 * How a Reply names a schedule's ping target: the neutral tokens `<here>` (everyone present) and
 * `<group:ID>` (a role or user group by its platform id). Each adapter renders them natively.
 */
export function pingMention(ping: ReplyPing): string {
  return ping.kind === 'here' ? '<here>' : `<group:${ping.id}>`;
}

/** Replace every ping token in `text` (escaped as `&lt;…&gt;` when `escaped`) with what `render` makes of it. */
export function renderPingMentions(text: string, render: (ping: ReplyPing) => string, escaped = false): string {
  const re = escaped ? /&lt;(here|group:([A-Za-z0-9_-]{1,64}))&gt;/g : /<(here|group:([A-Za-z0-9_-]{1,64}))>/g;
  return text.replace(re, (_, all: string, id?: string) => render(all === 'here' ? { kind: 'here' } : { kind: 'role', id: id! }));
}
