/**
 * Gateway shards through the real discord.js client against the fake Discord: a replica with
 * DISCORD_SHARDS and DISCORD_SHARD_IDS identifies with exactly those shards ([id, count] in
 * IDENTIFY), a numeric DISCORD_SHARDS alone runs every shard, and `auto` takes the count that
 * GET /gateway/bot recommends.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../adapters/discord/index.ts';
import { createTutorApp, parseConfig, type TutorApp } from '../../../src/index.ts';
import { FakeDiscord } from './fake-discord.ts';
import { FIXTURE_PACK, TOKEN } from './harness.ts';
import { APP_ID } from './payloads.ts';

let fake: FakeDiscord | undefined;
let app: TutorApp | undefined;
let bot: DiscordAdapter | undefined;
afterEach(async () => {
  await bot?.stop();
  await app?.close();
  await fake?.close();
  bot = app = fake = undefined;
});

/** Start a replica with `env` against a fake that recommends `recommended` shards; the [id, count] pairs it identified with. */
async function identifiedShards(env: Record<string, string>, recommended = 1): Promise<number[][]> {
  fake = await new FakeDiscord().listen();
  fake.gatewayShards = recommended;
  fake.maxConcurrency = 16; // every shard may identify at once (no 5-second identify spacing)
  const config = parseConfig({ CONTENT_DIR: FIXTURE_PACK, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, DATA_DIR: ':memory:', LOG_LEVEL: 'silent', ...env });
  app = await createTutorApp(config, pino({ level: 'silent' }));
  bot = await startDiscord(app, { retryDelaysMs: [50, 50] });
  await bot.ready;
  return fake.gatewayFrames
    .filter((f) => f.op === 2)
    .map((f) => f.d.shard as number[])
    .sort((x, y) => x[0]! - y[0]!);
}

describe('Discord gateway shards', () => {
  it('DISCORD_SHARDS=2 with DISCORD_SHARD_IDS=1 identifies as shard [1, 2] only', async () => {
    expect(await identifiedShards({ DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1' })).toEqual([[1, 2]]);
  }, 60_000);

  it('DISCORD_SHARDS=4 with DISCORD_SHARD_IDS=0,2 identifies as [0, 4] and [2, 4]', async () => {
    expect(await identifiedShards({ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '0, 2' })).toEqual([
      [0, 4],
      [2, 4],
    ]);
  }, 60_000);

  it('DISCORD_SHARDS=3 alone runs every shard', async () => {
    expect(await identifiedShards({ DISCORD_SHARDS: '3' })).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  }, 60_000);

  it('auto (the default) takes the shard count from GET /gateway/bot', async () => {
    expect(await identifiedShards({}, 2)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake!.requests.some((r) => r.method === 'GET' && r.path === '/v10/gateway/bot')).toBe(true);
  }, 60_000);
});
