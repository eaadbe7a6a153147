import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/time/clock.ts';
import { DB_FILE } from '../../src/store/sqlite.ts';
import { harness, setSchedule, tempDir } from '../quiz/helpers.ts';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, 'tick-process.ts');
const root = resolve(import.meta.dirname, '../..');

describe('two bot processes on one SQLite file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('post every due quiz exactly once between them', async () => {
    const file = join(tmp.dir, DB_FILE);
    const setup = harness({ file, clock: new ManualClock('2027-01-04T06:00:00Z') });
    const channels = 60;
    for (let i = 0; i < channels; i++) await setSchedule(setup, 'daily 09:00 UTC', `C${i}`);
    setup.store.close();

    const startAt = String(Date.now() + 2500); // both processes are up by then and tick together
    const tick = () => run(process.execPath, ['--import', 'tsx', script, file, '2027-01-04T09:00:00Z', startAt], { cwd: root });
    const outputs = await Promise.all([tick(), tick()]);
    const lines = outputs.flatMap((o) =>
      o.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { channelId?: string; report?: { claimed: number; lost: number } }),
    );
    const posts = lines.filter((l) => l.channelId);
    expect(posts).toHaveLength(channels);
    expect(new Set(posts.map((p) => p.channelId)).size).toBe(channels);
    const reports = lines.filter((l) => l.report).map((l) => l.report!);
    expect(reports.reduce((n, r) => n + r.claimed, 0)).toBe(channels);

    const after = harness({ file, clock: new ManualClock('2027-01-04T09:00:30Z') });
    expect((await after.scheduler.tick()).claimed).toBe(0);
    after.store.close();
  });
});
