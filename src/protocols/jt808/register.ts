// Bodies of the session messages: registration 0x0100 and authentication 0x0102.
import { u8, u16 } from './bytes.ts';
import { decodeGbk } from './gbk.ts';
import type { Jt808AuthBody, Jt808Edition, Jt808RegisterBody } from './types.ts';

/** Widths of the fixed fields of 0x0100 per edition: maker id, model, terminal id. */
export const REGISTER_LAYOUT = {
  // JT/T 808-2011 §8.4: model BYTE[8], space padded.
  '2011': { maker: 5, model: 8, terminal: 7 },
  // JT/T 808-2013 §8.5: model BYTE[20], NUL padded.
  '2013': { maker: 5, model: 20, terminal: 7 },
  // JT/T 808-2019 §8.8: maker BYTE[11], model BYTE[30], terminal id BYTE[30].
  '2019': { maker: 11, model: 30, terminal: 30 },
} as const;

const fixedLength = (l: { maker: number; model: number; terminal: number }) =>
  4 + l.maker + l.model + l.terminal + 1;

/**
 * Registration body: province WORD, city WORD, maker, model, terminal id, plate colour BYTE, then
 * the plate (or VIN) as GBK to the end. A 2011/2013 header does not say which of the two body
 * layouts follows; a body shorter than the 2013 fixed part (37 bytes) is read as 2011.
 */
export function decodeRegister(body: Uint8Array, edition: Jt808Edition): Jt808RegisterBody | string {
  let layout: '2011' | '2013' | '2019' = edition;
  if (edition === '2013' && body.length < fixedLength(REGISTER_LAYOUT['2013'])) layout = '2011';
  const widths = REGISTER_LAYOUT[layout];
  const need = fixedLength(widths);
  if (body.length < need) return `register body is ${body.length} bytes, needs at least ${need}`;
  let p = 4;
  const field = (n: number): string => {
    const text = decodeGbk(body.subarray(p, p + n));
    p += n;
    return text;
  };
  const makerId = field(widths.maker);
  const model = field(widths.model);
  const terminalId = field(widths.terminal);
  return {
    layout,
    province: u16(body, 0),
    city: u16(body, 2),
    makerId,
    model,
    terminalId,
    plateColor: u8(body, p),
    plate: decodeGbk(body.subarray(p + 1)),
  };
}

/** IMEI and software-version widths of the 2019 authentication body. */
const AUTH_2019 = { imei: 15, software: 20 } as const;

/**
 * Authentication body. 2013 §8.8: the whole body is the auth code. The 2019 revision: code length
 * BYTE, code, IMEI BYTE[15], software version BYTE[20].
 */
export function decodeAuth(body: Uint8Array, edition: Jt808Edition): Jt808AuthBody | string {
  if (edition === '2013') return { code: decodeGbk(body) };
  const n = u8(body, 0);
  const need = 1 + n + AUTH_2019.imei + AUTH_2019.software;
  if (body.length < need) return `auth body is ${body.length} bytes, needs ${need}`;
  const imeiAt = 1 + n;
  const softwareAt = imeiAt + AUTH_2019.imei;
  return {
    code: decodeGbk(body.subarray(1, imeiAt)),
    imei: decodeGbk(body.subarray(imeiAt, softwareAt)),
    softwareVersion: decodeGbk(body.subarray(softwareAt, softwareAt + AUTH_2019.software)),
  };
}
