/** A store problem the operator must fix: one line, no stack trace. */
export class StoreError extends Error {}
