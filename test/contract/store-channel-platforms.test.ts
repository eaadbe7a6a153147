/** Store contract, on SQLite and Postgres: which platforms hold a schedule or quiz posts for a channel id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/pg.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { postClaim } from '../helpers/post-claim.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../quiz/helpers.ts';

const schedule = (platform: string, channelId: string) => ({ platform, channelId, label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000, updatedBy: 'U1', updatedAt: 1 });

const backends: { name: string; skip: boolean; open(): Promise<{ store: Store; done(): Promise<void> }> }[] = [
  {
    name: 'SQLite',
    skip: false,
    open: async () => {
      const tmp = tempDir();
      const store = SqliteStore.open(tmp.dir);
      return { store, done: async () => (store.close(), tmp.cleanup()) };
    },
  },
  {
    name: 'Postgres',
    skip: !postgresAdminUrl(),
    open: async () => {
      const db: TestDatabase = await createTestDatabase();
      const store = await PgStore.open(db.url, { max: 2 });
      return { store, done: async () => (await store.close(), await db.drop()) };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`channelPlatforms: ${backend.name}`, () => {
    let s: Awaited<ReturnType<(typeof backends)[number]['open']>>;
    beforeAll(async () => {
      s = await backend.open();
    });
    afterAll(async () => s?.done());

    it('lists each platform once, sorted, from schedules and posts; none for an unknown channel', async () => {
      expect(await s.store.channelPlatforms('C1')).toEqual([]);
      await s.store.putSchedule(schedule('slack', 'C1'));
      await s.store.putSchedule(schedule('discord', 'C1'));
      await s.store.putSchedule(schedule('console', 'other'));
      const post = await s.store.claimPost(postClaim());
      expect(post).toBeDefined();
      expect(await s.store.channelPlatforms('C1')).toEqual(['discord', 'slack']);
      expect(await s.store.deleteSchedule({ platform: 'discord', channelId: 'C1' })).toBe(true);
      expect(await s.store.channelPlatforms('C1')).toEqual(['slack']);
      expect(await s.store.channelPlatforms('other')).toEqual(['console']);
    });
  });
}
