import type { Reply } from '../../src/index.ts';

/** What a person sees when answering failed inside an adapter: no internals, a clear next step. */
export function failureReply(): Reply {
  const text = 'I hit an internal error answering that. Please try again.';
  return { kind: 'error', title: 'Something went wrong', paragraphs: [text], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: text };
}
