/** Scores by concept index, as the decision reads them. A Map satisfies it too. */
export interface ScoreLookup {
  get(ci: number): number | undefined;
  has(ci: number): boolean;
  keys(): Iterable<number>;
}

/**
 * A sparse score per concept index over arrays allocated once: one question's scores, reused for
 * the next question. Holding no per-question garbage keeps a large pack's latency free of
 * collector pauses. Valid until the next `clear()`.
 */
export class ConceptScores implements ScoreLookup {
  private readonly values: Float64Array;
  private readonly present: Uint8Array;
  private readonly ids: Int32Array;
  private count = 0;

  constructor(concepts: number) {
    this.values = new Float64Array(concepts);
    this.present = new Uint8Array(concepts);
    this.ids = new Int32Array(concepts);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    for (let k = 0; k < this.count; k++) this.present[this.ids[k]!] = 0;
    this.count = 0;
  }

  set(ci: number, value: number): void {
    if (this.present[ci] === 0) {
      this.present[ci] = 1;
      this.ids[this.count++] = ci;
    }
    this.values[ci] = value;
  }

  get(ci: number): number | undefined {
    return this.present[ci] === 1 ? this.values[ci] : undefined;
  }

  has(ci: number): boolean {
    return this.present[ci] === 1;
  }

  /** Concept indices in the order they were first set. */
  keys(): Iterable<number> {
    return this.ids.subarray(0, this.count);
  }
}
