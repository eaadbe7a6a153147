import type { Requester } from '../core/request.ts';
import type { Reply } from '../reply/types.ts';
import type { Tutor } from '../tutor.ts';

export interface CommandContext {
  tutor: Tutor;
  who: Requester;
}

export interface Command {
  name: string;
  /** Other words that run this command. */
  aliases?: string[];
  usage: string;
  /** When present and false for the text after the command word, the whole line is a question instead. */
  accepts?(args: string): boolean;
  description: string;
  run(args: string, ctx: CommandContext): Promise<Reply> | Reply;
}
