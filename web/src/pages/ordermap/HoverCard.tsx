import type { Order } from '../../api/orders.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { UnitHover } from '../../map/layers/UnitHoverLayer.tsx';

function counts(orders: readonly Order[], match: (o: Order) => boolean) {
  const of = orders.filter(match);
  return { count: of.length, overdue: of.filter((o) => o.overdue).length };
}

/** The hovered grid's and its community's orders and overdue orders, among those on the map. */
export function HoverCard({
  hover,
  units,
  orders,
}: {
  hover: UnitHover;
  units: readonly Unit[];
  orders: readonly Order[];
}) {
  const { t } = useI18n();
  const grid = units.find((u) => u.id === hover.unitId);
  if (!grid) return null;
  const community = units.find((u) => u.id === grid.parentId && u.kind === 'community');
  const rows = [
    { unit: grid, ...counts(orders, (o) => o.gridId === grid.id) },
    ...(community ? [{ unit: community, ...counts(orders, (o) => o.communityId === community.id) }] : []),
  ];
  return (
    <div
      className="order-map-hover card"
      data-testid="unit-hover"
      style={{ left: hover.x + 14, top: hover.y + 14 }}
    >
      {rows.map((r) => (
        <div key={r.unit.id} data-unit-id={r.unit.id} data-count={r.count} data-overdue={r.overdue}>
          <strong>{r.unit.name}</strong> {t('orderMap.counts', { count: r.count, overdue: r.overdue })}
        </div>
      ))}
    </div>
  );
}
