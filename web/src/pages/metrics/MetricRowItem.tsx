import { useState } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import { amount } from '../progress/format.ts';
import { GuardedButton } from './GuardedButton.tsx';
import type { MetricRow } from './model.ts';

/** What the row's buttons open; each is null when allowed, else why not. */
export interface RowGuards {
  manage: string | null;
  actual: string | null;
  /** The id of the page's notice that explains a refusal of the role as a whole. */
  roleNotice?: string;
  /** Whether `actual` is the role's refusal (explained once at the top) rather than this row's. */
  actualIsRole: boolean;
}

export interface MetricRowItemProps {
  row: MetricRow;
  year: string;
  guards: RowGuards;
  onEdit(): void;
  onTarget(): void;
  onActual(): void;
  onDelete(): void;
}

/** One metric: a card on a phone, a table row on wider screens (the cells carry their labels). */
export function MetricRowItem({
  row,
  year,
  guards,
  onEdit,
  onTarget,
  onActual,
  onDelete,
}: MetricRowItemProps) {
  const { t } = useI18n();
  const { metric } = row;
  const [confirming, setConfirming] = useState(false);
  const whyId = `metric-why-${metric.id}`;
  const actualShown =
    metric.source !== null
      ? t('metrics.computed')
      : row.actual === null
        ? t('metrics.noActual')
        : `${amount(row.actual)}${row.actualPeriod ? ` · ${t('metrics.asOf', { period: row.actualPeriod })}` : ''}`;
  const buttons = [
    { testId: 'metric-edit', label: t('metrics.edit'), why: guards.manage, onClick: onEdit },
    { testId: 'metric-target', label: t('metrics.target'), why: guards.manage, onClick: onTarget },
    {
      testId: 'metric-actual',
      label: t('metrics.actual'),
      why: guards.actual,
      onClick: onActual,
      // A refusal of this row (another unit's metric) is explained in the row; the role's at the top.
      describedBy: guards.actualIsRole ? guards.roleNotice : whyId,
    },
    {
      testId: 'metric-delete',
      label: t('metrics.delete'),
      why: guards.manage,
      onClick: () => setConfirming(true),
      className: 'btn btn-small btn-danger-ghost',
    },
  ].map((b) => ({ describedBy: guards.roleNotice, className: undefined, ...b }));
  const cell = (label: string, value: string, testId?: string, className = 'metric-cell') => (
    <span className={className} data-label={label} data-testid={testId}>
      {value}
    </span>
  );

  return (
    <li className="metric-row card" data-testid="metric-row" data-code={metric.code}>
      {cell(t('metrics.col.code'), metric.code, 'metric-code', 'metric-cell metric-code')}
      {cell(t('metrics.col.name'), metric.name, 'metric-name', 'metric-cell metric-name')}
      {cell(t('metrics.col.unitOfMeasure'), metric.unitOfMeasure)}
      {cell(t('metrics.col.owner'), row.ownerName, 'metric-owner')}
      {cell(t('metrics.col.kind'), t(`metrics.kind.${metric.kind}`))}
      {cell(t('metrics.col.direction'), t(`metrics.directionShort.${metric.direction}`))}
      {cell(t('metrics.col.basis'), t(`metrics.basis.${metric.scheduleBasis}`))}
      {cell(
        t('metrics.col.target', { year }),
        row.target === null ? t('metrics.noTarget') : amount(row.target),
        'metric-target-value',
      )}
      {cell(t('metrics.col.actual'), actualShown, 'metric-actual-value')}
      <span className="metric-actions">
        {buttons.map((b) => (
          <GuardedButton
            key={b.testId}
            why={b.why}
            describedBy={b.describedBy}
            testId={b.testId}
            className={b.className}
            onClick={b.onClick}
          >
            {b.label}
          </GuardedButton>
        ))}
      </span>
      {guards.actual !== null && !guards.actualIsRole && (
        <small className="metric-why muted" id={whyId} data-testid="metric-why">
          {guards.actual}
        </small>
      )}
      {confirming && (
        <span className="metric-confirm" role="alertdialog" data-testid="metric-confirm">
          <span>{t('metrics.confirmDelete', { name: metric.name })}</span>
          <button
            type="button"
            className="btn btn-small btn-danger"
            data-testid="metric-delete-confirm"
            onClick={() => {
              setConfirming(false);
              onDelete();
            }}
          >
            {t('metrics.confirmDeleteYes')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </span>
      )}
    </li>
  );
}
