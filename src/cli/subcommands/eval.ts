import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatEvalReport, parseEvalFile, runEval, type EvalRow } from '../../eval/run.ts';
import { CliError, cliTutor } from '../context.ts';

export function register(program: Command): void {
  program
    .command('eval')
    .description('measure matching quality on a JSONL file of {"q", "expect": [ids] | null} lines')
    .argument('<files...>', 'eval sets (.jsonl); each is reported on its own')
    .option('--json', 'print each report as one JSON line')
    .option('--explain', 'for each miss, why the expected and the chosen concept scored as they did')
    .option('--min-accuracy <n>', 'exit 1 when in-domain top-1 accuracy is below n', parseFloat)
    .option('--min-rejection <n>', 'exit 1 when out-of-domain rejection is below n', parseFloat)
    .option('--content <dir>', 'content directory')
    .action((files: string[], opts: { json?: boolean; explain?: boolean; minAccuracy?: number; minRejection?: number; content?: string }) => {
      const sets = files.map((file) => ({ file, rows: readSet(file) }));
      const matcher = cliTutor(opts.content).matcher;
      const failures: string[] = [];
      for (const { file, rows } of sets) {
        const report = runEval(matcher, rows, { explain: !!opts.explain });
        if (opts.json) process.stdout.write(`${JSON.stringify({ file, ...report })}\n`);
        else process.stdout.write(`${sets.length > 1 ? `== ${file}\n` : ''}${formatEvalReport(report)}\n`);
        if (opts.minAccuracy !== undefined && report.inDomain.accuracy < opts.minAccuracy) failures.push(`${file}: accuracy ${report.inDomain.accuracy.toFixed(3)} is below ${opts.minAccuracy}`);
        if (opts.minRejection !== undefined && report.outOfDomain.rate < opts.minRejection) failures.push(`${file}: rejection ${report.outOfDomain.rate.toFixed(3)} is below ${opts.minRejection}`);
      }
      if (failures.length) throw new CliError(failures.join('\n'));
    });
}

function readSet(file: string): EvalRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseEvalFile(text, file);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}
