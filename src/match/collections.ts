/** Small collection helpers the index builders share. */

/** Append `value` to the list at `key`, skipping an immediate repeat (lists are built in order). */
export function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

export function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
