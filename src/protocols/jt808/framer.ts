// Splits a TCP byte stream into JT/T 808 frames (§4.4.1: 0x7e, header, body, checksum, 0x7e).
import { errorHex } from './bytes.ts';
import { FLAG, MAX_ESCAPED_FRAME } from './constants.ts';
import { unescapeFrame } from './escape.ts';
import type { Jt808FrameResult } from './types.ts';

/** Framer settings. */
export interface Jt808FramerOptions {
  /** Largest escaped frame kept, delimiters excluded; default `MAX_ESCAPED_FRAME` (2090). */
  maxFrameBytes?: number;
}

type State = 'hunt' | 'frame' | 'skip';

/**
 * Streaming framer: push arbitrary chunks, get back complete unescaped frames (header + body +
 * checksum) and framing errors, in stream order.
 *
 * - Bytes before the first 0x7e of the stream are dropped silently (a connection may start mid-frame).
 * - Every later 0x7e both closes the current frame and opens the next, so frames that share one
 *   delimiter are not lost; an empty run (0x7e 0x7e) is just a delimiter pair. Junk between frames
 *   therefore comes out as a short frame, which `decodeFrame` reports as 'truncated'.
 * - A frame longer than `maxFrameBytes` is reported once as 'too_large' and skipped up to the next
 *   0x7e: memory held never exceeds `maxFrameBytes`.
 */
export class Jt808Framer {
  private readonly max: number;
  /**
   * Holds a frame split across chunks. Allocated on first need and grown as needed: most frames
   * arrive whole in one chunk, and an idle connection should not cost a 2 KB buffer.
   */
  private buf: Uint8Array | undefined;
  private len = 0;
  private state: State = 'hunt';

  constructor(options: Jt808FramerOptions = {}) {
    this.max = Math.max(1, Math.floor(options.maxFrameBytes ?? MAX_ESCAPED_FRAME));
  }

  /** Bytes of an unfinished frame held from earlier chunks. */
  get buffered(): number {
    return this.len;
  }

  /** Feeds one chunk; returns what it completed. Never throws. */
  push(chunk: Uint8Array): Jt808FrameResult[] {
    const out: Jt808FrameResult[] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const flag = chunk.indexOf(FLAG, i);
      if (this.state !== 'frame') {
        // Hunting for the first delimiter, or skipping the rest of an oversized frame.
        if (flag < 0) break;
        this.state = 'frame';
        this.len = 0;
        i = flag + 1;
        continue;
      }
      const end = flag < 0 ? n : flag;
      const take = end - i;
      if (this.len + take > this.max) {
        const head =
          this.len > 0 && this.buf ? this.buf.subarray(0, Math.min(this.len, 64)) : chunk.subarray(i, i + 64);
        out.push({
          ok: false,
          error: { reason: 'too_large', hex: errorHex(head), detail: `over ${this.max} bytes` },
        });
        this.state = 'skip';
        this.len = 0;
        i = end;
        continue;
      }
      if (flag >= 0 && this.len === 0) {
        // Whole frame inside this chunk: unescape straight from it, no staging copy.
        if (take > 0) out.push(unescapeFrame(chunk.subarray(i, flag)));
        i = flag + 1;
        continue;
      }
      const buf = this.room(this.len + take);
      buf.set(chunk.subarray(i, end), this.len);
      this.len += take;
      i = end;
      if (flag >= 0) {
        out.push(unescapeFrame(buf.subarray(0, this.len)));
        this.len = 0;
        i = flag + 1;
      }
    }
    return out;
  }

  /** The staging buffer with room for `need` bytes (never more than `max`), grown by doubling. */
  private room(need: number): Uint8Array {
    const buf = this.buf;
    if (buf && buf.length >= need) return buf;
    const grown = new Uint8Array(Math.min(this.max, Math.max(need, 64, (buf?.length ?? 0) * 2)));
    if (buf && this.len > 0) grown.set(buf.subarray(0, this.len));
    this.buf = grown;
    return grown;
  }

  /** Drops any partial frame and waits for a delimiter again. */
  reset(): void {
    this.len = 0;
    this.state = 'hunt';
  }
}
