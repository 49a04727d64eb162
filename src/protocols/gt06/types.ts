// Neutral shapes the GT06 codec produces. Protocol numbers and field meanings follow the Concox
// "GT06 GPS Tracker Communication Protocol" v1.8.1 (§4 packet format, §5 terminal packets).

/**
 * Protocol numbers this codec understands: GT06 v1.8.1 §4.3, the 0x22/0x26 variants of later
 * Concox documents, and the other location packets traccar's Gt06ProtocolDecoder reads
 * (locations.ts says where each layout comes from).
 */
export const GT06_PROTOCOL = {
  login: 0x01,
  /** GPS only (Concox GT03A/B protocol v1.82 §5.2). */
  gps: 0x10,
  /** GPS + LBS with a WORD MNC and a DWORD cell ID (traccar MSG_GPS_LBS_6). */
  locationWideCell: 0x11,
  location: 0x12,
  heartbeat: 0x13,
  alarm: 0x16,
  /** GPS + phone number: an address request (GT03A/B v1.82 §5.9). */
  gpsPhone: 0x1a,
  /** GPS + LBS extension (traccar MSG_GPS_LBS_EXTEND, JI09). */
  gpsLbsExtension: 0x1e,
  locationUtc: 0x22,
  alarmUtc: 0x26,
  /** GPS + LBS + ACC, as 0x22 (traccar MSG_GPS_LBS_4). */
  locationAcc: 0x2d,
  /** GPS + LBS of the AZ735 and SL4X (traccar MSG_GPS_LBS_5). */
  locationAz735: 0x31,
  /** GPS + LBS + status; the AZ735's 0x7979 form differs (traccar MSG_GPS_LBS_STATUS_4 / MSG_AZ735_GPS). */
  locationStatus: 0x32,
  /** GPS + LBS + ACC + extension modules (traccar MSG_GPS_LBS_3). */
  locationModules: 0x37,
  /** 4G GPS + LBS: DWORD LAC and QWORD cell ID (traccar MSG_GPS_LBS_7, GK310 and JM-VL03). */
  location4g: 0xa0,
} as const;

/** The protocol numbers decoded as a location (a fix that the gateway stores). */
export type Gt06LocationProtocol = (typeof GT06_PROTOCOL)[
  | 'gps'
  | 'locationWideCell'
  | 'location'
  | 'gpsPhone'
  | 'gpsLbsExtension'
  | 'locationUtc'
  | 'locationAcc'
  | 'locationAz735'
  | 'locationStatus'
  | 'locationModules'
  | 'location4g'];

/** How the server answers a packet: not at all, or with its protocol number and serial in a 0x7878 or 0x7979 frame. */
export type Gt06Ack = 'none' | 'short' | 'long';

/** A device alarm, named independently of the protocol that reported it. */
export type DeviceAlarm =
  | 'sos'
  | 'powerCut'
  | 'vibration'
  | 'lowBattery'
  | 'geofence'
  | 'geofenceEnter'
  | 'geofenceExit'
  | 'overspeed'
  | 'powerOff'
  | 'tampering'
  | 'removing'
  | 'door'
  | 'acceleration'
  | 'braking'
  | 'cornering'
  | 'accident'
  | 'fallDown'
  | 'general';

/** A position fix in neutral form: WGS-84 degrees, UTC epoch milliseconds, km/h, degrees from north. */
export interface Gt06Position {
  lat: number;
  lon: number;
  time: number;
  speedKmh: number;
  course: number;
  fixed: boolean;
  satellites: number;
  attributes: Record<string, unknown>;
}

/** The serving cell reported beside a fix (GT06 v1.8.1 §5.2, LBS information). */
export interface Gt06Cell {
  mcc: number;
  mnc: number;
  lac: number;
  cellId: number;
}

/** The "terminal information content" byte (GT06 v1.8.1 §5.3.1.14, also used by §5.4). */
export interface Gt06TerminalInfo {
  /** Bit 0: defence (arming) activated. */
  armed: boolean;
  /** Bit 1: ACC high, i.e. ignition on. */
  acc: boolean;
  /** Bit 2: charger connected. */
  charging: boolean;
  /** Bits 3–5: the alarm the terminal is in, if any. */
  alarm: DeviceAlarm | null;
  /** Bit 6: GPS tracking switched on. */
  gpsTracking: boolean;
  /** Bit 7: oil and electricity cut off (relay engaged). */
  oilCut: boolean;
}

interface Base {
  /** The terminal's information serial number (GT06 v1.8.1 §4.5); acks echo it. */
  serial: number;
}

/** Login (0x01, §5.1): the terminal's IMEI, and its time zone when the extended form announces it. */
export interface Gt06Login extends Base {
  kind: 'login';
  protocol: typeof GT06_PROTOCOL.login;
  imei: string;
  typeId: number | null;
  timezoneOffsetMinutes: number | null;
}

/** Location (0x12 §5.2, 0x22 and the others of `Gt06LocationProtocol`): a fix, with its serving cell when the packet has one. `reupload` marks a stored (blind-spot) fix. */
export interface Gt06Location extends Base {
  kind: 'location';
  protocol: Gt06LocationProtocol;
  position: Gt06Position;
  reupload: boolean;
  /** Whether the server acknowledges it (only 0x32, as traccar does; §5.2 defines no reply for locations). */
  ack: Gt06Ack;
}

/** A location packet that says it has no GPS fix (the AZ735's 0x32 with GPS length 0): nothing to store. */
export interface Gt06NoFix extends Base {
  kind: 'noFix';
  protocol: Gt06LocationProtocol;
  /** The packet's date-time, UTC epoch ms. */
  time: number;
  ack: Gt06Ack;
}

/** Heartbeat / status information (0x13, §5.4). */
export interface Gt06Heartbeat extends Base {
  kind: 'heartbeat';
  protocol: typeof GT06_PROTOCOL.heartbeat;
  terminal: Gt06TerminalInfo;
  /** 0 (no power) … 6 (very high), §5.4. */
  voltageLevel: number;
  /** 0 (no signal) … 4 (strong), §5.4. */
  gsmSignal: number;
  alarmCode: number | null;
}

/** Alarm (0x16 §5.3, or 0x26). `position` is null when the terminal sent an impossible date-time. */
export interface Gt06Alarm extends Base {
  kind: 'alarm';
  protocol: typeof GT06_PROTOCOL.alarm | typeof GT06_PROTOCOL.alarmUtc;
  alarm: DeviceAlarm;
  alarmCode: number;
  position: Gt06Position | null;
  terminal: Gt06TerminalInfo;
  voltageLevel: number;
  gsmSignal: number;
}

/** Any other protocol number: framed and checked, but not interpreted. */
export interface Gt06Unsupported extends Base {
  kind: 'unsupported';
  protocol: number;
  contentHex: string;
}

/** Every message the decoder can return. */
export type Gt06Message = Gt06Login | Gt06Location | Gt06NoFix | Gt06Heartbeat | Gt06Alarm | Gt06Unsupported;

/** Why bytes were rejected: outside any frame, bad framing, impossible length, too big, bad CRC, short content, impossible field. */
export type Gt06ErrorReason =
  | 'garbage'
  | 'framing'
  | 'length'
  | 'too_large'
  | 'crc'
  | 'truncated'
  | 'invalid';

/** A rejected frame or run of bytes, with its hex for the log. */
export interface Gt06Error {
  reason: Gt06ErrorReason;
  hex: string;
  detail: string;
}

/** The outcome of decoding one frame (or of skipping bytes that were not one). */
export type Gt06DecodeResult = { ok: true; message: Gt06Message } | { ok: false; error: Gt06Error };
