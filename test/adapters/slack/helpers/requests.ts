import type { Harness } from './harness.ts';
import { fixture } from './harness.ts';

/** A `/tutor` slash command's form fields, answering to the fake's response_url `responseId`. */
export const slashFieldsFor =
  (h: Pick<Harness, 'fake'>) =>
  (text: string, responseId = 'slash') => ({ ...fixture<Record<string, string>>('slash-command.json'), text, response_url: h.fake.responseUrl(responseId) });

let eventSeq = 0;

/** An app_mention event envelope with its own event id. */
export function mention(text: string, extra: Record<string, unknown> = {}) {
  const env = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention.json');
  return { ...env, event_id: `EvMention${++eventSeq}`, event: { ...env.event, text, ...extra } };
}

/** A direct message (message.im) event envelope with its own event id. */
export function dm(text: string, extra: Record<string, unknown> = {}) {
  const env = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im.json');
  return { ...env, event_id: `EvDm${++eventSeq}`, event: { ...env.event, text, ...extra } };
}

/** The title of a message's first (header) block. */
export const headerOf = (blocks: unknown) => (blocks as { text?: { text: string } }[])[0]!.text!.text;

/** A block_actions payload clicking `value` (labelled `label`), answering to the fake's response_url "click". */
export const clickFor =
  (h: Pick<Harness, 'fake'>) =>
  (value: string, label: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[]; container: Record<string, unknown> }>('block-actions.json');
    return {
      ...p,
      response_url: h.fake.responseUrl('click'),
      container: { ...p.container, ...container },
      actions: [{ ...p.actions[0], text: { type: 'plain_text', text: label, emoji: true }, value }],
      ...extra,
    };
  };
