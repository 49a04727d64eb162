import { useState } from 'react';
import { type ClockEvent, clock, type DutyDay } from '../../api/duty.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { formatTime } from '../../time.ts';
import { currentPosition } from './useGeolocation.ts';

const FLAG_TEXT: Record<ClockEvent['flags'][number], MessageKey> = {
  farFromBoat: 'crew.flag.farFromBoat',
  queued: 'crew.flag.queued',
  positionUnknown: 'crew.flag.positionUnknown',
  notClockedIn: 'crew.flag.notClockedIn',
};

export interface ClockCardProps {
  duty: DutyDay | undefined;
  onClocked(): void;
}

/** Clock in or out where the phone stands; the answer's distance to the boat and its flags in words. */
export function ClockCard({ duty, onClocked }: ClockCardProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<ClockEvent | null>(null);

  async function send(kind: 'in' | 'out') {
    setBusy(true);
    setError(null);
    try {
      const { lat, lon } = await currentPosition();
      setAnswer(await clock(kind, { lat, lon }));
      onClocked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card crew-card" data-testid="clock-card">
      <h2>{t('crew.clock')}</h2>
      <p className="muted">{t('crew.useLocation')}</p>
      <div className="crew-buttons">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="clock-in"
          disabled={busy}
          onClick={() => void send('in')}
        >
          {t('crew.clockIn')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="clock-out"
          disabled={busy}
          onClick={() => void send('out')}
        >
          {t('crew.clockOut')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {answer && (
        <div className="clock-answer" data-testid="clock-answer" data-distance-m={answer.distanceM ?? ''}>
          <p>
            {t(answer.kind === 'in' ? 'crew.clockedIn' : 'crew.clockedOut', { time: formatTime(answer.at) })}
          </p>
          <p data-testid="clock-distance">
            {answer.distanceM === null
              ? t('crew.distanceUnknown')
              : t('crew.distance', { m: Math.round(answer.distanceM) })}
          </p>
          {answer.flags.map((f) => (
            <p key={f} className="warn" data-testid="clock-flag" data-flag={f}>
              {t(FLAG_TEXT[f])}
            </p>
          ))}
        </div>
      )}
      {duty && duty.people.length > 0 && (
        <ul className="crew-today" data-testid="clock-today">
          {duty.people.map((p) => (
            <li key={p.memberId}>
              <strong>{p.name}</strong>
              <span>
                {t('crew.in')} {p.clockIn ? formatTime(p.clockIn) : '—'} · {t('crew.out')}{' '}
                {p.clockOut ? formatTime(p.clockOut) : '—'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
