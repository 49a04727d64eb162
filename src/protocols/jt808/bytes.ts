// Big-endian reads and a small growable writer (JT/T 808-2013 §4.3: words are sent high byte first).
// Readers do no bounds checks: every decoder checks the length it needs before reading.

/** Unsigned byte at `offset` (0 past the end; callers check lengths first). */
export function u8(bytes: Uint8Array, offset: number): number {
  return bytes[offset] ?? 0;
}

/** Unsigned big-endian WORD at `offset`. */
export function u16(bytes: Uint8Array, offset: number): number {
  return (u8(bytes, offset) << 8) | u8(bytes, offset + 1);
}

/** Unsigned big-endian DWORD at `offset`. */
export function u32(bytes: Uint8Array, offset: number): number {
  return u8(bytes, offset) * 0x1000000 + ((u8(bytes, offset + 1) << 16) | u16(bytes, offset + 2));
}

const HEX_CAP = 256;

/** Lowercase hex of `bytes`; with `cap`, at most that many bytes followed by '…'. */
export function toHex(bytes: Uint8Array, cap = Number.POSITIVE_INFINITY): string {
  const shown = bytes.length > cap ? bytes.subarray(0, cap) : bytes;
  const hex = Buffer.from(shown.buffer, shown.byteOffset, shown.length).toString('hex');
  return bytes.length > cap ? `${hex}…` : hex;
}

/** Hex for error reports: capped so a hostile frame cannot flood the logs. */
export function errorHex(bytes: Uint8Array): string {
  return toHex(bytes, HEX_CAP);
}

/** Bytes from a hex string (whitespace ignored); throws on odd length or non-hex input. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new RangeError(`not a hex string: ${hex.slice(0, 40)}`);
  }
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

/** Appends big-endian fields; used by the encoders. */
export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity = 64) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): number {
    if (this.len + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    const at = this.len;
    this.len += n;
    return at;
  }

  // Each method reserves room before touching `this.buf`: `room` may swap in a larger array.
  byte(value: number): this {
    const at = this.room(1);
    this.buf[at] = value & 0xff;
    return this;
  }

  word(value: number): this {
    const at = this.room(2);
    this.buf[at] = (value >>> 8) & 0xff;
    this.buf[at + 1] = value & 0xff;
    return this;
  }

  dword(value: number): this {
    const at = this.room(4);
    this.buf[at] = (value >>> 24) & 0xff;
    this.buf[at + 1] = (value >>> 16) & 0xff;
    this.buf[at + 2] = (value >>> 8) & 0xff;
    this.buf[at + 3] = value & 0xff;
    return this;
  }

  bytes(value: Uint8Array): this {
    const at = this.room(value.length);
    this.buf.set(value, at);
    return this;
  }

  /** `value` cut or padded with `pad` to exactly `length` bytes (fixed-width BYTE[n] fields). */
  fixed(value: Uint8Array, length: number, pad = 0): this {
    const at = this.room(length);
    this.buf.fill(pad, at, at + length);
    this.buf.set(value.subarray(0, length), at);
    return this;
  }

  /** A copy of what was written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
