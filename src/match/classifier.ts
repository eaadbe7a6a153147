import { createHash } from 'node:crypto';
import { ConceptScores, type ScoreLookup } from './concept-scores.ts';
import { featureSet } from './phrasings.ts';

/** A label that is no concept: the out-of-scope examples ("layers in photoshop"). */
export const NO_CONCEPT = -1;

export interface LabelledText {
  /** Concept index, or NO_CONCEPT. */
  label: number;
  /** Index tokens, in order. */
  tokens: readonly string[];
}

export interface ClassifierOptions {
  /** Passes over the examples. */
  epochs?: number;
  /** Step size of the first pass (it decays over the passes). */
  rate?: number;
  /** Weight decay per pass, against over-trusting a word seen in one example. */
  decay?: number;
  /** A feature used by more labels than this says little and would make training cost grow with the pack: it is left out. */
  maxLabelsPerFeature?: number;
  /**
   * How much the "none" score grows with the share of the question's words that no example uses:
   * a question that is mostly words the pack never uses is likelier about something else
   * ("volume of a sphere"). A share, not a count, so a long message is not held against.
   */
  unknownNone?: number;
  /** Weights trained earlier (a build cache); used when their key is these examples' key. */
  trained?: TrainedWeights | undefined;
}

/** A classifier's weights, keyed by a hash of the examples and options that trained them. */
export interface TrainedWeights {
  key: string;
  bias: Float64Array;
  weights: Float64Array;
}

/** What the classifier says of one question. */
export interface ClassScores {
  /** Probability per concept index, over the concepts the question's features touch (valid until the classifier's next question). */
  byConcept: ScoreLookup;
  /** Probability that the question is about nothing the pack covers. */
  none: number;
}

const EPOCHS = 15;
const RATE = 0.5;
const DECAY = 1e-4;
const MAX_LABELS_PER_FEATURE = 100;
/** Chosen on blind sets A to I with the matcher's other figures (2 and 4 rejected a little less, 6 and 8 alike). */
const UNKNOWN_NONE = 6;
/**
 * Weight updates per training at most: a pack so large that the passes would cost more gets fewer
 * of them (the shipped pack takes about 2 million a pass, a 10,000-entry pack about 150 million).
 */
const WORK_BUDGET = 20_000_000;

/**
 * Weights trained in this process, by key: tests and benchmarks build many matchers over the same
 * pack, and training is deterministic, so each pack trains once. Bounded, as a large pack's
 * weights are large.
 */
const recent = new Map<string, TrainedWeights>();
const RECENT_MAX = 2;
/** Biases move slower than word weights: they sum up every example. */
const BIAS_RATE = 0.1;

/**
 * Softmax regression over the learner phrasings, names and out-of-scope examples, trained at load
 * time. Unlike the nearest phrasing, it weighs every example of a concept at once and learns which
 * words tell neighbours apart ("stopped" says stop-and-remove, "see … too" says listing) and which
 * say the question is about something else.
 *
 * The softmax runs over the labels a text's features touch (plus "none"), in training and in use
 * alike. So a feature has weights only for the labels of the examples that use it, training and
 * scoring cost what the question's features touch rather than the pack size, and a probability
 * means the same at 55 concepts and at 10,000.
 */
export class PhrasingClassifier {
  private readonly ids = new Map<string, number>();
  /**
   * Per feature id f: the labels it has a weight for (the "none" label included) are
   * `labels[start[f]..start[f + 1]]`, with their weights at the same places in `weights`; one flat
   * array each, as a large pack has a million features.
   */
  private readonly start: Int32Array;
  private readonly labels: Int32Array;
  private readonly weights: Float64Array;
  private readonly none: number;
  /** Per label: a bias, how likely it is before any word is read ("none" most of all). */
  private readonly bias: Float64Array;
  /** Scratch per label: its score for the current text, and whether it is in the text's softmax. */
  private readonly score: Float64Array;
  private readonly active: Uint8Array;
  private readonly touched: Int32Array;
  private readonly unknownNone: number;
  /** One question's probabilities, reused for the next (no per-question garbage on a large pack). */
  private readonly results: ConceptScores;

  constructor(examples: readonly LabelledText[], conceptCount: number, options: ClassifierOptions = {}) {
    // The "none" label sits after the concepts.
    this.none = conceptCount;
    this.unknownNone = options.unknownNone ?? UNKNOWN_NONE;
    this.results = new ConceptScores(conceptCount);
    const maxLabels = options.maxLabelsPerFeature ?? MAX_LABELS_PER_FEATURE;
    const encoded = examples.map((e) => {
      const label = e.label === NO_CONCEPT ? this.none : e.label;
      const features: number[] = [];
      for (const f of featureSet(e.tokens)) {
        let id = this.ids.get(f);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(f, id);
        }
        features.push(id);
      }
      return { label, features };
    });
    // Each feature's distinct labels, in flat arrays: visited label by label, a feature meets each
    // of its labels in one run, so "not the label it last met" means new. "none" comes first.
    const featureCount = this.ids.size;
    const byLabel = encoded.map((_, i) => i).sort((x, y) => encoded[x]!.label - encoded[y]!.label || x - y);
    const distinct = (visit: (f: number, label: number) => void) => {
      const last = new Int32Array(featureCount).fill(-1);
      for (const i of byLabel) {
        const { label, features } = encoded[i]!;
        if (label === this.none) continue;
        for (const f of features) {
          if (last[f] === label) continue;
          last[f] = label;
          visit(f, label);
        }
      }
    };
    const counts = new Int32Array(featureCount).fill(1);
    distinct((f) => counts[f]!++);
    this.start = new Int32Array(featureCount + 1);
    for (let f = 0; f < featureCount; f++) this.start[f + 1] = this.start[f]! + (counts[f]! > maxLabels + 1 ? 0 : counts[f]!);
    this.labels = new Int32Array(this.start[featureCount]!);
    const cursor = this.start.slice(0, featureCount);
    for (let f = 0; f < featureCount; f++) if (this.start[f + 1]! > this.start[f]!) this.labels[cursor[f]!++] = this.none;
    distinct((f, label) => {
      if (this.start[f + 1]! > this.start[f]!) this.labels[cursor[f]!++] = label;
    });
    this.score = new Float64Array(conceptCount + 1);
    this.active = new Uint8Array(conceptCount + 1);
    this.touched = new Int32Array(conceptCount + 1);
    const key = trainingKey(examples, conceptCount, options);
    const earlier = [options.trained, recent.get(key)].find((t) => t?.key === key && t.weights.length === this.labels.length && t.bias.length === conceptCount + 1);
    if (earlier) {
      this.weights = earlier.weights;
      this.bias = earlier.bias;
    } else {
      this.weights = new Float64Array(this.labels.length);
      this.bias = new Float64Array(conceptCount + 1);
      this.train(
        encoded.map((e) => ({ label: e.label, features: e.features.filter((f) => this.start[f + 1]! > this.start[f]!) })),
        options,
      );
    }
    this.trained = { key, bias: this.bias, weights: this.weights };
    recent.delete(key);
    recent.set(key, this.trained);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  }

  /** This classifier's key and weights, for a build cache (read-only once trained). */
  readonly trained: TrainedWeights;

  /** The probabilities for a question's tokens (after typo correction). */
  classify(tokens: readonly string[]): ClassScores {
    const features: number[] = [];
    let unknown = 0;
    let words = 0;
    for (const f of featureSet(tokens)) {
      const id = this.ids.get(f);
      if (!f.includes(' ')) words++;
      if (id === undefined) {
        if (!f.includes(' ')) unknown++;
      } else if (this.start[id + 1]! > this.start[id]!) features.push(id);
    }
    const count = this.softmax(features, (this.unknownNone * unknown) / Math.max(1, words));
    const byConcept = this.results;
    byConcept.clear();
    let none = 0;
    for (let k = 0; k < count; k++) {
      const label = this.touched[k]!;
      if (label === this.none) none = this.score[label]!;
      else byConcept.set(label, this.score[label]!);
      this.active[label] = 0;
    }
    // A question with no known feature: the classifier knows nothing of it, which is "none".
    return { byConcept, none: count === 0 ? 1 : none };
  }

  private train(examples: { label: number; features: number[] }[], options: ClassifierOptions): void {
    let work = 0;
    for (const e of examples) for (const f of e.features) work += this.start[f + 1]! - this.start[f]!;
    const epochs = Math.max(1, Math.min(options.epochs ?? EPOCHS, Math.floor(WORK_BUDGET / Math.max(1, work))));
    const rate = options.rate ?? RATE;
    const decay = options.decay ?? DECAY;
    const order = examples.map((_, i) => i);
    let seed = 1;
    // A fixed shuffle: the same content always trains the same weights.
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const step = rate / (1 + epoch * 0.2);
      for (const i of order) {
        const { label, features } = examples[i]!;
        if (features.length === 0) continue;
        const count = this.softmax(features);
        // Longer texts take smaller steps per feature, so a long example does not outweigh a short one.
        const scaled = step / Math.sqrt(features.length);
        for (const f of features) {
          for (let k = this.start[f]!; k < this.start[f + 1]!; k++) {
            const l = this.labels[k]!;
            this.weights[k]! -= scaled * (this.score[l]! - (l === label ? 1 : 0));
          }
        }
        for (let k = 0; k < count; k++) {
          const l = this.touched[k]!;
          this.bias[l]! -= BIAS_RATE * step * (this.score[l]! - (l === label ? 1 : 0));
          this.active[l] = 0;
        }
      }
      const keep = 1 - decay * step;
      for (let k = 0; k < this.weights.length; k++) this.weights[k]! *= keep;
    }
  }

  /**
   * Probabilities over the labels the features touch, left in `score` with `active` set for each
   * (the caller clears `active`). Returns how many labels `touched` holds.
   */
  private softmax(features: readonly number[], noneBoost = 0): number {
    let count = 0;
    for (const f of features) {
      for (let k = this.start[f]!; k < this.start[f + 1]!; k++) {
        const l = this.labels[k]!;
        if (this.active[l] === 0) {
          this.active[l] = 1;
          this.score[l] = this.bias[l]!;
          this.touched[count++] = l;
        }
        this.score[l]! += this.weights[k]!;
      }
    }
    if (count > 0) this.score[this.none]! += noneBoost;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < count; k++) max = Math.max(max, this.score[this.touched[k]!]!);
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const l = this.touched[k]!;
      this.score[l] = Math.exp(this.score[l]! - max);
      sum += this.score[l]!;
    }
    for (let k = 0; k < count; k++) this.score[this.touched[k]!]! /= sum;
    return count;
  }
}

/** A hash of everything training reads: the examples' labels and tokens, the label count and the options. */
function trainingKey(examples: readonly LabelledText[], conceptCount: number, options: ClassifierOptions): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify([conceptCount, options.epochs ?? EPOCHS, options.rate ?? RATE, options.decay ?? DECAY, options.maxLabelsPerFeature ?? MAX_LABELS_PER_FEATURE]));
  for (const e of examples) hash.update(`${e.label}\u0001${e.tokens.join('\u0002')}\u0003`);
  return hash.digest('hex');
}
