import { MAP_COLORS } from '../theme.ts';

/** Label paint shared by the layers: light text with a dark halo, readable on the dark map. */
export const LABEL_PAINT = {
  'text-color': MAP_COLORS.label,
  'text-halo-color': MAP_COLORS.labelHalo,
  'text-halo-width': 1.5,
} as const;
