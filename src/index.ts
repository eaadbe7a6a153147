/**
 * The core's public entry. Adapters import from here and nowhere else in src/.
 */
export { Tutor, type TutorOptions } from './tutor.ts';
export { createTutorApp, type TutorApp } from './app.ts';
export { loadConfig, parseConfig, ConfigError, optional, pair, port, registerPlatformConfig, url, withDefault, type Config, type PlatformConfigs, type PlatformConfigSchema } from './config.ts';
export { loadEnvFileIfPresent, EnvFileError } from './env-file.ts';
export { createLogger, silentLogger, type Logger } from './log.ts';
export { loadContent, loadContentOrThrow, ContentError } from './content/load.ts';
export { formatIssue, type Concept, type ContentPack, type Diagram, type QuizItem, type ContentIssue } from './content/model.ts';
export type { Reply, ReplyAction, ReplyCode, ReplyDiagram, ReplyKind, ReplyQuiz, ReplyTable } from './reply/types.ts';
export { diagramPng, diagramPngPath, DiagramError } from './diagrams/render.ts';
export { decodeAction, encodeAction, isShareAction, MAX_ACTION_LENGTH, type TutorAction } from './reply/actions.ts';
export { columnWidths, monospaceRow, monospaceRule, wrapWords } from './reply/monospace.ts';
export { displayWidth, padDisplay } from './reply/width.ts';
export { stripInvisible } from './reply/echo.ts';
export { mention, renderMentions } from './reply/mention.ts';
export { registerWording, usageHint, type CommandShape, type PlatformWording } from './reply/syntax.ts';
export type { ChannelPoster, PostErrorHints, PostLookup, PostMark } from './adapter-api/poster.ts';
export type { AdapterHost } from './adapter-api/host.ts';
export { CONSOLE_USER, type OptionValues, type Platform, type Requester, type TutorRequest } from './adapter-api/request.ts';
export type { MatchResult, ConceptHit } from './match/matcher.ts';
export type { QuizFeatures } from './quiz/features.ts';
export { commands } from './commands/index.ts';
export type { Command, CommandContext, CommandInput, OptionDef, OptionChoice, SubcommandDef } from './commands/types.ts';
export { completeZone } from './schedule/zone.ts';
export type { AppOptions } from './app.ts';
export { ManualClock, systemClock, type Clock } from './time/clock.ts';
export { Scheduler, type SchedulerOptions, type TickReport } from './schedule/scheduler.ts';
export { parseScheduleSpec, nextRuns, ScheduleSpecError, type ScheduleSpec } from './schedule/spec.ts';
export { PersistentQuiz } from './quiz/persistent.ts';
export { SqliteStore } from './store/sqlite.ts';
export { PgStore } from './store/pg.ts';
export { openStore } from './store/open.ts';
export { StoreError } from './store/sqlite-safety.ts';
export type { Store, ScheduleStore, PostStore, AnswerStore, ReviewStore, UploadStore, GapStore, SeenEventStore, QuizStore, ScheduleRecord, PostRecord } from './store/types.ts';
export type { ChatStore, ConversationStore, PracticeStore, FeedbackStore } from './store/chat-types.ts';
export { exitQuietlyOnClosedPipe } from './closed-pipe.ts';
export { direct, withRetry, type RetryOptions } from './delivery/retry.ts';
