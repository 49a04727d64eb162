// Numeric constants of JT/T 808. Clause numbers refer to JT/T 808-2013 unless marked 2019.

/** Message ids this codec knows (JT/T 808-2013 Appendix B, message table). */
export const Jt808MsgId = {
  /** §8.1 terminal general response. */
  terminalResponse: 0x0001,
  /** §8.3 heartbeat, empty body. */
  heartbeat: 0x0002,
  /** §8.7 unregister, empty body. */
  unregister: 0x0003,
  /** §8.5 terminal registration (2019 §8.8). */
  register: 0x0100,
  /** §8.8 terminal authentication. */
  auth: 0x0102,
  /** §8.18 location report. */
  location: 0x0200,
  /** §8.49 location data batch upload. */
  locationBatch: 0x0704,
  /** §8.2 platform general response. */
  platformResponse: 0x8001,
  /** §8.6 registration response (2019 §8.9). */
  registerResponse: 0x8100,
} as const;

/** Result byte of a 0x8001 platform general response (§8.2): 0 ok, 1 fail, 2 wrong message, 3 not supported, 4 alarm acknowledged. */
export const Jt808GeneralResult = {
  ok: 0,
  fail: 1,
  wrongMessage: 2,
  notSupported: 3,
  alarmAck: 4,
} as const;
/** One of the 0x8001 result codes. */
export type Jt808GeneralResult = (typeof Jt808GeneralResult)[keyof typeof Jt808GeneralResult];

/** Result byte of a 0x8100 registration response (§8.6). The auth code follows only on `ok`. */
export const Jt808RegisterResult = {
  ok: 0,
  vehicleRegistered: 1,
  vehicleNotFound: 2,
  terminalRegistered: 3,
  terminalNotFound: 4,
} as const;
/** One of the 0x8100 result codes. */
export type Jt808RegisterResult = (typeof Jt808RegisterResult)[keyof typeof Jt808RegisterResult];

/**
 * Masks of the alarm DWORD (§8.18 Table 24) that the platform acts on. Bits 31 and up are written
 * as powers of two because `1 << 31` is negative in JavaScript.
 */
export const Jt808Alarm = {
  sos: 1 << 0,
  overspeed: 1 << 1,
  fatigue: 1 << 2,
  danger: 1 << 3,
  gnssFault: 1 << 4,
  gnssAntennaCut: 1 << 5,
  gnssAntennaShort: 1 << 6,
  lowVoltage: 1 << 7,
  powerCut: 1 << 8,
  stoppedTooLong: 1 << 19,
  geofence: 1 << 20,
  route: 1 << 21,
  illegalMove: 1 << 28,
  illegalDoorOpen: 2 ** 31,
} as const;

/** Bit positions of the status DWORD (§8.18 Table 25). */
export const STATUS_BIT = {
  acc: 0,
  fixed: 1,
  south: 2,
  west: 3,
  gps: 18,
  beidou: 19,
  glonass: 20,
  galileo: 21,
} as const;

/** Ids of the additional-information items decoded into named fields (§8.18 Table 27). */
export const TLV = {
  mileage: 0x01,
  fuel: 0x02,
  recorderSpeed: 0x03,
  extSignals: 0x25,
  ioStatus: 0x2a,
  signal: 0x30,
  satellites: 0x31,
} as const;

/** Frame delimiter (§4.4.2). */
export const FLAG = 0x7e;
/** Escape byte (§4.4.2): 0x7e ↔ 0x7d 0x02, 0x7d ↔ 0x7d 0x01. */
export const ESCAPE = 0x7d;

/** Largest body the 10-bit length field can declare (§4.4.3 Figure 2). */
export const MAX_BODY_LENGTH = 0x3ff;

/**
 * Largest legal frame once escaped, delimiters excluded: a 2019 header with sub-package fields
 * (21 bytes) + a full body (1023) + checksum (1), every byte doubled by escaping in the worst case.
 */
export const MAX_ESCAPED_FRAME = 2 * (21 + MAX_BODY_LENGTH + 1);
