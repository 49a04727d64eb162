import { useState } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import type { LiveState } from '../../live/controller.ts';
import { formatDateTime } from '../../time.ts';
import { BoatFigures } from './BoatFigures.tsx';
import type { BoatState } from './boatState.ts';
import type { FleetRow } from './useFleet.ts';

export interface BoatListProps {
  rows: readonly FleetRow[];
  selectedId: string | null;
  liveState: LiveState;
  onSelect(id: string): void;
}

const LIVE_LABEL = { connecting: 'live.connecting', open: 'live.open', closed: 'live.closed' } as const;
const FILTERS = ['all', 'moving', 'stopped', 'offline'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_LABEL = {
  all: 'map.filter.all',
  moving: 'map.state.moving',
  stopped: 'map.state.stopped',
  offline: 'map.offline',
} as const;

/**
 * The side list: every boat with its state, crew on duty and the age of its latest fix, searchable
 * and filtered by state. On a phone it is a bottom sheet under the map, folded to its summary
 * until opened.
 */
export function BoatList({ rows, selectedId, liveState, onSelect }: BoatListProps) {
  const { t } = useI18n();
  const [folded, setFolded] = useState(true);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const online = rows.filter((r) => r.status === 'online').length;
  const q = query.trim().toLowerCase();
  const shown = rows.filter(
    (r) =>
      (filter === 'all' || r.state === (filter as BoatState)) && (!q || r.name.toLowerCase().includes(q)),
  );
  return (
    <aside className="side-panel" data-testid="device-list" data-collapsed={folded}>
      <div className="side-head">
        <h2>{t('map.devices')}</h2>
        <span className={`live-dot live-${liveState}`} data-testid="live-state" data-state={liveState}>
          {t(LIVE_LABEL[liveState])}
        </span>
        <button
          type="button"
          className="btn btn-ghost sheet-toggle"
          data-testid="sheet-toggle"
          aria-expanded={!folded}
          onClick={() => setFolded(!folded)}
        >
          {t(folded ? 'map.showList' : 'map.hideList')}
        </button>
      </div>
      <p className="side-summary">{t('map.deviceCount', { online, total: rows.length })}</p>
      <div className="boat-filters">
        <input
          type="search"
          data-testid="boat-search"
          aria-label={t('map.search')}
          placeholder={t('map.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          data-testid="boat-filter"
          aria-label={t('map.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(FILTER_LABEL[f])}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 && <p className="empty">{t('map.noDevices')}</p>}
      <ul className="device-list">
        {shown.map((row) => (
          <li key={row.id}>
            <button
              type="button"
              className={`device-row${row.id === selectedId ? ' selected' : ''}`}
              data-testid="device-row"
              data-row-id={row.id}
              data-device-id={row.deviceId ?? ''}
              data-asset-id={row.assetId ?? ''}
              data-status={row.status}
              data-state={row.state}
              onClick={() => onSelect(row.id)}
            >
              <span className="device-name" data-testid="boat-name">
                {row.name}
              </span>
              <BoatFigures row={row} />
              <span className="device-fix">
                {row.lastFix ? (
                  <>
                    {t('map.lastFix')}{' '}
                    <time data-testid="device-fix-time">{formatDateTime(row.lastFix)}</time>
                  </>
                ) : (
                  t('map.noFix')
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
