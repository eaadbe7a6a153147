import type { ConceptEntry } from './schema.ts';
import type { ContentIssue } from './model.ts';

const INSTRUCTION = /^\s*(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/i;

/**
 * Dockerfiles have no end-of-line comments: `#` starts a comment only at the start of a line, so
 * `FROM alpine:3.22  # small` fails to build and `ENV A=1 # note` sets A to "1 # note". A shell-form
 * RUN is the one place where the shell itself reads a trailing `# ...`; the pack still keeps
 * comments on their own lines there, so only that case is allowed.
 * Returns the 1-based line numbers that carry such a comment.
 */
export function endOfLineComments(dockerfile: string): number[] {
  const bad: number[] = [];
  let instruction: string | null = null; // the instruction a continued line belongs to
  dockerfile.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    const continued = instruction !== null;
    if (!continued) {
      const m = INSTRUCTION.exec(line);
      if (!m || trimmed.startsWith('#')) return;
      instruction = m[1]!.toUpperCase();
    } else if (trimmed.startsWith('#')) {
      return; // a comment line inside a continued instruction is allowed by the parser
    }
    const current = instruction!;
    const shellRun = current === 'RUN' && !/^\s*RUN\s+(--\S+\s+)*\[/i.test(continued ? '' : line);
    if (!shellRun && hasTrailingComment(line)) bad.push(i + 1);
    if (!/\\\s*$/.test(line)) instruction = null;
  });
  return bad;
}

/** A `#` after whitespace, outside quotes. */
function hasTrailingComment(line: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && i > 0 && /\s/.test(line[i - 1]!)) return true;
  }
  return false;
}

/** Every Dockerfile snippet of an entry (examples marked `dockerfile`, and ```dockerfile fences in the body). */
export function checkDockerfiles(entry: ConceptEntry, file: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const report = (path: string, code: string) => {
    const lines = endOfLineComments(code);
    if (lines.length > 0) {
      issues.push({
        file,
        path,
        message: `Dockerfile line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} put${lines.length > 1 ? '' : 's'} a comment after an instruction; Dockerfiles have no end-of-line comments, put it on its own line`,
      });
    }
  };
  (entry.examples ?? []).forEach((e, i) => {
    if (/^docker(file)?$/i.test(e.language ?? '') || /^\s*FROM\s+\S/im.test(e.code)) report(`examples.${i}.code`, e.code);
  });
  const fence = /```dockerfile\n([\s\S]*?)```/gi;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = fence.exec(entry.body))) report(`body (dockerfile block ${++n})`, m[1]!);
  return issues;
}
