import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CONSOLE_USER, type ChannelPoster, type Reply, type ReplyAction, type Requester, type Tutor, type TutorRequest } from '../../src/index.ts';
import { loadHistory, saveHistoryLine, HISTORY_SIZE } from './history.ts';
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
  /** Interactive mode: where typed lines are kept across sessions (DATA_DIR/console-history). */
  historyFile?: string;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', 'bye']);
const CLEAR = new Set(['clear', '/clear', 'cls']);
/** Words Tab completes at the start of a line, besides the tutor's commands. */
const CONSOLE_WORDS = ['clear', 'exit'];

/** Tab completion: command words first; after a command that takes a concept, concept ids. */
export function completer(tutor: Tutor): (line: string) => [string[], string] {
  const words = [...tutor.commandNames, ...CONSOLE_WORDS];
  return (line) => {
    const m = /^(\/?)(\S*)$/.exec(line);
    if (m) {
      const hits = words.filter((w) => w.startsWith(m[2]!.toLowerCase())).map((w) => `${m[1]}${w}`);
      return [hits.length ? hits : [], line];
    }
    const arg = /^(\/?(?:explain|define|ask)\s+)(.*)$/i.exec(line);
    if (!arg) return [[], line];
    const partial = arg[2]!.toLowerCase();
    const ids = tutor.pack.concepts.map((c) => c.id).filter((id) => id.startsWith(partial));
    const hits = (ids.length ? ids : tutor.completeConcept(partial, 10).map((c) => c.id)).map((id) => `${arg[1]}${id}`);
    return [hits, line];
  };
}

/** Turn one typed line into a core request; numbers and quiz letters press the last reply's buttons. */
function parseConsoleLine(line: string, buttons: ReplyAction[], quizChoices: ReplyAction[]): TutorRequest {
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
  // Each session is its own conversation: follow-ups do not carry over from yesterday's session.
  const who = opts.who ?? { ...CONSOLE_USER, conversationId: `console-${randomUUID()}` };
  const style = { color: opts.color ?? false, width: opts.width ?? 100 };
  const rl = createInterface({
    input: opts.input,
    output: opts.interactive ? opts.output : undefined,
    terminal: opts.interactive,
    ...(opts.interactive ? { completer: completer(tutor), history: loadHistory(opts.historyFile), historySize: HISTORY_SIZE, removeHistoryDuplicates: true } : {}),
  });
  let buttons: ReplyAction[] = [];
  let quizChoices: ReplyAction[] = [];
  /** Set while a reply's form waits for its text (👎's "what were you looking for?"). */
  let form: string | undefined;
  const write = (s: string) => opts.output.write(`${s}\n`);
  // Both typed replies and scheduled posts go through here, so their buttons stay pressable.
  const show = (reply: Reply) => {
    const rendered = renderConsole(reply, style);
    buttons = rendered.buttons;
    quizChoices = reply.quiz?.answered === undefined ? (reply.quiz?.choices ?? []) : [];
    form = reply.form?.submit;
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
    write(`Type help for commands, a number to press a button, Tab to complete, clear to clear the screen, exit to leave.\n`);
    rl.setPrompt('you> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const word = line.trim().toLowerCase();
    if (opts.interactive) saveHistoryLine(opts.historyFile, line);
    if (QUIT.has(word)) break;
    if (form !== undefined) {
      // The line answers the form; an empty one skips it.
      const submit = form;
      form = undefined;
      if (line.trim()) show(await tutor.handle({ type: 'action', action: submit, text: line }, who));
      else write('Skipped.\n');
      if (opts.interactive) rl.prompt();
      continue;
    }
    if (CLEAR.has(word)) {
      if (opts.interactive) opts.output.write('\x1b[2J\x1b[3J\x1b[H');
      if (opts.interactive) rl.prompt();
      continue;
    }
    if (!line.trim() && !opts.interactive) continue;
    show(await tutor.handle(parseConsoleLine(line, buttons, quizChoices), who));
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}
