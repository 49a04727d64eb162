import { dayStartMs } from '../../domain/calendar/local-day.ts';
import { dayNumber, type MetricSource } from '../../domain/metrics/index.ts';
import type { Indicators } from '../../domain/workorder/indicators.ts';
import type { Unit } from '../../store/units.repository.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { ServiceContext } from '../context.ts';
import { indicatorsOfUnit } from '../indicators/index.ts';

/** The indicator each source reads (formulas in docs/WORK-ORDERS.md). */
const INDICATOR: Record<MetricSource, keyof Indicators> = {
  'orders:closureRate': 'closureRate',
  'orders:onTimeClosureRate': 'onTimeClosureRate',
  'orders:satisfactionRate': 'satisfactionRate',
  'orders:solvedRate': 'solvedRate',
};

/**
 * Computes the actuals of metrics that come from the work orders, per unit and day, each unit's
 * indicators read once however many metrics use them.
 */
export class SourceActuals {
  private readonly byUnit = new Map<string, Promise<Indicators>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly day: number,
    private readonly year: number,
  ) {}

  /**
   * The source's rate for the unit's orders (those it or a unit under it was involved in) from
   * 1 January to the end of the day, Beijing time, as things stand now; in percent, null while
   * the year has no case to count.
   */
  async actual(source: MetricSource, unit: Unit): Promise<number | null> {
    let indicators = this.byUnit.get(unit.id);
    if (!indicators) {
      indicators = this.read(unit);
      this.byUnit.set(unit.id, indicators);
    }
    const rate = (await indicators)[INDICATOR[source]];
    return typeof rate === 'number' ? rate * 100 : null;
  }

  private async read(unit: Unit): Promise<Indicators> {
    const { utcOffsetMs } = await workingCalendar(this.ctx);
    const from = dayStartMs(utcOffsetMs, dayNumber(this.year, 1, 1));
    const to = dayStartMs(utcOffsetMs, this.day + 1);
    return indicatorsOfUnit(this.ctx, unit, { from, to });
  }
}
