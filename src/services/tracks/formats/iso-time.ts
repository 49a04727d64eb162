/**
 * A formatter of epoch ms as ISO 8601 UTC (`2026-12-07T00:00:05.000Z`, as Date#toISOString)
 * that formats the date, hour and minute once per minute: a day of fixes at 5 s is 17,280
 * times, and toISOString was the largest single cost of writing a track.
 */
export function isoTimeFormatter(): (ms: number) => string {
  let minute = Number.NaN;
  let prefix = '';
  return (ms) => {
    const m = Math.floor(ms / 60_000);
    if (m !== minute) {
      minute = m;
      prefix = new Date(m * 60_000).toISOString().slice(0, 17);
    }
    const rest = ms - m * 60_000;
    const s = Math.floor(rest / 1000);
    const milli = Math.floor(rest - s * 1000);
    return `${prefix}${s < 10 ? '0' : ''}${s}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  };
}
