/** Colours of the map, shared by the style, the layers and the legend. */
export const MAP_COLORS = {
  background: '#0e1a2b',
  subdistrictLine: '#7fb3ff',
  gridAreaFills: ['#1f6feb', '#2da44e', '#bf8700', '#8250df', '#cf222e', '#1b7c83', '#bc4c00'],
  communityLine: '#c9d7ea',
  gridLine: '#6e8bb3',
  river: '#36b3ff',
  riverCasing: '#0b4f7a',
  boatOnline: '#3ddc84',
  boatOffline: '#8b95a7',
  selected: '#ffd33d',
  track: '#ffd33d',
  label: '#f0f4fa',
  /** An order's time light (未计时 grey), and a cluster's colour when none of its orders is overdue. */
  orderGreen: '#3ddc84',
  orderYellow: '#ffd33d',
  orderRed: '#ff5a52',
  orderNone: '#8b95a7',
  orderCluster: '#36b3ff',
  labelHalo: '#0e1a2b',
} as const;
