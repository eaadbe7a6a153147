import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { loadContentOrThrow } from './content/load.ts';
import type { Logger } from './log.ts';
import { Tutor, type TutorOptions } from './tutor.ts';
import type { ChannelPoster } from './core/poster.ts';
import type { Platform } from './core/request.ts';

export interface TutorApp {
  tutor: Tutor;
  config: Config;
  logger: Logger;
  /** Posters registered by the running chat adapters, by platform. */
  posters: Map<Platform, ChannelPoster>;
  registerPoster(poster: ChannelPoster): void;
  close(): Promise<void>;
}

/** Load content (validated, or throw ContentError) and build the tutor. Shared by `npm start` and tests. */
export async function createTutorApp(config: Config, logger: Logger, options: TutorOptions = {}): Promise<TutorApp> {
  const started = performance.now();
  const pack = loadContentOrThrow(resolve(config.contentDir));
  const tutor = new Tutor(pack, options);
  logger.debug({ concepts: pack.concepts.length, quizItems: pack.quizItems.length, ms: Math.round(performance.now() - started) }, 'content loaded');
  const posters = new Map<Platform, ChannelPoster>();
  return { tutor, config, logger, posters, registerPoster: (p) => void posters.set(p.platform, p), close: async () => {} };
}
