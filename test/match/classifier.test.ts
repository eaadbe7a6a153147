import { describe, expect, it } from 'vitest';
import { NO_CONCEPT, PhrasingClassifier, type LabelledText } from '../../src/match/classifier.ts';
import { Matcher, type MatchableConcept } from '../../src/match/matcher.ts';
import { indexTokens } from '../../src/match/normalize.ts';

const texts = (label: number, ...qs: string[]): LabelledText[] => qs.map((q) => ({ label, tokens: indexTokens(q) }));

// Two neighbours that share most words, and examples of what the pack does not cover.
const examples: LabelledText[] = [
  ...texts(0, 'how do I list my containers', 'show running containers', 'see stopped containers too', 'which containers are running right now', 'list all containers'),
  ...texts(1, 'how do I stop a container', 'remove a stopped container', 'delete old containers', 'stop and remove every container', 'kill a container that hangs'),
  ...texts(NO_CONCEPT, 'shipping containers for sale', 'how big is a shipping container', 'container ship delays at the port', 'buy a used shipping container', 'container gardening for tomatoes'),
];

const top = (scores: { byConcept: { get(ci: number): number | undefined } }) => ((scores.byConcept.get(0) ?? 0) >= (scores.byConcept.get(1) ?? 0) ? 0 : 1);

describe('phrasing classifier', () => {
  const classifier = new PhrasingClassifier(examples, 2);

  it('tells neighbours apart by the words that differ', () => {
    expect(top(classifier.classify(indexTokens('list the stopped containers')))).toBe(0);
    expect(top(classifier.classify(indexTokens('remove the stopped containers')))).toBe(1);
  });

  it('says "none" for what the out-of-scope examples cover, and for words it never saw', () => {
    expect(classifier.classify(indexTokens('price of a shipping container')).none).toBeGreaterThan(0.5);
    expect(classifier.classify(indexTokens('list my containers')).none).toBeLessThan(0.2);
    expect(classifier.classify(indexTokens('pancake recipe')).none).toBe(1);
    // A question that is mostly unknown words leans further towards "none" than the same known words alone.
    expect(classifier.classify(indexTokens('list containers pancake recipe syrup')).none).toBeGreaterThan(classifier.classify(indexTokens('list containers')).none);
  });

  it('gives probabilities that sum to one over the labels the question touches', () => {
    const scores = classifier.classify(indexTokens('stop listing containers'));
    const sum = (scores.byConcept.get(0) ?? 0) + (scores.byConcept.get(1) ?? 0) + scores.none;
    expect(sum).toBeCloseTo(1, 9);
  });

  it('trains the same weights from the same examples, and reuses weights only when their key matches', () => {
    const again = new PhrasingClassifier(examples, 2);
    expect(again.trained.key).toBe(classifier.trained.key);
    expect([...again.trained.weights]).toEqual([...classifier.trained.weights]);

    // Weights given for these examples are used as they are (here: zeros, which no training gives).
    const zeros = { key: classifier.trained.key, bias: new Float64Array(3), weights: new Float64Array(classifier.trained.weights.length) };
    const reused = new PhrasingClassifier(examples, 2, { trained: zeros });
    // "list" touches docker-ps and "none", "contain" both concepts too: three labels, all alike.
    expect(reused.classify(indexTokens('list my containers')).byConcept.get(0)).toBeCloseTo(1 / 3, 9);

    // Other examples have another key: the given weights are ignored and it trains.
    const other = [...examples, ...texts(0, 'docker ps output explained')];
    const fresh = new PhrasingClassifier(other, 2, { trained: { ...zeros, key: classifier.trained.key } });
    expect(fresh.trained.key).not.toBe(classifier.trained.key);
    expect(top(fresh.classify(indexTokens('list the stopped containers')))).toBe(0);
    expect(fresh.classify(indexTokens('list my containers')).byConcept.get(0)).toBeGreaterThan(0.6);
  });

  it('leaves out a feature used by more labels than the limit', () => {
    const limited = new PhrasingClassifier(examples, 2, { maxLabelsPerFeature: 1 });
    // "contain" is in both concepts' examples, so alone it is no evidence: the question reads as unknown.
    expect(limited.classify(indexTokens('containers')).none).toBe(1);
    expect(new PhrasingClassifier(examples, 2).classify(indexTokens('containers')).none).toBeLessThan(1);
  });
});

describe('the classifier in the matcher', () => {
  const concepts: MatchableConcept[] = [
    {
      id: 'docker-ps',
      title: 'docker ps',
      aliases: ['list containers'],
      questions: ['how do I list my containers', 'show running containers', 'see stopped containers too', 'which containers are running right now'],
    },
    {
      id: 'docker-stop-rm',
      title: 'Stopping and removing containers',
      aliases: ['docker rm', 'docker stop'],
      questions: ['how do I stop a container', 'remove a stopped container', 'delete old containers', 'kill a container that hangs'],
    },
  ];
  const outOfScope = ['shipping containers for sale', 'how big is a shipping container', 'container ship delays at the port', 'buy a used shipping container'];

  it('moves scores by what it says, and stays out of one-word questions', () => {
    const withIt = new Matcher(concepts, { outOfScope });
    const without = new Matcher(concepts, { outOfScope, classifierShare: 0 });
    const q = 'which containers are there, running ones too';
    expect(withIt.match(q).best?.conceptId).toBe('docker-ps');
    expect(withIt.match(q).best!.confidence).toBeGreaterThan(without.match(q).best?.confidence ?? 0);
    expect(withIt.match('containers').best?.confidence).toBe(without.match('containers').best?.confidence);
    const explained = withIt.explain(q, 'docker-ps')!;
    expect(explained.classifier.concept).toBeGreaterThan(0.5);
    expect(explained.classifier.none).toBeLessThan(0.35);
  });

  it('lowers every concept when it reads the question as about something else', () => {
    const q = 'how much does a used shipping container cost to buy';
    const withIt = new Matcher(concepts, { outOfScope, threshold: 0 });
    const without = new Matcher(concepts, { outOfScope, threshold: 0, classifierShare: 0, noneAllowance: 1 });
    expect(withIt.explain(q, 'docker-ps')!.classifier.none).toBeGreaterThan(0.5);
    expect(withIt.match(q).best?.confidence ?? 0).toBeLessThan(without.match(q).best?.confidence ?? 0);
    expect(new Matcher(concepts, { outOfScope }).match(q).best).toBeNull();
  });

  it('counts "none" only in part against a suggestion: a doubtful question still offers its topic', () => {
    const m = new Matcher(concepts, { outOfScope });
    const q = 'list the shipping containers at the port';
    const r = m.match(q);
    expect(m.explain(q, 'docker-ps')!.classifier.none).toBeGreaterThan(m.threshold);
    expect(r.best).toBeNull();
    expect(r.suggestions.map((h) => h.conceptId)).toEqual(['docker-ps']);
    // Its score is below the suggestion floor: only the partial "none" lets it be offered.
    expect(r.suggestions[0]!.confidence).toBeLessThan(m.suggestThreshold);
    expect(r.alternatives).toEqual([]);
  });
});
