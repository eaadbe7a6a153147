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
