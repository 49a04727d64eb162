import type { Role } from '../auth/roles.ts';
import type { TimeLimit } from '../calendar/time-limit.ts';
import type { OrderLevel } from './states.ts';

/** The two halves of the category dictionary: 部件 (a physical component) and 事件 (an event). */
export const CATEGORY_TYPES = ['component', 'event'] as const;

/** One of CATEGORY_TYPES. */
export type CategoryType = (typeof CATEGORY_TYPES)[number];

/** 中文 names of the category types. */
export const CATEGORY_TYPE_LABEL: Record<CategoryType, string> = { component: '部件', event: '事件' };

/** Stages (阶段): prevention before harm is done, handling while it happens, repair and review after. */
export const STAGES = ['before', 'during', 'after'] as const;

/** One of STAGES. */
export type Stage = (typeof STAGES)[number];

/** 中文 names of the stages. */
export const STAGE_LABEL: Record<Stage, string> = { before: '事前', during: '事中', after: '事后' };

/** Where an order came from. */
export const ORDER_SOURCES = [
  'resident',
  'gridWorker',
  'community',
  'patrol',
  'alert',
  'hotline',
  'open311',
] as const;

/** One of ORDER_SOURCES. */
export type OrderSource = (typeof ORDER_SOURCES)[number];

/**
 * Sources whose orders Open311 publishes: reports that came from the public (a resident, a
 * hotline call, an Open311 client). What staff find on their rounds or sensors raise is
 * internal work and stays off the public API.
 */
export const PUBLIC_SOURCES: readonly OrderSource[] = ['open311', 'hotline', 'resident'];

/**
 * How a category names its default responsible unit: a fixed unit (a department), or the unit
 * of that kind around the order's position, so one dictionary serves every community.
 */
export const DEFAULT_UNIT_KINDS = ['department', 'community', 'grid', 'workstation'] as const;

/** One of DEFAULT_UNIT_KINDS. */
export type DefaultUnitKind = (typeof DEFAULT_UNIT_KINDS)[number];

/** The datatypes of an extra field: Open311 GeoReport v2's attribute datatypes. */
export const CATEGORY_FIELD_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

/** An extra field asked for when reporting in a category: an Open311 GeoReport v2 attribute. */
export interface CategoryField {
  code: string;
  datatype: (typeof CATEGORY_FIELD_DATATYPES)[number];
  required: boolean;
  description: string;
  datatypeDescription?: string;
  order?: number;
  values?: { key: string; name: string }[];
}

/** Where a minor class sits in the dictionary: its type, and its major and minor class by code and name. */
export interface CategoryClass {
  type: CategoryType;
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
}

/**
 * A minor class of the dictionary with its defaults: the fields the store keeps (adding the id
 * and times), an admin edits (src/services/categories.service.ts) and the console reads.
 */
export interface CategoryFields extends CategoryClass {
  timeLimit: TimeLimit;
  defaultUnitKind: DefaultUnitKind | null;
  defaultUnitId: string | null;
  defaultStage: Stage;
  duplicateRadiusM: number;
  active: boolean;
  extraFields: CategoryField[];
}

/**
 * The sources each role reports with. Staff outside the centre report as what they are; the
 * centre registers calls and alerts on behalf of others, so it may name any source.
 */
export function sourcesFor(role: Role): readonly OrderSource[] {
  switch (role) {
    case 'admin':
    case 'operator':
      return ORDER_SOURCES;
    case 'resident':
      return ['resident'];
    case 'gridWorker':
      return ['gridWorker'];
    case 'community':
      return ['community'];
    case 'workstation':
    case 'department':
    case 'crew':
      return ['patrol'];
    case 'leader':
      return [];
  }
}

/**
 * Where a new order lands: what a community's own people find goes on the community's problem
 * list (问题清单) first; everything else reaches the command centre directly.
 */
export function levelForSource(source: OrderSource): OrderLevel {
  return source === 'gridWorker' || source === 'community' ? 'community' : 'subdistrict';
}

/** Return-visit answers (满意 / 基本满意 / 不满意). */
export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;

/** One of SATISFACTIONS. */
export type Satisfaction = (typeof SATISFACTIONS)[number];
