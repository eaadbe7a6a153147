import type { Command } from 'commander';
import type { MatchResult } from '../../match/matcher.ts';
import { CliError, cliTutor } from '../context.ts';

/** The JSON contract: exactly one line per question. */
function answerLine(input: string, result: MatchResult): string {
  const json = JSON.stringify({
    query: input,
    answer: result.best ? { conceptId: result.best.conceptId, title: result.best.title, confidence: result.best.confidence } : null,
    suggestions: result.suggestions.map((s) => ({ conceptId: s.conceptId, title: s.title })),
  });
  // JSON allows raw U+2028/U+2029, but many line-splitters treat them as line ends.
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Lines of a stream split on "\n" only (a trailing "\r" is dropped). readline would also end a
 * line at a lone "\r", turning one hostile input line into two answers.
 */
async function* linesOf(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
    }
  }
  pending += decoder.decode();
  if (pending) yield pending.replace(/\r$/, '');
}

export function register(program: Command): void {
  program
    .command('ask')
    .description('answer a question; "-" reads one question per line from stdin')
    .argument('[question...]', 'the question, or - for stdin')
    .option('--json', 'print one JSON line per question')
    .option('--content <dir>', 'content directory')
    // Questions about flags ("-p 8080:80", "--rm") are questions, not usage errors.
    .allowUnknownOption()
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
      for await (const line of linesOf(process.stdin)) print(line);
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
