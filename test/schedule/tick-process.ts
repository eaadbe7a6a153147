/**
 * One scheduler tick in its own process, for the two-process test:
 *   node --import tsx test/schedule/tick-process.ts <db file> <tick instant ISO> <start at epoch ms>
 * Waits until <start at> so that two processes tick at the same moment, then prints one JSON line
 * per message sent and a final {"report": …} line.
 */
import { ManualClock } from '../../src/time/clock.ts';
import { harness, RecordingPoster } from '../quiz/helpers.ts';

const [file, at, startAt] = process.argv.slice(2) as [string, string, string];
const poster = new RecordingPoster('slack');
const h = harness({ file, clock: new ManualClock(at), poster });
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));
const report = await h.scheduler.tick();
for (const p of poster.posts) process.stdout.write(`${JSON.stringify({ channelId: p.channelId, kind: p.reply.kind })}\n`);
process.stdout.write(`${JSON.stringify({ report })}\n`);
h.store.close();
