// The LBS (serving cell) block of location and alarm packets (GT06 v1.8.1 §5.2 and §5.3):
// MCC WORD, MNC BYTE, LAC WORD, Cell ID 3 bytes. Later Concox documents set bit 15 of the MCC
// to say the MNC takes two bytes; traccar's decodeLbs reads it the same way. Alarm packets put
// an LBS length byte first (§5.3), which counts itself: normally 9.

import { u16 } from './gps.ts';
import type { ByteReader } from './reader.ts';
import type { Gt06Cell } from './types.ts';

/** Reads MCC, MNC, LAC and Cell ID. */
export function readCell(reader: ByteReader): Gt06Cell {
  const mccWord = reader.u16();
  const mnc = (mccWord & 0x8000) !== 0 ? reader.u16() : reader.u8();
  return { mcc: mccWord & 0x7fff, mnc, lac: reader.u16(), cellId: reader.u24() };
}

/** Reads the cell of traccar's MSG_GPS_LBS_6 (0x11): MCC WORD, MNC WORD, LAC WORD, Cell ID DWORD. */
export function readWideCell(reader: ByteReader): Gt06Cell {
  return { mcc: reader.u16() & 0x7fff, mnc: reader.u16(), lac: reader.u16(), cellId: reader.u32() };
}

/**
 * Reads the 4G cell of traccar's MSG_GPS_LBS_7 (0xA0): MCC WORD (bit 15: MNC WORD), MNC, LAC
 * DWORD, Cell ID QWORD. LTE and NR cell IDs (28 and 36 bits) are exact as numbers.
 */
export function readLongCell(reader: ByteReader): Gt06Cell {
  const mccWord = reader.u16();
  const mnc = (mccWord & 0x8000) !== 0 ? reader.u16() : reader.u8();
  const lac = reader.u32();
  const cellId = reader.u32() * 0x1_0000_0000 + reader.u32();
  return { mcc: mccWord & 0x7fff, mnc, lac, cellId };
}

/** Reads the length-prefixed LBS block of an alarm packet; null when it holds no whole cell. */
export function readCellWithLength(reader: ByteReader): Gt06Cell | null {
  const length = reader.u8();
  const block = reader.take(Math.max(0, length - 1));
  if (block.length < 8) return null;
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const mccWord = view.getUint16(0);
  const wideMnc = (mccWord & 0x8000) !== 0;
  if (wideMnc && block.length < 9) return null;
  const at = wideMnc ? 4 : 3;
  return {
    mcc: mccWord & 0x7fff,
    mnc: wideMnc ? view.getUint16(2) : view.getUint8(2),
    lac: view.getUint16(at),
    cellId: view.getUint8(at + 2) * 0x10000 + view.getUint16(at + 3),
  };
}

/** The cell as attributes of a neutral position. */
export function cellAttributes(cell: Gt06Cell | null): Record<string, number> {
  return cell ? { mcc: cell.mcc, mnc: cell.mnc, lac: cell.lac, cellId: cell.cellId } : {};
}

/** The 8-byte LBS block (one-byte MNC) as a terminal sends it. */
export function cellBytes(cell: Gt06Cell): number[] {
  return [
    ...u16(cell.mcc & 0x7fff),
    cell.mnc & 0xff,
    ...u16(cell.lac),
    ...u16(cell.cellId >>> 8),
    cell.cellId & 0xff,
  ];
}
