import type { Platform } from '../adapter-api/request.ts';
import { commandText } from '../reply/syntax.ts';

/**
 * Small talk gets one short line, not the command list. Only whole messages count: "thanks, but
 * what is a volume?" is a question.
 */
const RULES: { pattern: RegExp; answer: (p: Platform) => string }[] = [
  {
    pattern: /^(thanks?( a lot| so much| again)?|thank you( so much| very much)?|thx|ty|cheers|much appreciated|many thanks)( (tutor|bot|mate))?$/,
    answer: () => "You're welcome! Ask me anything else about containers or VMs.",
  },
  {
    pattern: /^(hi|hello|hey|hiya|yo|howdy|good (morning|afternoon|evening)|greetings)( (there|tutor|bot|all|everyone))?$/,
    answer: (p) => `Hi! Ask me about containers or VMs, for example "docker vs vm". \`${commandText(p, 'help')}\` lists what I can do.`,
  },
  {
    pattern: /^(ok(ay)?|k|cool|nice|great|awesome|neat|got it|gotcha|i see|makes sense|perfect|sure|alright|lol|lmao|haha+|:\)|👍|🙏|😀|😂)$/,
    answer: () => 'Glad to help. Ask a follow-up, or something new.',
  },
  {
    pattern: /^(you('| a)?re wrong|(that'?s|this is|that is) (wrong|incorrect|not right|not what i asked)|wrong( answer)?|incorrect|not helpful|bad answer|no that'?s wrong)$/,
    answer: () => 'Sorry about that. Press 👎 under the answer and tell me what you were looking for: it goes straight to the people who write my lessons.',
  },
];

/** The one-line answer to small talk, or undefined when the text is not small talk. */
export function smallTalk(text: string, platform: Platform): string | undefined {
  const t = normalizeChat(text);
  return RULES.find((r) => r.pattern.test(t))?.answer(platform);
}

/** Lower case, curly quotes straightened, trailing punctuation and repeated spaces gone. */
export function normalizeChat(text: string): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s!?.,;:~]+$/g, '')
    .replace(/^[\s,]+/, '');
}
