// Bounds-checked big-endian reads over a frame's content. Every multi-byte GT06 field is
// big-endian (GT06 v1.8.1 §4). A read past the end throws `TruncatedError`, which the frame
// decoder turns into a `truncated` result: it never leaves the decoder.

/** Thrown by `ByteReader` when the content is shorter than the layout being read. */
export class TruncatedError extends Error {
  constructor(needed: number, offset: number, available: number) {
    super(`needed ${needed} byte(s) at offset ${offset}, only ${available} available`);
    this.name = 'TruncatedError';
  }
}

/** A cursor over bytes; reads advance it and check bounds. */
export class ByteReader {
  private readonly view: DataView;
  private offset = 0;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes not yet read. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  u16(): number {
    this.need(2);
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  u24(): number {
    return this.u8() * 0x10000 + this.u16();
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  take(length: number): Uint8Array {
    this.need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  private need(length: number): void {
    if (this.remaining < length) throw new TruncatedError(length, this.offset, this.remaining);
  }
}

/** Lower-case hex of bytes, for logs and error reports. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
