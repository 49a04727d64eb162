/** A share (0.4567) as a percentage with two decimals ("45.67%"); a dash when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(2)}%`;
}

/** A gap in points with its sign ("+4.00", "−0.50"); a dash when there is none. */
export function signedPoints(points: number | null): string {
  if (points === null) return '—';
  const text = Math.abs(points).toFixed(2);
  // A gap that rounds to zero is neither ahead nor behind.
  if (Number(text) === 0) return '0.00';
  return points > 0 ? `+${text}` : `−${text}`;
}

/** A figure as entered, without trailing zeros past four decimals ("45.67", "1200.5"). */
export function amount(value: number | null): string {
  return value === null ? '—' : String(Number(value.toFixed(4)));
}

/** A bar's width in percent of its track: a completion past the whole target fills it. */
export function barWidth(share: number | null): number {
  if (share === null || share <= 0) return 0;
  return Math.min(share, 1) * 100;
}
