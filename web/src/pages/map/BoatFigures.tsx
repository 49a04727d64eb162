import { useI18n } from '../../i18n/context.tsx';
import { fixAge } from './boatState.ts';
import type { FleetRow } from './useFleet.ts';

const AGE_KEY = { min: 'map.age.min', h: 'map.age.h', d: 'map.age.d' } as const;

/** A boat's badges: online/offline, under way or stopped, crew on duty, the age of its last fix. */
export function BoatFigures({ row }: { row: FleetRow }) {
  const { t } = useI18n();
  const age = row.lastFix ? fixAge(row.lastFix, Date.now()) : null;
  return (
    <span className="boat-figures">
      <span className={`badge badge-${row.status}`} data-testid="device-status">
        {t(row.status === 'online' ? 'map.online' : 'map.offline')}
      </span>
      {row.state !== 'offline' && (
        <span className={`badge badge-${row.state}`} data-testid="boat-state">
          {t(row.state === 'moving' ? 'map.state.moving' : 'map.state.stopped')}
          {row.position && row.state === 'moving' && ` ${row.position.speed.toFixed(1)} km/h`}
        </span>
      )}
      {row.assetId && (
        <span
          className="boat-crew"
          data-testid="boat-crew"
          data-crew={row.crewOnDuty ?? ''}
          data-source={row.dutySource ?? ''}
        >
          {row.crewOnDuty !== null
            ? t('map.crewOnDuty', { n: row.crewOnDuty })
            : row.dutySource === 'derived'
              ? t('map.crewByShift')
              : t('map.crewNone')}
        </span>
      )}
      {age && (
        <span className="boat-age" data-testid="boat-age">
          {t(AGE_KEY[age.unit], { n: age.n })}
        </span>
      )}
    </span>
  );
}
