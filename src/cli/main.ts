import { Command, CommanderError } from 'commander';
import { cliCommands } from './subcommands/index.ts';
import { CliError } from './context.ts';
import { StoreError } from '../store/sqlite-safety.ts';
import { exitQuietlyOnClosedPipe } from '../closed-pipe.ts';
import { EnvFileError, loadEnvFileIfPresent } from '../env-file.ts';

export function buildProgram(): Command {
  const program = new Command('tutor').description('Container & VM tutor: ask questions, evaluate matching, check content').showHelpAfterError().exitOverride();
  for (const register of cliCommands) register(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    loadEnvFileIfPresent();
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // commander already printed it
    if (err instanceof StoreError) {
      process.stderr.write(`Storage error: ${err.message}\n`);
      return 1;
    }
    if (err instanceof EnvFileError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
}

exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv);
