import { PassThrough } from 'node:stream';
import { runConsoleChat } from '../../adapters/console/chat.ts';
import type { Tutor } from '../../src/tutor.ts';

/** Run the non-interactive console chat on these input lines and return everything it printed. */
export async function pipedChat(tutor: Tutor, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  const done = runConsoleChat(tutor, { input, output, interactive: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return out;
}
