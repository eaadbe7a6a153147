import { describe, expect, it } from 'vitest';
import { Matcher, type MatchableConcept } from '../../src/match/matcher.ts';
import { osaDistance } from '../../src/match/vocabulary.ts';

const concepts: MatchableConcept[] = [
  { id: 'hypervisor', title: 'Hypervisor', aliases: ['virtual machine monitor', 'vmm'] },
  { id: 'dockerfile', title: 'Dockerfile', aliases: ['docker file', 'build instructions'] },
  { id: 'docker-image', title: 'Docker image', aliases: ['container image'] },
  { id: 'container', title: 'Container', aliases: ['docker container'] },
  { id: 'virtual-machine', title: 'Virtual machine', aliases: ['vm', 'guest os'] },
  { id: 'docker-vs-vm', title: 'Docker vs virtual machines', aliases: ['containers vs vms'], comparison: true },
  { id: 'volumes', title: 'Volumes', aliases: ['named volume', 'persistent data'] },
];
const m = new Matcher(concepts);
const best = (q: string) => m.match(q).best?.conceptId ?? null;

describe('Matcher', () => {
  it('matches plain questions', () => {
    expect(best('what is a hypervisor?')).toBe('hypervisor');
    expect(best('Explain Docker images')).toBe('docker-image');
    expect(best('tell me about named volumes')).toBe('volumes');
  });

  it('corrects typos', () => {
    expect(best('hypervsior')).toBe('hypervisor');
    expect(best('dockerfiel')).toBe('dockerfile');
    expect(best('what is a hypervizor')).toBe('hypervisor');
    expect(best('dokcer image')).toBe('docker-image');
  });

  it('handles plural and singular forms', () => {
    expect(best('hypervisors')).toBe('hypervisor');
    expect(best('volume')).toBe('volumes');
    expect(best('containers')).toBe('container');
  });

  it('prefers the comparison entry for "X vs Y"', () => {
    expect(best('container vs vm')).toBe('docker-vs-vm');
    expect(best('difference between docker and a virtual machine')).toBe('docker-vs-vm');
    expect(best('how is a container different from a vm')).toBe('docker-vs-vm');
  });

  it('ignores platform mentions', () => {
    expect(best('<@U024BE7LH> what is a vmm')).toBe('hypervisor');
    expect(best('<@123456789012345678> dockerfile')).toBe('dockerfile');
  });

  it('rejects out-of-domain questions instead of picking the least bad concept', () => {
    for (const q of ['How do I make pancakes?', 'What is the tallest building in the world?', 'what is love', 'closures in javascript']) {
      expect(m.match(q).best, q).toBeNull();
    }
  });

  it('offers at most three suggestions and never the best match among them', () => {
    const r = m.match('docker');
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    if (r.best) expect(r.suggestions.map((s) => s.conceptId)).not.toContain(r.best.conceptId);
    const miss = m.match('docker thing');
    expect(miss.suggestions.length).toBeGreaterThan(0);
  });

  it('treats greetings as no concept match', () => {
    const r = m.match('hello there');
    expect(r.query.smallTalk).toBe(true);
    expect(r.best).toBeNull();
  });

  it('gives confidences in [0, 1]', () => {
    for (const q of ['vm', 'container vs vm vs hypervisor', 'docker docker docker']) {
      const r = m.match(q);
      for (const h of [r.best, ...r.suggestions]) {
        if (!h) continue;
        expect(h.confidence).toBeGreaterThanOrEqual(0);
        expect(h.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('osaDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(osaDistance('dokcer', 'docker')).toBe(1);
    expect(osaDistance('hypervsior', 'hypervisor')).toBe(1);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('Matcher evidence', () => {
  it('does not answer on a one-word name next to a word the pack never uses', () => {
    expect(best('volume of a sphere')).toBeNull();
    expect(m.match('volume of a sphere').suggestions.map((h) => h.conceptId)).toContain('volumes');
    // Words about how to explain carry no topic, so they do not count as foreign.
    expect(best('what is a hypervisor in simple terms')).toBe('hypervisor');
    expect(best('volumes in plain english')).toBe('volumes');
  });

  it('reads the whole explanation text, not just its first few hundred characters', () => {
    const filler = 'This paragraph talks about something general. '.repeat(30);
    const withText = new Matcher([
      ...concepts.filter((c) => c.id !== 'volumes'),
      { id: 'volumes', title: 'Volumes', aliases: ['named volume'], text: `${filler}Databases keep their tablespace files here.` },
    ]);
    const bare = new Matcher([...concepts.filter((c) => c.id !== 'volumes'), { id: 'volumes', title: 'Volumes', aliases: ['named volume'], text: filler }]);
    const q = 'where do volumes keep database tablespace files';
    expect(withText.match(q).best?.conceptId).toBe('volumes');
    expect(withText.match(q).best!.confidence).toBeGreaterThan(bare.match(q).best?.confidence ?? 0);
  });
});
