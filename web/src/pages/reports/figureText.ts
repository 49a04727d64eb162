const RATE_KEYS = new Set(['closureRate', 'onTimeClosureRate', 'satisfactionRate']);

/** A figure as the report prints it: a rate as a percentage, its change in points (the API gives points already). */
export function figureText(key: string, value: number | null, change = false): string {
  if (value === null) return '—';
  if (RATE_KEYS.has(key)) {
    return change ? `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}` : `${(value * 100).toFixed(1)}%`;
  }
  return change ? `${value >= 0 ? '+' : '−'}${Math.abs(value)}` : String(value);
}
