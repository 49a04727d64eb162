import { localDateOf } from '../../../domain/fleet/index.ts';

/**
 * A Content-Disposition for a download (RFC 6266): `filename` in plain ASCII for clients that
 * know nothing else, `filename*` in UTF-8 percent-encoding (RFC 5987's attr-char) for the
 * Chinese name, which clients that understand it prefer.
 */
export function attachmentDisposition(asciiName: string, utf8Name: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Characters no file system takes in a name. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

/**
 * `<code>_<date>.<ext>` and `<name>_<date>.<ext>` of an asset's export, the date being the local
 * (Beijing) day of the range, or `<first>_<last>` when it spans several. An inclusive end at
 * midnight does not count the new day.
 */
export function trackFileNames(
  asset: { code: string; name: string },
  from: number,
  to: number,
  ext: string,
): { ascii: string; utf8: string } {
  const first = localDateOf(from);
  const last = localDateOf(Math.max(from, to - 1));
  const dates = first === last ? first : `${first}_${last}`;
  return {
    ascii: `${asset.code}_${dates}.${ext}`,
    utf8: `${asset.name.replace(UNSAFE, '_')}_${dates}.${ext}`,
  };
}
