import { describe, expect, it } from 'vitest';
import { Matcher, type MatchableConcept } from '../../src/match/matcher.ts';

const concepts: MatchableConcept[] = [
  { id: 'hypervisor', title: 'Hypervisor', aliases: ['virtual machine monitor', 'vmm'] },
  { id: 'volumes', title: 'Volumes', aliases: ['named volume', 'persistent data'] },
  { id: 'container', title: 'Container', aliases: ['docker container'] },
];

/** The best concept's confidence with the default options. */
const confidenceOf = (q: string) => {
  const r = new Matcher(concepts, { threshold: 0 }).match(q);
  return { id: r.best?.conceptId ?? null, confidence: r.best?.confidence ?? 0 };
};

describe('answer threshold by message length', () => {
  const long = 'our nightly reporting job writes its output and we would like the files to survive restarts, is a named volume the way';
  const short = 'named volume';

  it('answers a long message a little below the threshold', () => {
    const { id, confidence } = confidenceOf(long);
    expect(id).toBe('volumes');
    const m = new Matcher(concepts, { threshold: confidence + 0.05 });
    expect(m.match(long).terms.length).toBeGreaterThanOrEqual(8);
    expect(m.match(long).best?.conceptId).toBe('volumes');
  });

  it('does not relax the threshold for a short question', () => {
    const { id, confidence } = confidenceOf(short);
    expect(id).toBe('volumes');
    const m = new Matcher(concepts, { threshold: confidence + 0.05 });
    expect(m.match(short).best).toBeNull();
    expect(m.match(short).suggestions.map((h) => h.conceptId)).toContain('volumes');
  });

  it('still rejects a long message far below the threshold', () => {
    const { confidence } = confidenceOf(long);
    const m = new Matcher(concepts, { threshold: confidence + 0.2 });
    expect(m.match(long).best).toBeNull();
  });
});
