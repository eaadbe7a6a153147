/**
 * The console exchange: the chat in batch mode (as with `printf '…' | npm start`), its literal
 * output. A button is pressed as the console does it, by typing its number.
 */
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { runConsoleChat } from '../../adapters/console/chat.ts';
import type { TutorApp } from '../../src/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export async function consoleTranscript(app: TutorApp, question: string, click: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const writes: string[] = [];
  let waiting: (() => void) | undefined;
  output.on('data', (d: Buffer) => {
    writes.push(d.toString());
    waiting?.();
  });
  const done = runConsoleChat(app.tutor, { input, output, interactive: false });
  // Each reply is two writes (its text, then a blank line): wait for both before typing the next line.
  const ask = async (line: string) => {
    const until = writes.length + 2;
    input.write(`${line}\n`);
    while (writes.length < until) await new Promise<void>((r) => (waiting = r));
    return writes
      .slice(until - 2)
      .join('')
      .replace(/\s+$/, '\n');
  };
  const lines = [`you> ${question}`, await ask(question)];
  const number = lines[1]!.match(new RegExp(`\\[(\\d+)\\] ${click}\\n`))?.[1];
  if (!number) throw new Error(`no "${click}" button in the console answer`);
  lines.push(`you> ${number}`, await ask(number));
  input.end();
  await done;
  // The picture's path is this checkout's, its name a content hash: show neither.
  return lines
    .join('\n')
    .split(`${ROOT}/`)
    .join('')
    .replace(/\b[0-9a-f]{32}\.png\b/g, '<hash>.png')
    .replace(/\s+$/, '');
}
