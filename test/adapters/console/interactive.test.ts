/** The interactive console, driven through its input as a terminal would (readline in terminal mode). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth, loadContentOrThrow, Tutor } from '../../../src/index.ts';
import { completer, runConsoleChat } from '../../../adapters/console/chat.ts';
import { renderConsole, renderTable } from '../../../adapters/console/render.ts';
import { tempDir } from '../../quiz/helpers.ts';

const tutor = new Tutor(loadContentOrThrow(resolve(import.meta.dirname, '../../../content')));
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** A session: feed keystrokes, wait for the prompt to come back after each line, return all output. */
async function session(keys: string[], opts: { color?: boolean; width?: number; historyFile?: string } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  const done = runConsoleChat(tutor, { input, output, interactive: true, color: opts.color ?? false, width: opts.width ?? 60, ...(opts.historyFile ? { historyFile: opts.historyFile } : {}) });
  for (const k of keys) {
    const prompts = out.split('you> ').length;
    input.write(k);
    if (k.endsWith('\r')) for (let i = 0; i < 500 && out.split('you> ').length <= prompts; i++) await new Promise((r) => setTimeout(r, 5));
  }
  input.end();
  await done;
  return out;
}

describe('interactive console', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('wraps paragraphs to the terminal width and styles inline code only with colour', async () => {
    const out = strip(await session(['what is a bind mount\r', 'tell me more\r'], { width: 50 }));
    const body = out.slice(out.indexOf('Bind mounts'));
    for (const line of body.split('\n')) if (!line.startsWith('    ') && !line.includes('you>') && !line.startsWith('Picture: ')) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
    const r = await tutor.handle({ type: 'text', text: 'explain bind-mounts' }, { platform: 'console', userId: 'u', channelId: 'c' });
    const more = await tutor.handle({ type: 'action', action: r.extra[0]!.action }, { platform: 'console', userId: 'u', channelId: 'c' });
    const colored = renderConsole(more, { color: true, width: 80 }).text;
    expect(colored).toMatch(/\x1b\[36m[^`\x1b]+\x1b\[39m/);
    expect(colored).not.toContain('**');
    const plain = renderConsole(more, { color: false, width: 80 }).text;
    expect(plain).not.toMatch(/\x1b\[/);
    expect(plain).toMatch(/`[^`]+`/);
  });

  it('keeps history across sessions in the given file, and understands clear and exit', async () => {
    const file = join(tmp.dir, 'console-history');
    await session(['what is a volume\r', 'clear\r', 'exit\n'], { historyFile: file });
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toEqual(['what is a volume', 'clear', 'exit']);
    // Up arrow in a new session brings back the last line of the previous one.
    const out = await session(['\x1b[A', '\r'], { historyFile: file });
    expect(strip(out)).toContain('you> exit');
    const cleared = await session(['clear\r']);
    expect(cleared).toContain('\x1b[2J');
  });

  it('a missing or unreadable history file is no history, not an error', async () => {
    const out = await session(['hi\r'], { historyFile: join(tmp.dir, 'nope', 'deeper', 'history') });
    expect(strip(out)).toContain('Hi!');
    expect(existsSync(join(tmp.dir, 'nope', 'deeper', 'history'))).toBe(true);
    writeFileSync(join(tmp.dir, 'bad'), Buffer.from([0xff, 0xfe, 0x00]));
    await expect(session(['ok\r'], { historyFile: join(tmp.dir, 'bad') })).resolves.toContain('Glad to help');
  });

  it('completes commands and concept names with Tab', async () => {
    const complete = completer(tutor);
    expect(complete('expl')).toEqual([['explain'], 'expl']);
    expect(complete('/top')).toEqual([['/topics'], '/top']);
    expect(complete('ex')[0]).toEqual(expect.arrayContaining(['explain', 'exit']));
    expect(complete('explain bind')[0]).toEqual(['explain bind-mounts']);
    const out = strip(await session(['expl\t', ' hypervisor-typ\t', '\r']));
    // "hypervisor-typ" completes to the prefix its three candidates share.
    expect(out).toContain('you> explain hypervisor-type\r\nTypes of hypervisors: Type 1 vs Type 2');
  });

  it('a 👎 asks for a note on the next line', async () => {
    const first = await tutor.handle({ type: 'text', text: 'what is a volume' }, { platform: 'console', userId: 'x', channelId: 'x' });
    const down = renderConsole(first).buttons.findIndex((b) => b.action === first.feedback!.down) + 1;
    const out = strip(await session(['what is a volume\r', `${down}\r`, 'how to back it up\r']));
    expect(out).toContain('Type it below (or press Enter to skip)');
    expect(out).toContain('Thanks for telling me');
  });
});

describe('table widths', () => {
  it('measures emoji and CJK as two columns, so columns stay aligned', () => {
    const t = renderTable(
      {
        headers: ['Tool', 'Note'],
        rows: [
          ['🐳 Docker', '容器 (containers)'],
          ['VM', 'plain'],
        ],
      },
      80,
    );
    const lines = t.split('\n');
    const bar = lines.filter((l) => l.includes('|')).map((l) => displayWidth(l.slice(0, l.indexOf('|'))));
    expect(new Set(bar).size).toBe(1);
    expect(displayWidth('🐳容器a')).toBe(7);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});
