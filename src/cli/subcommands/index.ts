import type { Command } from 'commander';
import { register as ask } from './ask.ts';
import { register as content } from './content.ts';
import { register as db } from './db.ts';
import { register as evalCommand } from './eval.ts';
import { register as report } from './report.ts';
import { register as schedule } from './schedule.ts';
import { register as workspace } from './workspace.ts';

/** Every CLI command, listed explicitly. */
export const cliCommands: Array<(program: Command) => void> = [ask, evalCommand, content, schedule, report, db, workspace];
