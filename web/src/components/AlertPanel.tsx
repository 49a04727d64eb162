import { useCallback, useEffect, useRef, useState } from 'react';
import { type Alert, acknowledgeAlert, fetchAlerts, resolveAlert } from '../api/alerts.ts';
import { fetchDevices } from '../api/fleet.ts';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { useLive } from '../live/LiveProvider.tsx';
import { navigateTo } from '../routing.ts';
import { formatDateTime } from '../time.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** A short two-tone chime for a new alert; silent where the browser allows no audio yet. */
function chime(): void {
  try {
    const audio = new AudioContext();
    for (const [i, hz] of [880, 660].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.15);
      osc.stop(audio.currentTime + i * 0.15 + 0.12);
    }
    setTimeout(() => void audio.close(), 600);
  } catch {
    // No audio here (no device, or not allowed before a click): the visual cue remains.
  }
}

/**
 * The alert panel (告警) in the header, on every page the live feed runs for, and on the live map
 * (where it stands in for the header's on the narrowest phones):
 * how many alerts are not resolved, a pulse and a chime when one opens, and per alert acknowledge,
 * resolve with a note, open its work order, show the boat on the map.
 */
export function AlertPanel({ placement = 'header' }: { placement?: 'header' | 'map' }) {
  const { t } = useI18n();
  const live = useLive();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [open, setOpen] = useState(false);
  const [fresh, setFresh] = useState(false);
  const [resolving, setResolving] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const heard = useRef(live.newAlerts);

  const refresh = useCallback(() => {
    fetchAlerts({ limit: 50 }).then(
      (page) => {
        setAlerts(page.items.filter((a) => a.status !== 'resolved'));
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  useEffect(() => {
    fetchDevices().then(
      (devices) => setNames(new Map(devices.map((d) => [d.id, d.name]))),
      () => undefined,
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch on every alert event
  useEffect(refresh, [refresh, live.alertsVersion]);
  useEffect(() => {
    if (live.newAlerts === heard.current) return;
    heard.current = live.newAlerts;
    setFresh(true);
    // One chime for the console: the header's panel sounds, the map's only shows.
    if (placement === 'header') chime();
  }, [live.newAlerts, placement]);

  const act = (run: () => Promise<unknown>) =>
    run().then(
      () => {
        setResolving(null);
        setNote('');
        refresh();
      },
      (e: unknown) => setError(e),
    );
  const count = alerts.length;

  return (
    <div className={`bell alerts alerts-${placement}`} data-placement={placement}>
      <button
        type="button"
        className={`btn btn-ghost bell-button ${fresh ? 'alert-fresh' : ''}`}
        data-testid="alerts"
        data-fresh={fresh}
        aria-expanded={open}
        aria-label={t('alerts.title')}
        onClick={() => {
          setFresh(false);
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        {t('alerts.title')}
        <span
          className={`bell-count ${count > 0 ? 'unread' : ''}`}
          data-testid="alert-count"
          data-count={count}
        >
          {count}
        </span>
      </button>
      {open && (
        <div className="bell-panel card" data-testid="alert-panel">
          <div className="bell-head">
            <strong>{t('alerts.title')}</strong>
          </div>
          <ErrorNotice error={error} />
          {count === 0 && <p className="empty">{t('alerts.empty')}</p>}
          <ul className="alert-list">
            {alerts.map((a) => (
              <li
                key={a.id}
                data-testid="alert"
                data-kind={a.kind}
                data-status={a.status}
                className={a.status}
              >
                <div>
                  <strong>{t(`alerts.kind.${a.kind}` as MessageKey)}</strong>{' '}
                  <span>{(a.deviceId && names.get(a.deviceId)) || ''}</span>
                  <small className="muted">
                    {' '}
                    {formatDateTime(a.startedAt)} · {t(`alerts.status.${a.status}` as MessageKey)}
                    {a.endedAt ? ` · ${t('alerts.ended')}` : ''}
                  </small>
                </div>
                <div className="alert-actions">
                  {a.status === 'open' && (
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="alert-ack"
                      onClick={() => act(() => acknowledgeAlert(a.id))}
                    >
                      {t('alerts.acknowledge')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-small"
                    data-testid="alert-resolve"
                    onClick={() => setResolving(resolving === a.id ? null : a.id)}
                  >
                    {t('alerts.resolve')}
                  </button>
                  {a.orderId && (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      data-testid="alert-order"
                      onClick={() => {
                        setOpen(false);
                        navigateTo('orders', a.orderId ?? '');
                      }}
                    >
                      {t('alerts.openOrder')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    data-testid="alert-boat"
                    onClick={() => {
                      setOpen(false);
                      navigateTo('map', a.assetId);
                    }}
                  >
                    {t('alerts.showBoat')}
                  </button>
                </div>
                {resolving === a.id && (
                  <form
                    className="alert-resolve"
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (note.trim()) void act(() => resolveAlert(a.id, note.trim()));
                    }}
                  >
                    <input
                      data-testid="alert-note"
                      value={note}
                      placeholder={t('alerts.note')}
                      onChange={(e) => setNote(e.target.value)}
                    />
                    <button type="submit" className="btn btn-small" data-testid="alert-resolve-submit">
                      {t('alerts.confirmResolve')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
