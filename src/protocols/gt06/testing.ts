// Helpers shared by this folder's tests.

import assert from 'node:assert/strict';
import type { Gt06DecodeResult, Gt06Error, Gt06Message } from './types.ts';

/** Bytes of a hex string, as traccar's tests write frames. */
export function bin(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}

/** Hex of bytes, for exact comparisons. */
export function hex(bytes: Uint8Array | null): string {
  assert.ok(bytes, 'expected bytes');
  return Buffer.from(bytes).toString('hex');
}

/** The message of a successful result, checked to be of the expected kind. */
export function messageOf<K extends Gt06Message['kind']>(
  result: Gt06DecodeResult | undefined,
  kind: K,
): Extract<Gt06Message, { kind: K }> {
  assert.ok(result, 'expected a result');
  assert.ok(result.ok, `expected a message, got ${JSON.stringify(result)}`);
  assert.equal(result.message.kind, kind);
  return result.message as Extract<Gt06Message, { kind: K }>;
}

/** The error of a failed result. */
export function errorOf(result: Gt06DecodeResult | undefined): Gt06Error {
  assert.ok(result, 'expected a result');
  assert.ok(!result.ok, `expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}
