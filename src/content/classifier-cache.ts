import { readFileSync, writeFileSync } from 'node:fs';
import type { TrainedWeights } from '../match/classifier.ts';

/**
 * Training the matcher's classifier is the largest part of a cold start. The build trains it on
 * the shipped pack once and writes the weights, stamped with a hash of the classifier's source
 * that it also compiles into the bundle. The bundle uses the file only when the stamps agree (and
 * the classifier itself uses the weights only when their key is its examples' key); run from
 * source there is no stamp, so it trains afresh and an edited classifier never meets old weights.
 */
declare const __CLASSIFIER_FINGERPRINT__: string | undefined;

const BUNDLED_CLASSIFIER: string | null = typeof __CLASSIFIER_FINGERPRINT__ === 'string' ? __CLASSIFIER_FINGERPRINT__ : null;

interface ClassifierCacheFile {
  fingerprint: string;
  key: string;
  /** Float64 arrays, little-endian, base64. */
  bias: string;
  weights: string;
}

/** The weights in `file` when its stamp is `fingerprint`; undefined otherwise (a missing cache only costs time). */
export function readClassifierCache(file: string, fingerprint: string | null = BUNDLED_CLASSIFIER): TrainedWeights | undefined {
  if (!fingerprint) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<ClassifierCacheFile>;
    if (data.fingerprint !== fingerprint || typeof data.key !== 'string' || typeof data.bias !== 'string' || typeof data.weights !== 'string') return undefined;
    return { key: data.key, bias: floats(data.bias), weights: floats(data.weights) };
  } catch {
    return undefined;
  }
}

export function writeClassifierCache(file: string, fingerprint: string, trained: TrainedWeights): void {
  const base64 = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const data: ClassifierCacheFile = { fingerprint, key: trained.key, bias: base64(trained.bias), weights: base64(trained.weights) };
  writeFileSync(file, JSON.stringify(data));
}

function floats(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 8 !== 0) throw new Error('not a whole number of float64 values');
  // Copied into an aligned buffer of its own: a Buffer may sit at any offset of a shared pool.
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
