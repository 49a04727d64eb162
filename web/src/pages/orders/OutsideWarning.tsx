import { useEffect, useState } from 'react';
import { locateUnits } from '../../api/units.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';

/**
 * Warns when the report's point lies outside the reporter's own community (a resident's, a grid
 * worker's grid's, a community's): the tap may have missed, or it belongs to the neighbours.
 */
export function OutsideWarning({ position }: { position: { lat: number; lon: number } | null }) {
  const { t } = useI18n();
  const { user, unit } = useSignedIn();
  const own = unit.kind === 'community' ? unit.id : unit.kind === 'grid' ? unit.parentId : null;
  const [outside, setOutside] = useState<string | null>(null);
  useEffect(() => {
    setOutside(null);
    if (!position || !own || !['resident', 'gridWorker', 'community'].includes(user.role)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      locateUnits(position.lat, position.lon, controller.signal).then(
        (chain) => setOutside(chain.community.id === own ? null : chain.community.name),
        () => {
          // Outside every grid, or offline: the map shows where it is; say so only when sure.
          if (!controller.signal.aborted && navigator.onLine) setOutside('');
        },
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [position, own, user.role]);
  if (outside === null) return null;
  return (
    <p className="notice notice-warning" role="alert" data-testid="outside-warning">
      {outside ? t('report.outsideCommunity', { name: outside }) : t('report.outsideGrids')}
    </p>
  );
}
