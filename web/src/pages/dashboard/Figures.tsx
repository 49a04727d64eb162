import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';
import { ratePercent } from './model.ts';
import type { Headline } from './useDashboard.ts';

function Figure({
  id,
  label,
  value,
  note,
  tone,
}: {
  id: string;
  label: string;
  value: string;
  note?: string;
  tone?: string;
}) {
  return (
    <div className={`dash-figure card${tone ? ` tone-${tone}` : ''}`} data-testid={`figure-${id}`}>
      <span className="dash-figure-label">{label}</span>
      <span className="dash-figure-value" data-testid="figure-value">
        {value}
      </span>
      {note && <span className="dash-figure-note muted">{note}</span>}
    </div>
  );
}

/** Today's headline numbers in large type; a dash where a figure is unknown or does not exist yet. */
export function Figures({ head }: { head: Headline }) {
  const { t } = useI18n();
  const count = (n: number | null) => (n === null ? '—' : String(n));
  return (
    <section
      className="dash-figures"
      data-testid="dash-figures"
      aria-label={t('dashboard.asOf', { time: formatDateTime(head.now) })}
    >
      <Figure id="open" label={t('dashboard.open')} value={count(head.open)} />
      <Figure
        id="overdue"
        label={t('dashboard.overdue')}
        value={count(head.overdue)}
        tone={head.overdue > 0 ? 'red' : undefined}
      />
      <Figure id="closedToday" label={t('dashboard.closedToday')} value={count(head.closedToday)} />
      <Figure
        id="closureRate"
        label={t('dashboard.closureRate')}
        value={ratePercent(head.closureRate)}
        note={t('dashboard.registered', { count: head.registered })}
      />
      <Figure id="onTimeRate" label={t('dashboard.onTimeRate')} value={ratePercent(head.onTimeClosureRate)} />
      <Figure
        id="boatsOut"
        label={t('dashboard.boatsOut')}
        value={count(head.boatsOut)}
        note={head.boats === null ? undefined : t('dashboard.ofBoats', { count: head.boats })}
      />
      <Figure id="onDuty" label={t('dashboard.onDuty')} value={count(head.onDuty)} />
      <Figure
        id="alerts"
        label={t('dashboard.alerts')}
        value={head.alerts === null ? '—' : `${head.alerts}${head.alertsMore ? '+' : ''}`}
        note={head.alerts === null ? t('dashboard.alertsNone') : undefined}
        tone={head.alerts !== null && head.alerts > 0 ? 'red' : undefined}
      />
    </section>
  );
}
