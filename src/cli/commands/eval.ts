import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatEvalReport, parseEvalFile, runEval } from '../../eval/run.ts';
import { CliError, cliTutor } from '../context.ts';

export function register(program: Command): void {
  program
    .command('eval')
    .description('measure matching quality on a JSONL file of {"q", "expect": [ids] | null} lines')
    .argument('<file>', 'eval set (.jsonl)')
    .option('--json', 'print the report as JSON')
    .option('--explain', 'for each miss, why the expected and the chosen concept scored as they did')
    .option('--min-accuracy <n>', 'exit 1 when in-domain top-1 accuracy is below n', parseFloat)
    .option('--min-rejection <n>', 'exit 1 when out-of-domain rejection is below n', parseFloat)
    .option('--content <dir>', 'content directory')
    .action((file: string, opts: { json?: boolean; explain?: boolean; minAccuracy?: number; minRejection?: number; content?: string }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      let rows;
      try {
        rows = parseEvalFile(text, file);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      const report = runEval(cliTutor(opts.content).matcher, rows, { explain: !!opts.explain });
      process.stdout.write(`${opts.json ? JSON.stringify(report) : formatEvalReport(report)}\n`);
      if (opts.minAccuracy !== undefined && report.inDomain.accuracy < opts.minAccuracy) throw new CliError(`accuracy ${report.inDomain.accuracy.toFixed(3)} is below ${opts.minAccuracy}`);
      if (opts.minRejection !== undefined && report.outOfDomain.rate < opts.minRejection) throw new CliError(`rejection ${report.outOfDomain.rate.toFixed(3)} is below ${opts.minRejection}`);
    });
}
