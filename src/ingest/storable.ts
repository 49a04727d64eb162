const NUL = '\u0000';

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && item.includes(NUL));
  // Adapters pass flat attributes; anything nested is checked through its JSON text, where a
  // NUL appears as the escape \u0000.
  return typeof value === 'object' && value !== null && JSON.stringify(value).includes('\\u0000');
}

/**
 * Why free-form attributes from a device cannot be stored, or undefined. PostgreSQL refuses a
 * NUL character in JSONB and text ("\u0000 cannot be converted to text"), and one such row
 * would fail the whole group commit, other devices' positions included; so the adapters that
 * accept arbitrary keys (OsmAnd, MQTT) refuse it at the edge.
 */
export function attributesProblem(attributes: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) {
    if (key.includes(NUL) || hasNul(value)) {
      return 'attribute names and values must not contain the NUL character (\\u0000)';
    }
  }
  return undefined;
}
