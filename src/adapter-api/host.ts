import type { Command } from '../commands/types.ts';
import type { HomeAccess, HomeView } from '../home/home.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Reply } from '../reply/types.ts';
import type { InstallationStore } from '../store/installation-types.ts';
import type { ScheduleStore, SeenEventStore, UploadStore } from '../store/types.ts';
import type { Clock } from '../time/clock.ts';
import type { ChannelPoster } from './poster.ts';
import type { Requester, TutorRequest } from './request.ts';

/**
 * All a chat adapter needs of the core: answer a request, complete a concept name, the commands
 * (for platforms that offer them as menus), and a place to register its poster for scheduled
 * quizzes. The running app (TutorApp) is one.
 */
export interface AdapterHost {
  handle(req: TutorRequest, who: Requester): Promise<Reply>;
  /** Up to `limit` concepts matching what was typed so far, for autocomplete. */
  completeConcept(partial: string, limit: number): { id: string; title: string }[];
  readonly commands: readonly Command[];
  /** A learner's home page (streak, reviews due, leaderboards, schedules they manage), for platforms that have one. */
  home(who: Requester, access: HomeAccess): Promise<HomeView>;
  registerPoster(poster: ChannelPoster): void;
  /** Undo registerPoster, if this poster is still the one registered for its platform. */
  unregisterPoster(poster: ChannelPoster): void;
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /**
   * What an adapter keeps between restarts: event ids it has seen, files it has uploaded,
   * installations per workspace; and a channel's schedule, for the workspace it belongs to.
   */
  readonly store: SeenEventStore & UploadStore & InstallationStore & Pick<ScheduleStore, 'getSchedule'>;
}
