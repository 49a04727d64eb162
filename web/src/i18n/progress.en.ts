import type { progressZhCN } from './progress.zh-CN.ts';

/** The schedule-progress page's English text, key for key with progress.zh-CN.ts. */
export const progressEn: Record<keyof typeof progressZhCN, string> = {
  'nav.progress': 'Progress',
  'progress.title': 'Progress against schedule',
  'progress.date': 'Date',
  'progress.summary': '{count} targets · green {green} · yellow {yellow} · red {red} · past half {halfway}',
  'progress.empty': 'No metric has a target for this year',
  'progress.completion': 'Done',
  'progress.schedule': 'Schedule',
  'progress.gap': 'Gap (points)',
  'progress.barLabel': '{completion} done against {schedule} of the year',
  'progress.actualOfTarget': '{actual} / {target} {unit}',
  'progress.asOf': 'as of {period}',
  'progress.computed': 'computed from work orders',
  'progress.noActual': 'no actual yet',
  'progress.noCases': 'no orders this year yet',
  'progress.halfway': 'Past half',
  'progress.down': 'lower is better',
  'progress.light.green': 'On schedule',
  'progress.light.yellow': 'Slightly behind',
  'progress.light.red': 'Behind',
  'progress.light.none': 'Not reported',
};
