import { request } from './client.ts';
import type { List, Unit, UnitKind, UnitNode } from './types.ts';

/** Units in the caller's scope as a flat list, with polygons unless `geometry` is false. */
export async function fetchUnits(signal?: AbortSignal, geometry = true): Promise<Unit[]> {
  const query = geometry ? {} : { geometry: false };
  return (await request<List<Unit>>('/api/units', { query, signal })).items;
}

/** The scope's unit tree without polygons (for the organisation page). */
export async function fetchUnitTree(signal?: AbortSignal): Promise<UnitNode[]> {
  const query = { view: 'tree', geometry: false };
  return (await request<List<UnitNode>>('/api/units', { query, signal })).items;
}

export interface NewUnit {
  kind: UnitKind;
  parentId: string | null;
  code: string;
  name: string;
}

export function createUnit(input: NewUnit): Promise<Unit> {
  return request('/api/units', { method: 'POST', body: input });
}

export function renameUnit(id: string, name: string): Promise<Unit> {
  return request(`/api/units/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } });
}

export function deleteUnit(id: string): Promise<void> {
  return request(`/api/units/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The chain of units around a WGS-84 point, as GET /api/units/locate answers. */
export interface LocatedChain {
  grid: Unit;
  community: Unit;
  gridArea: Unit;
  workstation: Unit | null;
  subdistrict: Unit;
}

/** The grid, community and up containing a point; 404 UNIT_NOT_FOUND outside every grid. */
export function locateUnits(lat: number, lon: number, signal?: AbortSignal): Promise<LocatedChain> {
  return request('/api/units/locate', { query: { lat, lon }, signal });
}
