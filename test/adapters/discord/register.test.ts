/** `npm run discord:register`: the guild and global routes, and the script's own behaviour. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/index.ts';
import { commandData } from '../../../adapters/discord/slash/index.ts';
import { registerCommands } from '../../../adapters/discord/register-commands.ts';
import { FakeDiscord } from './fake-discord.ts';
import { APP_ID, GUILD_ID } from './payloads.ts';
import { TOKEN } from './harness.ts';

const root = resolve(import.meta.dirname, '../../..');
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().listen();
});
afterAll(async () => {
  await fake?.close();
});

const discordConfig = (extra: Record<string, string> = {}) => parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...extra }).discord!;

describe('registerCommands', () => {
  it('PUTs the /tutor definition to the guild route when DISCORD_GUILD_ID is set', async () => {
    const r = await registerCommands(discordConfig({ DISCORD_GUILD_ID: GUILD_ID }));
    expect(r).toEqual({ scope: 'guild', route: `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`, commands: 3 });
    const put = fake.matching('PUT', /commands$/).at(-1)!;
    expect(put.path).toBe(`/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandData())));
  });

  it('PUTs globally otherwise', async () => {
    const r = await registerCommands(discordConfig());
    expect(r.scope).toBe('global');
    const put = fake.matching('PUT', /commands$/).at(-1)!;
    expect(put.path).toBe(`/v10/applications/${APP_ID}/commands`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandData())));
  });

  it('sends /tutor for learners everywhere (user installs too), guild-only /tutor-admin for Manage Channels, and the message menu', () => {
    const [tutor, admin, menu] = JSON.parse(JSON.stringify(commandData()));
    expect(tutor.name).toBe('tutor');
    // Guild, bot DM and private channels (DMs, group DMs); guild and user installs.
    expect(tutor.contexts).toEqual([0, 1, 2]);
    expect(tutor.integration_types).toEqual([0, 1]);
    expect(tutor.default_member_permissions).toBeUndefined();
    expect(tutor.options.map((o: any) => `${o.type}:${o.name}`)).toEqual(['1:ask', '1:explain', '1:topics', '1:quiz', '1:review', '2:remind', '1:stats', '1:leaderboard', '1:help']);
    const explain = tutor.options.find((o: any) => o.name === 'explain');
    expect(explain.options[0]).toMatchObject({ name: 'concept', type: 3, required: true, autocomplete: true });

    expect(admin.name).toBe('tutor-admin');
    expect(admin.contexts).toEqual([0]);
    expect(admin.integration_types).toEqual([0]);
    // Manage Channels (1 << 4): members without it never see the command.
    expect(admin.default_member_permissions).toBe('16');
    expect(admin.options.map((o: any) => `${o.type}:${o.name}`)).toEqual(['2:schedule', '1:post-now', '2:ping']);
    expect(admin.options[0].options.map((o: any) => o.name)).toEqual(['set', 'show', 'off']);

    expect(menu).toMatchObject({ name: 'Explain with Tutor', type: 3, contexts: [0, 1, 2], integration_types: [0, 1] });
    expect(menu.options).toBeUndefined();
  });
});

/** Run the real script in a child process with only the given variables (plus PATH). */
function runScript(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'adapters/discord/register.ts')], { cwd: resolve(root, 'test/fixtures'), env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the register script', () => {
  it('exits with a clear message when the credentials are missing', async () => {
    const r = await runScript({});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set');
  });

  it('names the missing half of a credential pair', async () => {
    const r = await runScript({ DISCORD_TOKEN: TOKEN });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set');
  });

  it('registers to the guild and says so', async () => {
    const before = fake.matching('PUT', /commands$/).length;
    const r = await runScript({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`in server ${GUILD_ID}`);
    expect(r.stdout).toContain('Registered /tutor (9 subcommands), /tutor-admin (3, for Manage Channels) and "Explain with Tutor" on messages');
    expect(r.stdout).toContain(`client_id=${APP_ID}&scope=applications.commands&integration_type=1`);
    expect(
      fake
        .matching('PUT', /commands$/)
        .slice(before)
        .map((p) => p.path),
    ).toEqual([`/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`]);
  });
});
