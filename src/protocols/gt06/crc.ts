// CRC-ITU as GT06 uses it (GT06 protocol v1.8.1 §4.6 "Error Check" and its appendix): the
// CRC-16/X-25 variant — polynomial 0x1021 processed LSB-first (reflected, 0x8408), initial value
// 0xFFFF, final XOR 0xFFFF. Its check value over the ASCII text "123456789" is 0x906E.

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** CRC-16/X-25 (GT06 "CRC-ITU") of `bytes[start, end)`. */
export function crcItu(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc = (crc >>> 8) ^ (TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  }
  return (crc ^ 0xffff) & 0xffff;
}
