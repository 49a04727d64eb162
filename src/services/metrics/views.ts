import type { MetricActualView, MetricTargetView, MetricView } from '../../api/index.ts';
import type { Metric, MetricActual, MetricTarget } from '../../store/metrics.repository.ts';

const iso = (t: number) => new Date(t).toISOString();

/** A metric as the API returns it. */
export function metricView(m: Metric): MetricView {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    unitOfMeasure: m.unitOfMeasure,
    ownerUnitId: m.ownerUnitId,
    ownerUserId: m.ownerUserId,
    kind: m.kind,
    direction: m.direction,
    scheduleBasis: m.scheduleBasis,
    source: m.source,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  };
}

/** A target as the API returns it. */
export function targetView(t: MetricTarget): MetricTargetView {
  return {
    year: t.year,
    unitId: t.unitId,
    annual: t.annual,
    monthly: t.monthly,
    updatedBy: t.updatedBy,
    updatedAt: iso(t.updatedAt),
  };
}

/** An actual as the API returns it. */
export function actualView(a: MetricActual): MetricActualView {
  return {
    period: a.period,
    value: a.value,
    note: a.note,
    enteredBy: a.enteredBy,
    enteredAt: iso(a.enteredAt),
  };
}
