import { REST, Routes } from 'discord.js';
import { restApi, type DiscordConfig } from './client.ts';
import { commandData } from './slash/index.ts';

export interface Registration {
  scope: 'guild' | 'global';
  route: string;
  commands: number;
}

/**
 * Upload the `/tutor` definition. With a guild id it goes to that server only and shows up at once
 * (for development); without one it is registered globally for every server and DM.
 * PUT replaces the whole set, so running it twice is harmless.
 */
export async function registerCommands(cfg: DiscordConfig): Promise<Registration> {
  const api = restApi(cfg);
  const rest = new REST({ version: '10', ...(api ? { api } : {}) }).setToken(cfg.token);
  const route = cfg.guildId ? Routes.applicationGuildCommands(cfg.applicationId, cfg.guildId) : Routes.applicationCommands(cfg.applicationId);
  const result = (await rest.put(route, { body: commandData() })) as unknown[];
  return { scope: cfg.guildId ? 'guild' : 'global', route, commands: Array.isArray(result) ? result.length : 0 };
}
