/** Postgres text cannot hold NUL characters: text people typed is stored without them. */
export const clean = (s: string): string => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s);
