import type { Concept, ContentPack } from '../content/model.ts';
import type { OptionValues, Requester } from '../adapter-api/request.ts';
import type { ConceptHit } from '../match/matcher.ts';
import type { QuizFeatures } from '../quiz/features.ts';
import type { ReminderFeatures } from '../reminders/features.ts';
import type { Reply, ReplyAction } from '../reply/types.ts';

/** What commands use of the tutor (the Tutor class satisfies it); declared here so commands need not import the Tutor. */
interface CommandTutor {
  readonly pack: ContentPack;
  readonly quiz: QuizFeatures;
  /** Daily reminders, when the tutor has a store. */
  readonly reminders?: ReminderFeatures;
  answerQuestion(text: string, who: Requester): Promise<Reply>;
  conceptAnswer(concept: Concept, question: string, who: Requester, suggestions?: readonly ConceptHit[]): Promise<Reply>;
  lookupConcept(name: string): { concept?: Concept; suggestions: ConceptHit[] };
  starterActions(): ReplyAction[];
}

export interface CommandContext {
  tutor: CommandTutor;
  who: Requester;
  /** Every command the tutor routes, in help order (help lists them; passed in so help needs no index import). */
  commands: readonly Command[];
}

export interface OptionChoice {
  label: string;
  value: string;
}

/** Where suggestions for an option come from while someone types it. */
type OptionCompletion = 'concept' | 'zone';

/** One structured option: adapters with forms or slash menus offer it; typed text reaches the command as `text`. */
export type OptionDef =
  | { name: string; type: 'string'; description: string; required?: boolean; maxLength?: number; choices?: readonly OptionChoice[]; complete?: OptionCompletion }
  | { name: string; type: 'integer'; description: string; required?: boolean; min?: number; max?: number }
  /** A role, by its platform id. `mustMention`: the value is a role to ping, so the adapter refuses one it cannot mention. */
  | { name: string; type: 'role'; description: string; required?: boolean; mustMention?: boolean };

/** One branch of a command with branches (`schedule set|show|off`), each with its own options. */
export interface SubcommandDef {
  name: string;
  description: string;
  options?: readonly OptionDef[];
  /** It sets up a ping of everyone present (@here): the adapter refuses it where the bot may not. */
  mentionsEveryone?: boolean;
}

export type { OptionValues };

/**
 * What a command receives: the text typed after its word, or the chosen structured options
 * (typed values: a period choice arrives as 'week') and, for commands with branches, which one.
 */
export type CommandInput = { text: string } | { options: OptionValues; sub?: string };

export interface Command {
  name: string;
  /** Other words that run this command. */
  aliases?: string[];
  usage: string;
  /** The help line. */
  description: string;
  /** A shorter description for menus of structured commands (at most 100 characters). */
  summary: string;
  options?: readonly OptionDef[];
  subcommands?: readonly SubcommandDef[];
  /** Whether the answer is meant for the asker only (adapters use it when they must acknowledge before the reply exists). */
  private: boolean;
  /** False for commands only typed, never offered as a structured command. */
  structured?: boolean;
  /**
   * Who it is for. 'managers': people who can manage the channel (the command itself refuses
   * others); platforms with an admin command of their own list these there, hidden from members.
   */
  access?: 'everyone' | 'managers';
  /** It acts on a channel the bot is in (a schedule, a leaderboard), so it is not offered where the bot is not. */
  channelOnly?: boolean;
  /** When present and false for the text after the command word, the whole line is a question instead. */
  accepts?(text: string): boolean;
  run(input: CommandInput, ctx: CommandContext): Promise<Reply> | Reply;
}

/** A structured option's value as text, or the typed text when the command was typed. */
export function optionText(input: CommandInput, name: string): string {
  if ('text' in input) return input.text;
  const v = input.options[name];
  return v === undefined ? '' : String(v);
}
