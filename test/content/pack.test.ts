import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { Matcher } from '../../src/match/matcher.ts';
import { parseEvalFile, runEval } from '../../src/eval/run.ts';
import { matchableConcept, Tutor } from '../../src/tutor.ts';

const root = resolve(import.meta.dirname, '../..');
const { pack, issues } = loadContent(resolve(root, 'content'));

const SEED = [
  'docker-vs-vm',
  'kernel-sharing',
  'footprint',
  'startup-speed',
  'isolation',
  'container',
  'dockerfile',
  'docker-image',
  'ephemeral-filesystem',
  'volumes',
  'bind-mounts',
  'port-mapping',
  'unix-sockets',
  'hypervisor',
  'hypervisor-type-1',
  'hypervisor-type-2',
  'hypervisor-types',
  'virtual-machine',
  'docker',
];
const ESSENTIALS = [
  'namespaces',
  'cgroups',
  'image-layers',
  'container-registry',
  'docker-compose',
  'docker-run',
  'docker-build',
  'docker-ps',
  'docker-exec',
  'docker-logs',
  'container-lifecycle',
  'cmd-vs-entrypoint',
  'docker-networks',
  'kvm',
  'docker-daemon',
  'multi-stage-builds',
  'dockerignore',
  'container-orchestration',
  'hardware-virtualization',
  'container-env-vars',
  'restart-policies',
  'healthcheck',
  'image-tags',
];
const COMMANDS = ['docker-run', 'docker-build', 'docker-ps', 'docker-exec', 'docker-logs', 'docker-compose', 'docker-pull-push', 'docker-stop-rm', 'docker-volume-commands'];

describe('the shipped Docker & VM pack', () => {
  it('validates cleanly', () => {
    expect(issues).toEqual([]);
  });

  it('has every required entry and at least 50 in all', () => {
    for (const id of [...SEED, ...ESSENTIALS]) expect(pack.byId.has(id), id).toBe(true);
    expect(pack.concepts.length).toBeGreaterThanOrEqual(50);
  });

  it('has a quiz bank of at least 120 items, 3+ per seed concept, each with an explanation', () => {
    expect(pack.quizItems.length).toBeGreaterThanOrEqual(120);
    for (const id of SEED) expect(pack.byId.get(id)!.quiz.length, id).toBeGreaterThanOrEqual(3);
    for (const q of pack.quizItems) {
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
      expect(q.answerIndex, q.id).toBeGreaterThanOrEqual(0);
    }
    const wrong = pack.quizItems.reduce((n, q) => n + q.choices.length - 1, 0);
    const noted = pack.quizItems.reduce((n, q) => n + Object.keys(q.misconceptions).length, 0);
    expect(noted / wrong).toBeGreaterThan(0.8);
  });

  it('carries both comparison tables as real table data', () => {
    const dvm = pack.byId.get('docker-vs-vm')!.table!;
    expect(dvm.rows.map((r) => r[0])).toEqual(['Kernel sharing', 'Size', 'Speed', 'Isolation']);
    const hv = pack.byId.get('hypervisor-types')!.table!;
    const flat = JSON.stringify(hv).toLowerCase();
    expect(flat).toContain('bare-metal');
    expect(flat).toContain('hosted');
    expect(flat).toMatch(/use case/);
  });

  it('teaches the lesson facts', () => {
    const text = (id: string) => JSON.stringify(pack.byId.get(id)).toLowerCase();
    expect(text('kernel-sharing')).toMatch(/host kernel/);
    expect(text('startup-speed')).toMatch(/millisecond/);
    expect(text('startup-speed')).toMatch(/minute/);
    expect(text('docker-image')).toMatch(/immutable/);
    expect(text('ephemeral-filesystem')).toMatch(/volume/);
    expect(text('ephemeral-filesystem')).toMatch(/bind mount/);
    expect(text('hypervisor-type-1')).toMatch(/data cent/);
    expect(text('hypervisor-type-2')).toMatch(/windows/);
    expect(text('unix-sockets')).toMatch(/unix domain socket/);
  });

  it('gives every entry related links, a source and a review date; command entries carry examples', () => {
    for (const c of pack.concepts) {
      expect(c.related.length, c.id).toBeGreaterThan(0);
      expect(c.source, c.id).toMatch(/^https?:\/\//);
      expect(c.reviewed, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const id of COMMANDS) expect(pack.byId.get(id)!.examples.length, id).toBeGreaterThan(0);
  });

  it('lets a learner walk from image to container to volume', () => {
    expect(pack.byId.get('docker-image')!.related).toContain('container');
    expect(pack.byId.get('container')!.related).toEqual(expect.arrayContaining(['volumes']));
  });
});

describe('matching quality on the repository eval set', () => {
  it('meets the accuracy and rejection thresholds', () => {
    const rows = parseEvalFile(readFileSync(resolve(root, 'test/eval/questions.jsonl'), 'utf8'), 'questions.jsonl');
    expect(rows.length).toBeGreaterThan(150);
    const tutor = new Tutor(pack);
    const report = runEval(tutor.matcher, rows);
    expect(report.inDomain.accuracy, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(0.92);
    expect(report.outOfDomain.rate, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(0.9);
  });

  // Written later by people who had not seen the matcher. The first was then used for tuning; the
  // second only for a few general fixes, so it is the better guess at unseen questions.
  it.each([
    ['probe.jsonl', 0.87, 0.96],
    ['probe2.jsonl', 0.97, 0.93],
    // Written blind before the learner phrasings were added; tuned with since.
    ['blind-a.jsonl', 0.91, 0.97],
    // Written blind after an earlier tuning; scored once (0.741 / 0.857), kept as a regression set.
    ['blind-b.jsonl', 0.93, 0.95],
    // One small set per failure kind of the answer-quality issue, written from its list of kinds
    // alone before any change for it; first scored 0.700 / 1.000.
    ['kinds.jsonl', 0.85, 0.95],
    // Written blind after the learner phrasings and the kinds work; first scored 0.754 / 0.967
    // (0.775 / 0.983 on the matcher it arrived to), tuned with since.
    ['blind-c.jsonl', 0.89, 0.98],
    // Written blind (five imagined askers) at the same time as blind-c, held out until the end of the
    // round and scored once: 0.779 / 0.917 (0.642 / 0.950 on the matcher of the round's start).
    ['blind-d.jsonl', 0.87, 0.95],
    // Written blind from the concept list alone; scored once: 0.835 / 0.920 (suggestions 8/11).
    ['blind-e.jsonl', 0.92, 0.94],
    // Written blind from the concept list alone, held out through the long-message round and scored
    // once after it: 0.902 / 0.917, 0.875 / 0.950 and 0.910 / 0.900.
    ['blind-f.jsonl', 0.93, 0.97],
    ['blind-g.jsonl', 0.95, 0.95],
    ['blind-h.jsonl', 0.95, 0.94],
    // Written blind before the classifier round and scored once on the matcher before it (0.919 /
    // 0.925); the round was tuned with it.
    ['blind-i.jsonl', 0.95, 0.97],
    // Written blind with I, held out until the classifier round was done, scored once: 0.875 / 0.925
    // and 0.919 / 0.800 (0.869 / 0.875 and 0.900 / 0.700 on the matcher before the round).
    ['blind-j.jsonl', 0.93, 0.92],
    ['blind-k.jsonl', 0.95, 0.9],
    // Written blind with the classifier's first round done, held out through the second (more near
    // misses, learner typos, suggestions) and scored once after it: 0.906 / 0.950 and 0.856 / 1.000.
    ['blind-l.jsonl', 0.93, 0.97],
    ['blind-m.jsonl', 0.91, 0.97],
    // Written blind during the second round, held out through the content round that followed,
    // scored once after it: 0.887 / 0.950 (0.887 / 0.925 before that round).
    ['blind-n.jsonl', 0.9, 0.95],
    // Written blind from the concept list alone at the start of the round of fresh learner phrasings;
    // scored once on the matcher before it: 0.875 / 0.925 (suggestions 5/7).
    ['blind-o.jsonl', 0.94, 0.95],
    // Written blind with O, held out through three of the round's six content rounds, scored once:
    // 0.919 / 0.950 and 0.938 / 0.925.
    ['blind-p.jsonl', 0.91, 0.95],
    ['blind-q.jsonl', 0.92, 0.9],
    // Written blind during the last content rounds, held out until all six were in, scored once:
    // 0.944 / 1.000 and 0.963 / 0.925 (one matcher fix for "type 1 or 2" questions followed).
    ['blind-r.jsonl', 0.94, 0.97],
    ['blind-s.jsonl', 0.95, 0.9],
    // Written blind after the last change to content and matcher, scored once: 0.956 / 1.000.
    ['blind-t.jsonl', 0.94, 0.97],
  ])('meets its bar on the blind set %s', (file, accuracy, rejection) => {
    const rows = parseEvalFile(readFileSync(resolve(root, 'test/eval', file), 'utf8'), file);
    const report = runEval(new Tutor(pack).matcher, rows);
    expect(report.inDomain.accuracy, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(accuracy);
    expect(report.outOfDomain.rate, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(rejection);
  });

  // Each kind of failure keeps what it has gained (correct answers out of the kind's questions).
  it.each([
    ['scenario', 2],
    ['comparison', 6],
    ['classification', 5],
    ['error', 5],
    ['typo', 6],
    ['see-where', 6],
    ['long', 2],
    ['near-miss', 20],
  ])('answers the %s kind of question as well as before', (kind, floor) => {
    const lines = readFileSync(resolve(root, 'test/eval/kinds.jsonl'), 'utf8').split('\n').filter(Boolean);
    const rows = lines.map((l) => JSON.parse(l) as { q: string; expect: string[] | null; kind: string }).filter((r) => r.kind === kind);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const matcher = new Tutor(pack).matcher;
    const wrong: string[] = [];
    for (const r of rows) {
      const best = matcher.match(r.q).best;
      const ok = r.expect ? best !== null && r.expect.includes(best.conceptId) : best === null;
      if (!ok) wrong.push(`${r.q} -> ${best?.conceptId ?? 'no match'}`);
    }
    expect(rows.length - wrong.length, wrong.join('\n')).toBeGreaterThanOrEqual(floor);
  });

  it('a matcher without explanation text is worse (the text signal earns its place)', () => {
    // Over the blind sets (about 2,400 in-domain questions): the repository set and the first probe
    // alone are too few to tell, as the learner phrasings now carry most questions.
    const files = [...'abcdefghijklm'].map((s) => `blind-${s}.jsonl`);
    const rows = files.flatMap((f) => parseEvalFile(readFileSync(resolve(root, 'test/eval', f), 'utf8'), f));
    const bare = new Matcher(
      pack.concepts.map((c) => ({ ...matchableConcept(c), text: undefined })),
      { outOfScope: pack.outOfScope },
    );
    const full = new Tutor(pack).matcher;
    expect(runEval(full, rows).inDomain.correct).toBeGreaterThan(runEval(bare, rows).inDomain.correct);
  });
});
