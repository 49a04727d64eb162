/** Idempotency keys: a request replayed with its key gets the first answer instead of a second change. */
export * from './idempotency.ts';
