import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PageDef, PageId } from '../pages/registry.ts';
import { splitTabs } from './TabBar.tsx';

const page = (id: PageId) => ({ id, label: `nav.${id}`, roles: [] }) as unknown as PageDef;
const ids = (xs: readonly PageDef[]) => xs.map((p) => p.id);
const ADMIN: PageId[] = [
  'map',
  'dashboard',
  'playback',
  'fleet',
  'orders',
  'orderMap',
  'progress',
  'org',
  'users',
];

describe('the phone tab bar', () => {
  it('keeps a role with five pages or fewer in one row, in the registry order', () => {
    const pages = (['home', 'orders', 'map'] as PageId[]).map(page);
    assert.deepEqual(splitTabs(pages, 'home'), [pages, []]);
  });

  it('puts the landing page and three more by thumb order in the bar, the rest under "more" in registry order', () => {
    const [bar, more] = splitTabs(ADMIN.map(page), 'map');
    assert.deepEqual(ids(bar), ['map', 'orders', 'fleet', 'dashboard']);
    assert.deepEqual(ids(more), ['playback', 'orderMap', 'progress', 'org', 'users']);
    const leader = splitTabs(
      (['dashboard', 'home', 'map', 'orders', 'progress', 'tasks'] as PageId[]).map(page),
      'dashboard',
    );
    assert.deepEqual(ids(leader[0]), ['dashboard', 'home', 'orders', 'map']);
  });

  it('shows the page open now in the bar, in the fourth place', () => {
    const [bar, more] = splitTabs(ADMIN.map(page), 'users');
    assert.deepEqual(ids(bar), ['map', 'orders', 'fleet', 'users']);
    assert.deepEqual(ids(more), ['dashboard', 'playback', 'orderMap', 'progress', 'org']);
  });
});
