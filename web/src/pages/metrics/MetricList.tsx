import { useI18n } from '../../i18n/context.tsx';
import { MetricRowItem, type RowGuards } from './MetricRowItem.tsx';
import type { MetricRow } from './model.ts';

export interface MetricListProps {
  rows: readonly MetricRow[];
  loaded: boolean;
  year: string;
  guardsOf(row: MetricRow): RowGuards;
  onEdit(row: MetricRow): void;
  onTarget(row: MetricRow): void;
  onActual(row: MetricRow): void;
  onDelete(row: MetricRow): void;
}

/** The metrics by code: a header row on wider screens (hidden on a phone, where each card labels its cells). */
export function MetricList({ rows, loaded, year, guardsOf, ...on }: MetricListProps) {
  const { t } = useI18n();
  if (loaded && rows.length === 0) return <p className="muted">{t('metrics.empty')}</p>;
  return (
    <>
      {loaded && <p className="muted metric-count">{t('metrics.count', { count: rows.length })}</p>}
      <ul className="metric-list" data-testid="metric-list" aria-busy={!loaded}>
        <li className="metric-head" aria-hidden="true">
          <span>{t('metrics.col.code')}</span>
          <span>{t('metrics.col.name')}</span>
          <span>{t('metrics.col.unitOfMeasure')}</span>
          <span>{t('metrics.col.owner')}</span>
          <span>{t('metrics.col.kind')}</span>
          <span>{t('metrics.col.direction')}</span>
          <span>{t('metrics.col.basis')}</span>
          <span>{t('metrics.col.target', { year })}</span>
          <span>{t('metrics.col.actual')}</span>
          <span>{t('metrics.col.actions')}</span>
        </li>
        {rows.map((row) => (
          <MetricRowItem
            key={row.metric.id}
            row={row}
            year={year}
            guards={guardsOf(row)}
            onEdit={() => on.onEdit(row)}
            onTarget={() => on.onTarget(row)}
            onActual={() => on.onActual(row)}
            onDelete={() => on.onDelete(row)}
          />
        ))}
      </ul>
    </>
  );
}
