// The neutral shapes the JT/T 808 codec hands out. Nothing here depends on the wire layout.

/**
 * Header layout: '2013' covers the 2011 and 2013 editions (6-byte BCD phone); '2019' is selected
 * by bit 14 of the body properties and carries a protocol version byte and a 10-byte BCD phone.
 */
export type Jt808Edition = '2013' | '2019';

/** Sub-package fields, present when bit 13 of the body properties is set (§4.4.3 Table 2). */
export interface Jt808Packet {
  /** Total number of packages of the message. */
  total: number;
  /** 1-based index of this package. */
  index: number;
}

/** A decoded message header (JT/T 808-2013 §4.4.3, JT/T 808-2019 §4.4.3). */
export interface Jt808Header {
  msgId: number;
  /** Body length declared by bits 0–9 of the body properties. */
  bodyLength: number;
  /** Bits 10–12: 0 = plain, bit 10 = RSA (§4.4.3 Figure 2). */
  encryption: number;
  edition: Jt808Edition;
  /** The 2019 protocol version byte; 0 for 2011/2013 headers, which have none. */
  protocolVersion: number;
  /** The terminal phone number exactly as its BCD digits (12 for 2013, 20 for 2019). */
  phone: string;
  /**
   * The device identifier: `phone` without leading zeros ('0' when all zeros), so that one SIM
   * reported as 013912344323 (2013) and 00000000013912344323 (2019) is the same device.
   */
  deviceId: string;
  /** Message serial number, WORD. */
  serial: number;
  packet?: Jt808Packet;
}

/** Status DWORD (§8.18 Table 25), the bits the platform uses, plus the raw value. */
export interface Jt808Status {
  raw: number;
  acc: boolean;
  /** Bit 1: the terminal has a position fix. */
  fixed: boolean;
  south: boolean;
  west: boolean;
  gps: boolean;
  beidou: boolean;
  glonass: boolean;
  galileo: boolean;
}

/** A position in neutral units: degrees (negative south/west), metres, km/h, UTC epoch ms. */
export interface Jt808Location {
  /** Alarm DWORD (§8.18 Table 24); test bits with `Jt808Alarm`. */
  alarm: number;
  status: Jt808Status;
  lat: number;
  lon: number;
  altitude: number;
  speedKmh: number;
  /** Degrees clockwise from north, 0–359. */
  course: number;
  /** Fix time, UTC epoch milliseconds (the wire carries GMT+8). */
  time: number;
  mileageKm?: number;
  fuelL?: number;
  recorderSpeedKmh?: number;
  extSignals?: number;
  ioStatus?: number;
  signal?: number;
  satellites?: number;
  /** Additional-information items not decoded above: key '0x' + id (two hex digits), value hex. */
  extras: Record<string, string>;
  /** Set when the additional-information list ended inside an item; what came before is kept. */
  extrasTruncated?: true;
}

/** Terminal registration, 0x0100 (2013 §8.5, 2019 §8.8). */
export interface Jt808RegisterBody {
  /** Which body layout was read: 2011 (model 8 bytes), 2013 (20) or 2019 (30, maker 11, id 30). */
  layout: '2011' | '2013' | '2019';
  province: number;
  city: number;
  makerId: string;
  model: string;
  terminalId: string;
  /** JT/T 415 colour code; 0 means unplated and `plate` then holds the VIN (2013 §8.5). */
  plateColor: number;
  plate: string;
}

/** Terminal authentication, 0x0102 (2013 §8.8; the 2019 revision adds IMEI and software version). */
export interface Jt808AuthBody {
  code: string;
  imei?: string;
  softwareVersion?: string;
}

/** Every message the decoder produces, discriminated by `kind`. */
export type Jt808Message =
  | ({ kind: 'register'; header: Jt808Header } & Jt808RegisterBody)
  | ({ kind: 'auth'; header: Jt808Header } & Jt808AuthBody)
  | { kind: 'heartbeat'; header: Jt808Header }
  | { kind: 'unregister'; header: Jt808Header }
  | { kind: 'location'; header: Jt808Header; location: Jt808Location }
  | {
      kind: 'locationBatch';
      header: Jt808Header;
      /** Raw type byte: 0 normal batch, 1 blind-spot re-upload (§8.49). */
      batchType: number;
      /** Re-uploaded history: fills the track but must not raise live alerts. */
      blindSpot: boolean;
      locations: Jt808Location[];
      /** Items that were present but could not be decoded (short body, bad time). */
      invalidItems: number;
      /** Set when the body ended before the declared item count. */
      truncated?: true;
    }
  | { kind: 'fragment'; header: Jt808Header & { packet: Jt808Packet }; body: Uint8Array }
  | { kind: 'unsupported'; header: Jt808Header; msgId: number; body: Uint8Array };

/** Why a frame was refused. */
export type Jt808ErrorReason =
  | 'too_large'
  | 'bad_escape'
  | 'truncated'
  | 'checksum'
  | 'length'
  | 'body'
  | 'internal';

/** A refused frame: the reason, the frame bytes as hex (capped), and the header when it parsed. */
export interface Jt808Error {
  reason: Jt808ErrorReason;
  hex: string;
  detail?: string;
  header?: Jt808Header;
}

/** Result of `decodeFrame`: never thrown, always one of these. */
export type Jt808DecodeResult = { ok: true; message: Jt808Message } | { ok: false; error: Jt808Error };

/** Result of the framer: an unescaped frame (header + body + checksum) or a framing error. */
export type Jt808FrameResult = { ok: true; frame: Uint8Array } | { ok: false; error: Jt808Error };
