import { useState } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import type { LiveState } from '../../live/controller.ts';
import { formatDateTime } from '../../time.ts';
import type { FleetRow } from './useFleet.ts';

export interface DeviceListProps {
  rows: readonly FleetRow[];
  selectedId: string | null;
  liveState: LiveState;
  onSelect(id: string): void;
}

const LIVE_LABEL = { connecting: 'live.connecting', open: 'live.open', closed: 'live.closed' } as const;

/**
 * The side list: every device with its online/offline status and the time of its latest fix. On a
 * phone it is a bottom sheet under the map, folded to its summary until opened.
 */
export function DeviceList({ rows, selectedId, liveState, onSelect }: DeviceListProps) {
  const { t } = useI18n();
  const [folded, setFolded] = useState(true);
  const online = rows.filter((r) => r.status === 'online').length;
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
      {rows.length === 0 && <p className="empty">{t('map.noDevices')}</p>}
      <ul className="device-list">
        {rows.map((row) => (
          <li key={row.id}>
            <button
              type="button"
              className={`device-row${row.id === selectedId ? ' selected' : ''}`}
              data-testid="device-row"
              data-device-id={row.id}
              data-status={row.status}
              onClick={() => onSelect(row.id)}
            >
              <span className="device-name">{row.name}</span>
              <span className={`badge badge-${row.status}`} data-testid="device-status">
                {t(row.status === 'online' ? 'map.online' : 'map.offline')}
              </span>
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
              {row.position && row.position.speed > 0 && (
                <span className="device-speed">
                  {t('map.speed', { speed: row.position.speed.toFixed(1) })}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
