// Location data batch upload, 0x0704 (JT/T 808-2013 §8.49): count WORD, type BYTE (0 normal batch,
// 1 blind-spot re-upload), then `count` items of length WORD + a 0x0200 body (§8.18).
import { u8, u16 } from './bytes.ts';
import { decodeLocationBody } from './location.ts';
import type { Jt808Location } from './types.ts';

/** What a batch body holds; `invalidItems` counts items present but undecodable. */
export interface BatchDecode {
  batchType: number;
  locations: Jt808Location[];
  invalidItems: number;
  truncated: boolean;
}

/**
 * Decodes a batch body, or returns a string saying why not. One bad item does not sink the others:
 * it is counted in `invalidItems`. A body that ends before `count` items is flagged `truncated`.
 */
export function decodeBatch(body: Uint8Array): BatchDecode | string {
  if (body.length < 3) return `batch body is ${body.length} bytes, needs at least 3`;
  const count = u16(body, 0);
  const result: BatchDecode = { batchType: u8(body, 2), locations: [], invalidItems: 0, truncated: false };
  let p = 3;
  for (let i = 0; i < count; i++) {
    if (p + 2 > body.length) {
      result.truncated = true;
      break;
    }
    const len = u16(body, p);
    const start = p + 2;
    const end = start + len;
    if (end > body.length) {
      result.truncated = true;
      break;
    }
    const item = decodeLocationBody(body, start, end);
    if ('location' in item) result.locations.push(item.location);
    else result.invalidItems++;
    p = end;
  }
  return result;
}
