import { type ComponentType, lazy } from 'react';
import {
  FLEET_READERS,
  PEOPLE_READERS,
  ROLES,
  type Role,
  STAFF_ROLES,
} from '../../../src/domain/auth/roles.ts';
import { METRIC_READERS } from '../../../src/domain/metrics/access.ts';
import { TASK_READERS } from '../../../src/domain/tasks/model.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { HOME_ROLES } from './home/roles.ts';

/** The console's pages. A new page (work orders, reports…) is its id here and one entry in PAGES. */
export type PageId =
  | 'home'
  | 'dashboard'
  | 'orderMap'
  | 'map'
  | 'playback'
  | 'fleet'
  | 'crew'
  | 'orders'
  | 'progress'
  | 'metrics'
  | 'tasks'
  | 'reports'
  | 'org'
  | 'users'
  | 'alertRules';

export interface PageDef {
  id: PageId;
  label: MessageKey;
  /** Roles the API lets read what the page shows; the nav offers the page to these only. */
  roles: readonly Role[];
  /** Roles that land on this page when they sign in (it leads their nav); others keep the registry's order. */
  home?: readonly Role[];
  /** The page itself, its own chunk: the map's WebGL library loads only with the map. */
  component: ComponentType;
}

export const PAGES: readonly PageDef[] = [
  {
    id: 'home',
    label: 'nav.home',
    // Field homes compose GET /api/orders, /api/notices and the order actions each role may already use.
    roles: HOME_ROLES,
    component: lazy(() => import('./HomePage.tsx').then((m) => ({ default: m.HomePage }))),
  },
  {
    id: 'map',
    label: 'nav.map',
    // GET /api/devices and /api/positions/latest
    roles: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
    component: lazy(() => import('./MapPage.tsx').then((m) => ({ default: m.MapPage }))),
  },
  {
    id: 'dashboard',
    label: 'nav.dashboard',
    // GET /api/indicators/rankings (admin, operator, leader) besides /api/indicators, /api/orders and /api/progress
    roles: ['admin', 'operator', 'leader'],
    home: ['leader'],
    component: lazy(() => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    id: 'playback',
    label: 'nav.playback',
    // GET /api/assets, /api/assets/:id/track|trips|stops and /api/segments; the crew has its own page
    roles: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
    component: lazy(() => import('./PlaybackPage.tsx').then((m) => ({ default: m.PlaybackPage }))),
  },
  {
    id: 'fleet',
    label: 'nav.fleet',
    // GET /api/fleet/days/:date and /api/duty: every role that reads assets (a crew member their boat)
    roles: FLEET_READERS,
    component: lazy(() => import('./FleetBoardPage.tsx').then((m) => ({ default: m.FleetBoardPage }))),
  },
  {
    id: 'crew',
    label: 'nav.crew',
    // POST /api/duty/clock-in|clock-out: crew logins only
    roles: ['crew'],
    component: lazy(() => import('./CrewPage.tsx').then((m) => ({ default: m.CrewPage }))),
  },
  {
    id: 'orders',
    label: 'nav.orders',
    // GET /api/orders is open to everyone signed in: each sees the orders of their scope (a resident their own).
    roles: ROLES,
    component: lazy(() => import('./OrdersPage.tsx').then((m) => ({ default: m.OrdersPage }))),
  },
  {
    id: 'orderMap',
    label: 'nav.orderMap',
    // GET /api/orders (everyone's own scope) over the unit polygons of GET /api/units (staff)
    roles: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
    component: lazy(() => import('./OrderMapPage.tsx').then((m) => ({ default: m.OrderMapPage }))),
  },
  {
    id: 'progress',
    label: 'nav.progress',
    // GET /api/progress: leaders and the centre everything, a workstation, community or department its own.
    roles: METRIC_READERS,
    component: lazy(() => import('./ProgressPage.tsx').then((m) => ({ default: m.ProgressPage }))),
  },
  {
    id: 'metrics',
    label: 'nav.metrics',
    // GET /api/metrics for every reader; admins and operators manage, the owner unit enters actuals
    // (the page disables what a role may not do and says why).
    roles: METRIC_READERS,
    component: lazy(() => import('./MetricsPage.tsx').then((m) => ({ default: m.MetricsPage }))),
  },
  {
    id: 'tasks',
    label: 'nav.tasks',
    // GET /api/tasks (and /api/units for the owners' names): each role within its scope.
    roles: TASK_READERS,
    component: lazy(() => import('./TasksPage.tsx').then((m) => ({ default: m.TasksPage }))),
  },
  {
    id: 'reports',
    label: 'nav.reports',
    // GET /api/reports/weekly and /api/reports (the archive): the key-task readers, within scope.
    roles: TASK_READERS,
    component: lazy(() => import('./ReportsPage.tsx').then((m) => ({ default: m.ReportsPage }))),
  },
  {
    id: 'org',
    label: 'nav.org',
    // GET /api/units
    roles: STAFF_ROLES,
    component: lazy(() => import('./OrgPage.tsx').then((m) => ({ default: m.OrgPage }))),
  },
  {
    id: 'users',
    label: 'nav.users',
    // GET /api/users
    roles: PEOPLE_READERS,
    component: lazy(() => import('./UsersPage.tsx').then((m) => ({ default: m.UsersPage }))),
  },
  {
    id: 'alertRules',
    label: 'nav.alertRules',
    // POST/PATCH/DELETE /api/alert-rules: admins manage the rules (others read them in the alert panel's effects)
    roles: ['admin'],
    component: lazy(() => import('./AlertRulesPage.tsx').then((m) => ({ default: m.AlertRulesPage }))),
  },
];

/** The pages a role may open, in nav order. */
export function pagesFor(role: Role): PageDef[] {
  const pages = PAGES.filter((p) => p.roles.includes(role));
  const home = pages.filter((p) => p.home?.includes(role));
  return [...home, ...pages.filter((p) => !home.includes(p))];
}

/**
 * The page a route-less URL opens: on a phone the role's home (首页) when it has one; on a desk the
 * first other page, which leads with the page the registry makes the role's landing page (a
 * leader's dashboard) and otherwise keeps the page it always opened on.
 */
export function firstPage(pages: readonly PageDef[], phone: boolean): PageDef | undefined {
  if (phone) return pages.find((p) => p.id === 'home') ?? pages[0];
  return pages.find((p) => p.id !== 'home') ?? pages[0];
}

/** Whether a role may open a page. */
export function mayOpen(role: Role, page: PageId): boolean {
  return pagesFor(role).some((p) => p.id === page);
}
