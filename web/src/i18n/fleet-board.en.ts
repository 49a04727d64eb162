import type { fleetBoardZhCN } from './fleet-board.zh-CN.ts';

/** The fleet day board's English text, key for key with fleet-board.zh-CN.ts. */
export const fleetBoardEn: Record<keyof typeof fleetBoardZhCN, string> = {
  'nav.fleet': 'Fleet day',
  'fleetBoard.title': 'Fleet day board',
  'fleetBoard.date': 'Day',
  'fleetBoard.xlsx': 'Download Excel',
  'fleetBoard.empty': 'No boats that day',
  'fleetBoard.boat': 'Boat',
  'fleetBoard.duty': 'On–off duty',
  'fleetBoard.crewOnDuty': 'Crew on duty',
  'fleetBoard.distance': 'Distance',
  'fleetBoard.work': 'Work',
  'fleetBoard.rest': 'Rest',
  'fleetBoard.coverage': 'Coverage',
  'fleetBoard.unloads': 'Unloads',
  'fleetBoard.unloadFigures': '{count} · {tonnes} t',
  'fleetBoard.problems': 'Problems',
  'fleetBoard.ok': 'OK',
  'fleetBoard.source.clock': 'clocked',
  'fleetBoard.source.derived': 'from shift',
  'fleetBoard.problem.lowCoverage': 'coverage low',
  'fleetBoard.problem.noData': 'no data',
  'fleetBoard.problem.noDataHours': 'no data {hours} h',
  'fleetBoard.problem.offDutyMoving': 'moving off duty',
};
