import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { loadContentOrThrow } from './content/load.ts';
import type { Logger } from './log.ts';
import { Tutor, type TutorOptions } from './tutor.ts';

export interface TutorApp {
  tutor: Tutor;
  config: Config;
  logger: Logger;
  close(): Promise<void>;
}

/** Load content (validated, or throw ContentError) and build the tutor. Shared by `npm start` and tests. */
export async function createTutorApp(config: Config, logger: Logger, options: TutorOptions = {}): Promise<TutorApp> {
  const started = performance.now();
  const pack = loadContentOrThrow(resolve(config.contentDir));
  const tutor = new Tutor(pack, options);
  logger.debug({ concepts: pack.concepts.length, quizItems: pack.quizItems.length, ms: Math.round(performance.now() - started) }, 'content loaded');
  return { tutor, config, logger, close: async () => {} };
}
