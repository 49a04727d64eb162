import { useI18n } from '../../i18n/context.tsx';
import { MAP_COLORS } from '../../map/theme.ts';

/** What the colours on the map mean. */
export function Legend() {
  const { t } = useI18n();
  const items = [
    { key: 'map.legend.gridArea', swatch: 'area', color: MAP_COLORS.gridAreaFills[0] },
    { key: 'map.legend.community', swatch: 'outline', color: MAP_COLORS.communityLine },
    { key: 'map.legend.grid', swatch: 'dashed', color: MAP_COLORS.gridLine },
    { key: 'map.legend.river', swatch: 'line', color: MAP_COLORS.river },
    { key: 'map.legend.boat', swatch: 'dot', color: MAP_COLORS.boatOnline },
  ] as const;
  return (
    <ul className="map-card legend">
      {items.map((item) => (
        <li key={item.key}>
          <span className={`swatch swatch-${item.swatch}`} style={{ color: item.color }} />
          {t(item.key)}
        </li>
      ))}
    </ul>
  );
}
