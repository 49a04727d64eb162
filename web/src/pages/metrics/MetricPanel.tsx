import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { amount } from '../progress/format.ts';
import { ActualForm } from './ActualForm.tsx';
import { MetricForm } from './MetricForm.tsx';
import type { MetricRow } from './model.ts';
import { TargetForm } from './TargetForm.tsx';

/** The form open above the list. */
export type Panel =
  | { kind: 'new' }
  | { kind: 'edit'; row: MetricRow }
  | { kind: 'target'; row: MetricRow }
  | { kind: 'actual'; row: MetricRow };

export interface MetricPanelProps {
  panel: Panel;
  units: readonly Unit[];
  today: string;
  /** Called with the confirmation to show once the change is saved. */
  onDone(text: string): void;
  onCancel(): void;
}

/** The form a panel names, each reporting back what it saved. */
export function MetricPanel({ panel, units, today, onDone, onCancel }: MetricPanelProps) {
  const { t } = useI18n();
  switch (panel.kind) {
    case 'new':
    case 'edit':
      return (
        <MetricForm
          key={panel.kind === 'edit' ? panel.row.metric.id : 'new'}
          metric={panel.kind === 'edit' ? panel.row.metric : undefined}
          units={units}
          onSaved={(m) => onDone(t('metrics.saved', { code: m.code }))}
          onCancel={onCancel}
        />
      );
    case 'target':
      return (
        <TargetForm
          key={panel.row.metric.id}
          row={panel.row}
          today={today}
          onSaved={(x) =>
            onDone(
              t('metrics.target.saved', {
                code: panel.row.metric.code,
                year: x.year,
                annual: amount(x.annual),
              }),
            )
          }
          onCancel={onCancel}
        />
      );
    case 'actual':
      return (
        <ActualForm
          key={panel.row.metric.id}
          row={panel.row}
          today={today}
          onSaved={(a) =>
            onDone(
              t('metrics.actual.saved', {
                code: panel.row.metric.code,
                period: a.period,
                value: amount(a.value),
              }),
            )
          }
          onCancel={onCancel}
        />
      );
  }
}
