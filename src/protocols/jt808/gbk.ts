// STRING fields are GBK (JT/T 808-2013 §4.2 Table 1). Node decodes GBK through ICU's TextDecoder but
// has no GBK encoder, so the encoder table is built once, lazily, by decoding every two-byte code.

const decoder = new TextDecoder('gbk');
let encodeTable: Map<number, number> | undefined;

/** Text of a GBK field, cut at the first NUL (fixed-width fields are NUL-padded) and trimmed at the end. */
export function decodeGbk(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  const text = decoder.decode(nul < 0 ? bytes : bytes.subarray(0, nul));
  return text.trimEnd();
}

function table(): Map<number, number> {
  if (encodeTable) return encodeTable;
  // GBK two-byte codes: lead 0x81–0xFE, trail 0x40–0xFE without 0x7F; each decodes to one BMP char.
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) pairs.push(lead, trail);
    }
  }
  const text = decoder.decode(Uint8Array.from(pairs));
  const map = new Map<number, number>();
  if (text.length === pairs.length / 2) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0xfffd && !map.has(code))
        map.set(code, ((pairs[2 * i] ?? 0) << 8) | (pairs[2 * i + 1] ?? 0));
    }
  }
  encodeTable = map;
  return map;
}

/** GBK bytes of `text`; characters GBK cannot represent become '?'. */
export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table().get(code);
    if (pair === undefined) out.push(0x3f);
    else out.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(out);
}
