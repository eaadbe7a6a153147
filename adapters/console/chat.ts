import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CONSOLE_USER, type ChannelPoster, type Reply, type ReplyAction, type Requester, type Tutor, type TutorRequest } from '../../src/index.ts';
import { renderConsole } from './render.ts';

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable;
  /** Interactive prompt (a TTY) or batch mode: answer each line in order and exit at EOF. */
  interactive: boolean;
  color?: boolean;
  width?: number;
  who?: Requester;
  /**
   * Called once with a poster that prints scheduled quizzes into this chat, so the console gets
   * the same daily quiz as a team channel (answer it with its letter).
   */
  onPoster?: (poster: ChannelPoster) => void;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit']);

/** Turn one typed line into a core request; numbers and quiz letters press the last reply's buttons. */
export function parseConsoleLine(line: string, buttons: ReplyAction[], quizChoices: ReplyAction[]): TutorRequest {
  const t = line.trim();
  const letter = /^([a-e])[.)]?$/i.exec(t);
  if (letter && quizChoices.length) {
    const idx = letter[1]!.toLowerCase().charCodeAt(0) - 97;
    const choice = quizChoices[idx];
    if (choice) return { type: 'action', action: choice.action };
  }
  if (/^\d{1,2}$/.test(t)) {
    const b = buttons[Number(t) - 1];
    if (b) return { type: 'action', action: b.action };
  }
  return { type: 'text', text: t };
}

export async function runConsoleChat(tutor: Tutor, opts: ConsoleChatOptions): Promise<void> {
  const who = opts.who ?? CONSOLE_USER;
  const style = { color: opts.color ?? false, width: opts.width ?? 100 };
  const rl = createInterface({ input: opts.input, output: opts.interactive ? opts.output : undefined, terminal: opts.interactive });
  let buttons: ReplyAction[] = [];
  let quizChoices: ReplyAction[] = [];
  const write = (s: string) => opts.output.write(`${s}\n`);
  // Both typed replies and scheduled posts go through here, so their buttons stay pressable.
  const show = (reply: Reply) => {
    const rendered = renderConsole(reply, style);
    buttons = rendered.buttons;
    quizChoices = reply.quiz?.choices ?? [];
    write(rendered.text);
    write('');
  };
  // A post arrives while the user may be typing: print it, then redraw their prompt.
  const showPosted = (reply: Reply) => {
    show(reply);
    if (opts.interactive) rl.prompt(true);
  };
  let posted = 0;
  opts.onPoster?.({
    platform: 'console',
    async post(_channelId, reply) {
      showPosted(reply);
      return { messageId: `console-${++posted}` };
    },
    // A terminal cannot edit what it printed: the closed quiz's summary is shown as a new message.
    update: async (_channelId, _messageId, reply) => showPosted(reply),
  });

  if (opts.interactive) {
    write(`Container & VM tutor: ask me anything about containers and virtual machines.`);
    write(`Type /help for commands, a number to press a button, /quit to leave.\n`);
    rl.setPrompt('you> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (QUIT.has(line.trim().toLowerCase())) break;
    if (!line.trim() && !opts.interactive) continue;
    show(await tutor.handle(parseConsoleLine(line, buttons, quizChoices), who));
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}
