import type { ConceptEntry } from './schema.ts';
import type { ContentIssue } from './model.ts';
import { cleanText, indexTokens } from '../match/normalize.ts';

interface Located {
  entry: ConceptEntry;
  file: string;
}

/** Rules that need more than one file (or more than one field) to check. */
export function crossCheck(entries: Located[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const idFile = new Map<string, string>();
  for (const { entry, file } of entries) {
    const first = idFile.get(entry.id);
    if (first) issues.push({ file, path: 'id', message: `duplicate id "${entry.id}" (also in ${first})` });
    else idFile.set(entry.id, file);
  }

  // Two entries answering to the same name would make matching a coin toss.
  const nameOwner = new Map<string, { id: string; file: string }>();
  for (const { entry, file } of entries) {
    const names: [string, string][] = [['title', entry.title], ...entry.aliases.map((a, i): [string, string] => [`aliases.${i}`, a])];
    const mine = new Set<string>();
    for (const [path, name] of names) {
      // Compare names the way the matcher sees them: "volume"/"Volumes" and "vm"/"virtual machine" are one name.
      const key = indexTokens(name).join(' ') || cleanText(name);
      if (mine.has(key)) continue;
      mine.add(key);
      const owner = nameOwner.get(key);
      if (owner && owner.id !== entry.id) {
        issues.push({ file, path, message: `"${name}" collides with a title or alias of "${owner.id}" (${owner.file})` });
      } else nameOwner.set(key, { id: entry.id, file });
    }
  }

  for (const { entry, file } of entries) {
    entry.related.forEach((id, i) => {
      if (!idFile.has(id)) issues.push({ file, path: `related.${i}`, message: `unknown concept id "${id}"` });
      else if (id === entry.id) issues.push({ file, path: `related.${i}`, message: 'an entry cannot be related to itself' });
    });
    entry.quiz.forEach((q, qi) => {
      const base = `quiz.${qi}`;
      if (!q.choices.includes(q.answer)) issues.push({ file, path: `${base}.answer`, message: `"${q.answer}" is not one of the choices` });
      const seen = new Set<string>();
      q.choices.forEach((c, ci) => {
        if (seen.has(c)) issues.push({ file, path: `${base}.choices.${ci}`, message: `duplicate choice "${c}"` });
        seen.add(c);
      });
      for (const key of Object.keys(q.misconceptions ?? {})) {
        if (!q.choices.includes(key)) issues.push({ file, path: `${base}.misconceptions`, message: `"${key}" is not one of the choices` });
        else if (key === q.answer) issues.push({ file, path: `${base}.misconceptions`, message: `"${key}" is the correct answer, not a misconception` });
      }
    });
  }

  // A learner phrasing listed under two entries would pull the same question both ways; two that
  // read the same once filler words are dropped are one phrasing written twice.
  const phrasingOwner = new Map<string, { id: string; file: string; index: number; text: string }>();
  for (const { entry, file } of entries) {
    entry.questions.forEach((q, i) => {
      const key = indexTokens(q).join(' ');
      const owner = phrasingOwner.get(key);
      if (owner && owner.id !== entry.id) issues.push({ file, path: `questions.${i}`, message: `"${q}" reads the same as a phrasing of "${owner.id}" (${owner.file}: "${owner.text}")` });
      else if (owner) issues.push({ file, path: `questions.${i}`, message: `"${q}" reads the same as questions.${owner.index} ("${owner.text}") once filler words are dropped` });
      else phrasingOwner.set(key, { id: entry.id, file, index: i, text: q });
    });
  }

  const quizIds = new Map<string, string>();
  for (const { entry, file } of entries) {
    entry.quiz.forEach((q, qi) => {
      const id = q.id ?? `${entry.id}-q${qi + 1}`;
      const first = quizIds.get(id);
      if (first) issues.push({ file, path: `quiz.${qi}.id`, message: `duplicate quiz id "${id}" (also in ${first})` });
      else quizIds.set(id, file);
    });
  }
  return issues;
}
