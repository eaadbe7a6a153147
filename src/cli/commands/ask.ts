import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { MatchResult } from '../../match/matcher.ts';
import { CliError, cliTutor } from '../context.ts';

/** The JSON contract: exactly one line per question. */
export function answerLine(input: string, result: MatchResult): string {
  return JSON.stringify({
    query: input,
    answer: result.best ? { conceptId: result.best.conceptId, title: result.best.title, confidence: result.best.confidence } : null,
    suggestions: result.suggestions.map((s) => ({ conceptId: s.conceptId, title: s.title })),
  });
}

export function register(program: Command): void {
  program
    .command('ask')
    .description('answer a question; "-" reads one question per line from stdin')
    .argument('[question...]', 'the question, or - for stdin')
    .option('--json', 'print one JSON line per question')
    .option('--content <dir>', 'content directory')
    .action(async (words: string[], opts: { json?: boolean; content?: string }) => {
      const question = words.join(' ');
      if (!question) throw new CliError('usage: tutor ask [--json] "<question>"  (or - to read lines from stdin)', 2);
      const tutor = cliTutor(opts.content);
      const print = (line: string) => {
        const result = tutor.match(line);
        if (opts.json) process.stdout.write(`${answerLine(line, result)}\n`);
        else process.stdout.write(`${textAnswer(tutor, result)}\n`);
      };
      if (question !== '-') return print(question);
      // Batch mode: one process, one index, answers in input order.
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) print(line);
    });
}

function textAnswer(tutor: ReturnType<typeof cliTutor>, r: MatchResult): string {
  const lines: string[] = [];
  if (r.best) {
    const c = tutor.pack.byId.get(r.best.conceptId)!;
    lines.push(`${c.title} (${c.id}, confidence ${r.best.confidence})`, c.summary);
  } else lines.push('No match.');
  if (r.suggestions.length) lines.push(`Did you mean: ${r.suggestions.map((s) => `${s.title} (${s.conceptId})`).join(', ')}`);
  return lines.join('\n');
}
