// Terminal → platform frames, built the way a device would send them: used by the tests, the
// simulator and the benchmarks. Pass `edition: '2019'` in the header for the 2019 layouts.
import { ByteWriter } from './bytes.ts';
import { Jt808MsgId } from './constants.ts';
import { encodeFrame } from './encode.ts';
import { encodeGbk } from './gbk.ts';
import type { Jt808HeaderInit } from './header.ts';
import { encodeLocationBody, type Jt808LocationInput } from './location-encode.ts';
import { REGISTER_LAYOUT } from './register.ts';
import type { Jt808AuthBody, Jt808RegisterBody } from './types.ts';

/** Registration fields; `layout` defaults to the header's edition (set '2011' for the 8-byte model). */
export type Jt808RegisterInput = Omit<Jt808RegisterBody, 'layout'> & { layout?: Jt808RegisterBody['layout'] };

/** 0x0002 heartbeat (JT/T 808-2013 §8.3): empty body. */
export function encodeHeartbeat(header: Jt808HeaderInit): Uint8Array {
  return encodeFrame(Jt808MsgId.heartbeat, header, new Uint8Array(0));
}

/** 0x0003 unregister (JT/T 808-2013 §8.7): empty body. */
export function encodeUnregister(header: Jt808HeaderInit): Uint8Array {
  return encodeFrame(Jt808MsgId.unregister, header, new Uint8Array(0));
}

/** 0x0100 registration (2013 §8.5, 2019 §8.8); fixed fields NUL-padded (2011 model: spaces). */
export function encodeRegister(header: Jt808HeaderInit, reg: Jt808RegisterInput): Uint8Array {
  const layout = reg.layout ?? header.edition;
  const widths = REGISTER_LAYOUT[layout];
  const body = new ByteWriter(80)
    .word(reg.province)
    .word(reg.city)
    .fixed(encodeGbk(reg.makerId), widths.maker)
    .fixed(encodeGbk(reg.model), widths.model, layout === '2011' ? 0x20 : 0)
    .fixed(encodeGbk(reg.terminalId), widths.terminal)
    .byte(reg.plateColor)
    .bytes(encodeGbk(reg.plate))
    .finish();
  return encodeFrame(Jt808MsgId.register, header, body);
}

/** 0x0102 authentication: 2013 the code alone (§8.8); 2019 length + code + IMEI[15] + version[20]. */
export function encodeAuth(header: Jt808HeaderInit, auth: Jt808AuthBody): Uint8Array {
  const code = encodeGbk(auth.code);
  if (header.edition === '2013') return encodeFrame(Jt808MsgId.auth, header, code);
  if (code.length > 0xff) throw new RangeError('auth code longer than 255 bytes');
  const body = new ByteWriter(36 + code.length)
    .byte(code.length)
    .bytes(code)
    .fixed(encodeGbk(auth.imei ?? ''), 15)
    .fixed(encodeGbk(auth.softwareVersion ?? ''), 20)
    .finish();
  return encodeFrame(Jt808MsgId.auth, header, body);
}

/** 0x0200 location report (JT/T 808-2013 §8.18). */
export function encodeLocationReport(header: Jt808HeaderInit, loc: Jt808LocationInput): Uint8Array {
  return encodeFrame(Jt808MsgId.location, header, encodeLocationBody(loc));
}

/** Batch contents: `blindSpot` selects type 1 (re-upload of positions stored while offline). */
export interface Jt808BatchInput {
  blindSpot: boolean;
  locations: readonly Jt808LocationInput[];
}

/** 0x0704 location batch (JT/T 808-2013 §8.49): count, type, then length-prefixed 0x0200 bodies. */
export function encodeBatch(header: Jt808HeaderInit, batch: Jt808BatchInput): Uint8Array {
  const body = new ByteWriter(3 + batch.locations.length * 40)
    .word(batch.locations.length)
    .byte(batch.blindSpot ? 1 : 0);
  for (const loc of batch.locations) {
    const item = encodeLocationBody(loc);
    body.word(item.length).bytes(item);
  }
  return encodeFrame(Jt808MsgId.locationBatch, header, body.finish());
}
