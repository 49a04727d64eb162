// Location packets. Every one starts with the GPS block of gps.ts (§5.2); what follows depends on
// the protocol number. Sources, in order of authority: the Concox GT06 v1.8.1 document (0x12),
// the Concox GT03A/B protocol v1.82 (0x10 §5.2, 0x1a §5.9, which only say that the GPS block comes
// first), and otherwise traccar's Gt06ProtocolDecoder with the real frames of its decoder tests.
// Where traccar itself reads a number two ways, told apart by frame length and model (0x31, the
// 0x7878 0x32), and no document or real frame settles it, only the GPS block is read: the fix is
// certain, the rest would be a guess (docs/DEVICES.md lists what each packet gives).

import { readDateTime, readFix, readGps } from './gps.ts';
import { cellAttributes, readCell, readCellWithLength, readLongCell, readWideCell } from './lbs.ts';
import type { ByteReader } from './reader.ts';
import {
  GT06_PROTOCOL,
  type Gt06Ack,
  type Gt06Cell,
  type Gt06LocationProtocol,
  type Gt06Message,
} from './types.ts';

/** What follows the GPS block of one location packet. */
interface Layout {
  /** The serving cell: none, 8 bytes (§5.2), 10 bytes (WORD MNC, DWORD cell ID) or 15 (DWORD LAC, QWORD cell ID). */
  cell: 'none' | 'standard' | 'wide' | 'long';
  /** ACC, data upload mode and re-upload flag, one byte each, when at least three bytes remain. */
  flags: boolean;
  /** Extension modules: type WORD, length BYTE, value (0x37). */
  modules: boolean;
  /** A DWORD mileage when exactly four bytes remain. */
  mileage: boolean;
  ack: Gt06Ack;
  /** The only content length this layout is known for; others are left unsupported. */
  contentLength?: number;
}

const GPS_ONLY: Layout = { cell: 'none', flags: false, modules: false, mileage: false, ack: 'none' };

/** The layout of each location packet in its 0x7878 form. */
export const LOCATION_LAYOUTS: Readonly<Record<Gt06LocationProtocol, Layout>> = {
  // GT03A/B v1.82 §5.2: GPS information only. The traccar frames carry two more bytes that no
  // document we have names; they are skipped, as traccar does.
  [GT06_PROTOCOL.gps]: GPS_ONLY,
  // Traccar MSG_GPS_LBS_6: MCC, MNC WORD, LAC, cell ID DWORD (its real frame: MCC 302, MNC 720).
  // GT03A/B §5.3 calls 0x11 an LBS-only packet, so only the length of the traccar frame is read.
  [GT06_PROTOCOL.locationWideCell]: { ...GPS_ONLY, cell: 'wide', contentLength: 28 },
  // GT06 v1.8.1 §5.2; some firmware appends a DWORD mileage (traccar reads it when exactly 4 bytes remain).
  [GT06_PROTOCOL.location]: { ...GPS_ONLY, cell: 'standard', mileage: true },
  // GT03A/B §5.9: GPS block, then the phone number asking for an address reply that this
  // platform cannot give; only the GPS block is read.
  [GT06_PROTOCOL.gpsPhone]: GPS_ONLY,
  // Traccar MSG_GPS_LBS_EXTEND (JI09): GPS block, then neighbour cells that traccar does not read either.
  [GT06_PROTOCOL.gpsLbsExtension]: GPS_ONLY,
  // Later Concox documents (GT06N/JM-VW01): §5.2 plus ACC, upload mode, re-upload, optional mileage.
  [GT06_PROTOCOL.locationUtc]: { ...GPS_ONLY, cell: 'standard', flags: true, mileage: true },
  // Traccar reads MSG_GPS_LBS_4 exactly as 0x22; no document or real frame shows it.
  [GT06_PROTOCOL.locationAcc]: { ...GPS_ONLY, cell: 'standard', flags: true, mileage: true },
  // Traccar MSG_GPS_LBS_5: the AZ735 sends a §5.2 cell, the SL4X a WORD MNC and QWORD cell ID,
  // told apart only by the frame length; no real frame of either, so only the GPS block is read.
  [GT06_PROTOCOL.locationAz735]: GPS_ONLY,
  // Traccar MSG_GPS_LBS_STATUS_4 (0x7878 form): GPS, cell and status as in 0x16, but with SL4X
  // variants and no real frame; only the GPS block is read. Traccar acknowledges it.
  [GT06_PROTOCOL.locationStatus]: { ...GPS_ONLY, ack: 'short' },
  // Traccar MSG_GPS_LBS_3, checked against its real frame: §5.2 cell, ACC, event, re-upload, modules.
  [GT06_PROTOCOL.locationModules]: { ...GPS_ONLY, cell: 'standard', flags: true, modules: true },
  // Traccar MSG_GPS_LBS_7 (GK310, JM-VL03 4G): MCC, MNC, LAC DWORD, cell ID QWORD, then as 0x22.
  [GT06_PROTOCOL.location4g]: { ...GPS_ONLY, cell: 'long', flags: true, mileage: true },
};

/** Whether `protocol` is a location packet of this codec. */
export function isLocationProtocol(protocol: number): protocol is Gt06LocationProtocol {
  return Object.hasOwn(LOCATION_LAYOUTS, protocol);
}

/** Thrown for a field that cannot be true (an impossible date-time…); the decoder reports it as `invalid`. */
export class InvalidField extends Error {}

/** Decodes a location packet's content; `long` is the 0x7979 form (which only 0x32 gives a layout of its own). */
export function readLocation(
  protocol: Gt06LocationProtocol,
  r: ByteReader,
  serial: number,
  tz: number,
  long: boolean,
): Gt06Message | undefined {
  if (protocol === GT06_PROTOCOL.locationStatus && long) return readAz735(r, serial, tz);
  const layout = LOCATION_LAYOUTS[protocol];
  if (layout.contentLength !== undefined && r.remaining !== layout.contentLength) return undefined;
  const gps = readGps(r, tz);
  if (!gps.ok) throw new InvalidField(gps.detail);
  const { position } = gps;
  const cell = readLayoutCell(layout, r);
  if (cell) Object.assign(position.attributes, cellAttributes(cell));
  let reupload = false;
  if (layout.flags && r.remaining >= 3) {
    position.attributes.ignition = r.u8() !== 0;
    position.attributes.uploadMode = r.u8();
    reupload = r.u8() !== 0;
    position.attributes.reupload = reupload;
  }
  if (layout.modules) Object.assign(position.attributes, readModules(r));
  if (layout.mileage && r.remaining === 4) position.attributes.odometer = r.u32();
  return { kind: 'location', protocol, serial, position, reupload, ack: layout.ack };
}

function readLayoutCell(layout: Layout, r: ByteReader): Gt06Cell | null {
  switch (layout.cell) {
    case 'standard':
      return r.remaining >= 8 ? readCell(r) : null;
    case 'wide':
      return readWideCell(r);
    case 'long':
      return readLongCell(r);
    default:
      return null;
  }
}

// Traccar MSG_GPS_LBS_3: the module types it knows. Its real frame carries 0x002E (mileage
// 9000 m), 0x003B (accuracy 60.8 m) and 0x003C, which is skipped.
function readModules(r: ByteReader): Record<string, number> {
  const out: Record<string, number> = {};
  while (r.remaining >= 3) {
    const type = r.u16();
    const value = r.take(r.u8());
    const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
    if (type === 0x0027 && value.length === 2) out.power = view.getUint16(0) / 100;
    if (type === 0x002e && value.length === 4) out.odometer = view.getUint32(0);
    if (type === 0x003b && value.length === 2) out.accuracy = view.getUint16(0) / 100;
  }
  return out;
}

// The AZ735's 0x7979 0x32 (traccar MSG_AZ735_GPS; both of its real frames read to the last byte):
// date-time, GPS length (0: no fix, and no GPS fields follow), the GPS fields of §5.2,
// length-prefixed cell, signal strength, length-prefixed neighbour cells and Wi-Fi, status byte,
// length-prefixed reserved block. Traccar answers it with a 0x7979 ack.
function readAz735(r: ByteReader, serial: number, tz: number): Gt06Message {
  const protocol = GT06_PROTOCOL.locationStatus;
  const time = readDateTime(r, tz);
  if (r.u8() === 0) {
    if (typeof time === 'string') throw new InvalidField(time);
    return { kind: 'noFix', protocol, serial, time, ack: 'long' };
  }
  const gps = readFix(r, time);
  if (!gps.ok) throw new InvalidField(gps.detail);
  const { position } = gps;
  const cell = readCellWithLength(r);
  if (cell) Object.assign(position.attributes, cellAttributes(cell), { rssi: r.u8() });
  r.take(r.u8()); // neighbour cells
  r.take(r.u8()); // Wi-Fi access points
  position.attributes.status = r.u8();
  return { kind: 'location', protocol, serial, position, reupload: false, ack: 'long' };
}
