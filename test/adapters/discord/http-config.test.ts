import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/index.ts';
import '../../../adapters/discord/config.ts';

const base = { DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '123456789012345678' };
const KEY = 'ab'.repeat(32);
const err = (env: Record<string, string>) => {
  try {
    parseConfig({ ...base, ...env });
    return 'no error';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('Discord HTTP interactions and sharding config', () => {
  it('connects the gateway by default only when no public key is set', () => {
    expect(parseConfig(base).discord).toMatchObject({ gateway: true, shards: 'auto' });
    expect(parseConfig({ ...base, DISCORD_PUBLIC_KEY: KEY.toUpperCase() }).discord).toMatchObject({ gateway: false, publicKey: KEY });
    expect(parseConfig({ ...base, DISCORD_PUBLIC_KEY: KEY, DISCORD_GATEWAY: 'true' }).discord).toMatchObject({ gateway: true, publicKey: KEY });
  });

  it('lets replicas split the shards', () => {
    expect(parseConfig({ ...base, DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '0, 2' }).discord).toMatchObject({ shards: 4, shardIds: [0, 2] });
    expect(parseConfig({ ...base, DISCORD_SHARDS: '2' }).discord).toMatchObject({ shards: 2 });
  });

  it('names the variable for every bad value', () => {
    expect(err({ DISCORD_PUBLIC_KEY: 'nothex' })).toMatch(/^DISCORD_PUBLIC_KEY: expected the application public key/);
    expect(err({ DISCORD_GATEWAY: 'false' })).toMatch(/^DISCORD_GATEWAY: is false, so DISCORD_PUBLIC_KEY must be set/);
    expect(err({ DISCORD_GATEWAY: 'maybe' })).toMatch(/^DISCORD_GATEWAY: expected true or false/);
    expect(err({ DISCORD_SHARDS: 'many' })).toMatch(/^DISCORD_SHARDS: expected auto or a whole number/);
    expect(err({ DISCORD_SHARD_IDS: '0' })).toMatch(/^DISCORD_SHARD_IDS: needs DISCORD_SHARDS/);
    expect(err({ DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '0,2' })).toMatch(/^DISCORD_SHARD_IDS: shard 2 is outside 0\.\.1/);
    expect(err({ PORT: '70000' })).toMatch(/^PORT: expected a port number/);
  });
});
