import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadContent } from '../../content/load.ts';
import { formatIssue } from '../../content/model.ts';
import { CliError, cliConfig } from '../context.ts';

export function register(program: Command): void {
  const content = program.command('content').description('work with content packs');
  content
    .command('check')
    .description('validate every concept file and the links between them')
    .argument('[dir]', 'content directory (default: CONTENT_DIR or ./content)')
    .action((dir?: string) => {
      const root = resolve(dir ?? cliConfig().contentDir);
      const { pack, issues, files } = loadContent(root);
      if (issues.length) {
        process.stderr.write(`${issues.map(formatIssue).join('\n')}\n`);
        throw new CliError(`${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
      }
      const quiz = pack.quizItems.length;
      process.stdout.write(`OK: ${pack.concepts.length} concepts, ${quiz} quiz items in ${files} files (${pack.packs.join(', ')}).\n`);
    });
  content
    .command('list')
    .description('list the concepts: id, title and summary')
    .argument('[dir]', 'content directory (default: CONTENT_DIR or ./content)')
    .option('--json', 'one JSON array of {"id", "title", "summary"}')
    .action((dir: string | undefined, opts: { json?: boolean }) => {
      const root = resolve(dir ?? cliConfig().contentDir);
      const { pack, issues } = loadContent(root);
      if (issues.length) throw new CliError(`Content error:\n${issues.map(formatIssue).join('\n')}`);
      const rows = pack.concepts.map((c) => ({ id: c.id, title: c.title, summary: c.summary }));
      if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else process.stdout.write(`${rows.map((r) => `${r.id.padEnd(32)} ${r.title}`).join('\n')}\n`);
    });
}
