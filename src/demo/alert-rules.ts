import { seedDefaultAlertRules } from '../services/alerts/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { listCategories } from '../store/categories.repository.ts';
import { listUnits } from '../store/units.repository.ts';
import { DEMO_CONTRACTOR } from './organisations.ts';

/** The category an out-of-segment alert's work order is filed under: floating rubbish on the river. */
const OUT_OF_SEGMENT_CATEGORY = '河道漂浮垃圾';

/**
 * The default boat alert rules for the demo contractor (issue 12), its out-of-segment rule opening
 * orders; a demo world that has rules for it already, or is not the demo world, is left alone.
 * After the work-order dictionary. Returns how many rules it added.
 */
export async function ensureDemoAlertRules(ctx: ServiceContext): Promise<number> {
  const contractor = (await listUnits(ctx.db, { scopePath: null, kind: 'contractor' })).find(
    (u) => u.code === DEMO_CONTRACTOR.code,
  );
  if (!contractor) return 0;
  const category = (await listCategories(ctx.db)).find((c) => c.minorName === OUT_OF_SEGMENT_CATEGORY);
  return seedDefaultAlertRules(ctx, contractor.id, { outOfSegmentCategoryId: category?.id });
}
