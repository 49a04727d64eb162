// Reading the text values of OsmAnd requests: numbers, booleans and the three timestamp forms.

/** km/h per one unit of each speed unit. */
export const KMH_PER: Readonly<Record<'kn' | 'kmh' | 'mps' | 'mph', number>> = {
  kn: 1.852,
  kmh: 1,
  mps: 3.6,
  mph: 1.609344,
};

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A finite decimal number, or null for anything else ("", "abc", "1e999", "0x10"). */
export function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** True for "true" and "1" (any case), as traccar reads `valid` and `charge`. */
export function parseBoolean(raw: string): boolean {
  const text = raw.trim().toLowerCase();
  return text === 'true' || text === '1';
}

/** An unknown key's value as traccar stores it: a number if numeric, a boolean for true/false, else the text. */
export function attributeValue(raw: string): number | boolean | string {
  const number = parseNumber(raw);
  if (number !== null) return number;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

// Below this a numeric timestamp is read as seconds, above as milliseconds. traccar uses 2^31
// (Integer.MAX_VALUE); 1e11 gives the same answer for every time up to 2038 and keeps working
// after it (1e11 s is the year 5138; 1e11 ms is March 1973).
const SECONDS_LIMIT = 1e11;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Unix seconds, unix milliseconds (told apart by magnitude) or ISO-8601 → UTC epoch ms; null
 * when unreadable. An ISO time without a zone is read as UTC (traccar would use the server's zone).
 */
export function parseTimestamp(raw: string): number | null {
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const value = Number(text);
    return Math.round(value < SECONDS_LIMIT ? value * 1000 : value);
  }
  const m = ISO.exec(text);
  if (!m) return null;
  const part = (i: number) => Number(m[i] ?? '0');
  const [y, mo, d, h, mi, s] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const ms = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(local);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return local - zoneMinutes(m[8]) * 60_000;
}

function zoneMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}
