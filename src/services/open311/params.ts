import { fail } from '../../errors/catalogue.ts';
import { parseW3c } from '../../protocols/open311/index.ts';

/** Query parameters as Fastify parsed them: a repeated name arrives as a list. */
export type RawQuery = Readonly<Record<string, unknown>>;

/** "Response Volume": a span of 90 days or the first 1000 requests, whichever is smallest. */
export const MAX_SPAN_MS = 90 * 86_400_000;
/** The most requests one answer carries, and the default page_size (pagination extension). */
export const MAX_RESULTS = 1000;

function bad(name: string, problem: string): never {
  fail('VALIDATION_FAILED', `${name} ${problem}`, { field: name });
}

/** Whether text holds control characters (NUL and the like; PostgreSQL refuses NUL in text outright). */
export function hasControlChars(text: string, allowLineBreaks = false): boolean {
  return (allowLineBreaks ? /[^\P{Cc}\t\n\r]/u : /\p{Cc}/u).test(text);
}

/** A parameter's text; repeated ones are joined by commas, empty ones are absent ("Optional Arguments"). */
export function textParam(q: RawQuery, name: string): string | undefined {
  const raw = q[name];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const text = values.join(',').trim();
  if (text.length > 20_000) bad(name, 'is too long');
  if (hasControlChars(text)) bad(name, 'contains control characters');
  return text === '' ? undefined : text;
}

/** A comma-delimited parameter ("can be declared multiple times, comma delimited"). */
export function listParam(q: RawQuery, name: string): string[] | undefined {
  const list = textParam(q, name)
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return list?.length ? list : undefined;
}

/** A W3C datetime parameter ("Must use w3 format, eg 2010-01-01T00:00:00Z"). */
export function dateParam(q: RawQuery, name: string): number | undefined {
  const text = textParam(q, name);
  if (text === undefined) return undefined;
  const t = parseW3c(text);
  if (t === undefined) {
    bad(
      name,
      `must be a W3C datetime with a time zone, e.g. 2026-03-02T09:00:00+08:00, not "${text.slice(0, 40)}"`,
    );
  }
  return t;
}

/**
 * The requested_datetime range of GET Service Requests: start_date and end_date as given, at
 * most 90 days apart; a missing end is 90 days after the start (or now), a missing start 90
 * days before the end.
 */
export function dateWindow(q: RawQuery, now: number): { from: number; to: number } {
  const start = dateParam(q, 'start_date');
  const end = dateParam(q, 'end_date');
  const to = end ?? (start === undefined ? now : Math.min(start + MAX_SPAN_MS, Math.max(now, start)));
  const from = start ?? to - MAX_SPAN_MS;
  if (from > to) bad('start_date', 'must not be after end_date');
  if (to - from > MAX_SPAN_MS) bad('start_date', 'and end_date may not span more than 90 days');
  return { from, to };
}

function positiveInt(q: RawQuery, name: string, max: number): number | undefined {
  const text = textParam(q, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    bad(name, `must be a whole number from 1 to ${max}`);
  }
  return n;
}

/** `page` and `page_size` (the pagination extension): 1-based pages of at most 1000, 1000 by default. */
export function paging(q: RawQuery): { limit: number; offset: number } {
  const limit = positiveInt(q, 'page_size', MAX_RESULTS) ?? MAX_RESULTS;
  const page = positiveInt(q, 'page', 1_000_000) ?? 1;
  return { limit, offset: (page - 1) * limit };
}

/** Whether `extensions=true` asks for the extended attributes. */
export function extensionsOn(q: RawQuery): boolean {
  return textParam(q, 'extensions')?.toLowerCase() === 'true';
}
