/** `npm start` finds the Discord adapter through the registry; the README's invite matches the code. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { adapters } from '../../../adapters/registry.ts';
import { BOT_PERMISSIONS, inviteUrl } from '../../../adapters/discord/invite.ts';
import { createTutorApp, parseConfig, silentLogger, type TutorApp } from '../../../src/index.ts';
import { FakeDiscord } from './fake-discord.ts';
import { FIXTURE_PACK, TOKEN } from './harness.ts';
import { APP_ID, CHANNEL_ID } from './payloads.ts';

const entry = adapters.find((a) => a.name === 'discord')!;

test('the discord adapter is listed and enabled exactly when Discord credentials are configured', () => {
  expect(entry).toBeDefined();
  const appWith = (env: Record<string, string>) => ({ config: parseConfig(env) }) as TutorApp;
  expect(entry.enabled(appWith({}))).toBe(false);
  expect(entry.enabled(appWith({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID }))).toBe(true);
});

test('started through the registry it connects, registers its poster, and stops cleanly', async () => {
  const fake = await new FakeDiscord().listen();
  const app = await createTutorApp(parseConfig({ CONTENT_DIR: FIXTURE_PACK, DATA_DIR: ':memory:', DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }), silentLogger);
  const running = await entry.start(app);
  expect(running.name).toBe('discord');
  // start() resolves once ready, so a scheduler started right after can post.
  const poster = app.posters.get('discord')!;
  expect(poster.platform).toBe('discord');
  await poster.post(CHANNEL_ID, { kind: 'notice', title: 'Hello', paragraphs: ['hi'], code: [], related: [], suggestions: [], extra: [], audience: 'channel', fallback: 'hi' });
  expect(fake.matching('POST', /\/messages$/)).toHaveLength(1);
  await running.stop();
  expect(app.posters.has('discord')).toBe(false);
  await app.close();
  await fake.close();
});

test('the invite URL asks for bot + applications.commands and the documented permissions', () => {
  expect(BOT_PERMISSIONS).toBe(277025508352n);
  const url = new URL(inviteUrl(APP_ID));
  expect(url.searchParams.get('scope')).toBe('bot applications.commands');
  expect(url.searchParams.get('permissions')).toBe('277025508352');
  const readme = readFileSync(resolve(import.meta.dirname, '../../../adapters/discord/README.md'), 'utf8');
  expect(readme).toContain(`scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`);
});
