// Entry point: one HTTP request in, one report or one error out. Chooses the body format the
// way traccar does — JSON when the Content-Type says so — and is lenient where clients differ:
// a JSON-looking body without a Content-Type is read as JSON, any other text body as a form,
// and a JSON object without `location` as flat OsmAnd keys. Query and form keys are merged.

import { Rejection, reject } from './fields.ts';
import { asObject, reportFromJson } from './json.ts';
import { addParams, type Params, reportFromParams } from './query.ts';
import type { OsmAndOptions, OsmAndRequest, OsmAndResult } from './types.ts';

/** Parses an OsmAnd / Traccar Client request; `now` (epoch ms) stands in for a missing timestamp. Never throws. */
export function parseOsmAnd(request: OsmAndRequest, now: number, options: OsmAndOptions = {}): OsmAndResult {
  try {
    const params: Params = new Map();
    addParams(params, Object.entries(request.query));
    const json = jsonBody(request);
    if (json !== undefined) {
      if (asObject(json.location) !== undefined || 'device_id' in json) {
        return { ok: true, report: reportFromJson(json, now) };
      }
      addParams(params, Object.entries(json));
    } else if (typeof request.body === 'string') {
      addParams(params, new URLSearchParams(request.body).entries());
    } else if (request.body !== undefined) {
      addParams(params, Object.entries(request.body));
    }
    return { ok: true, report: reportFromParams(params, now, options) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, error: error.error };
    return {
      ok: false,
      error: { code: 'MALFORMED_BODY', message: `The request could not be read: ${String(error)}` },
    };
  }
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded') ?? false;
}

// The body as a JSON object when it is one: parsed already by the transport, or text that is
// declared JSON or (without a declared type) looks like it.
function jsonBody(request: OsmAndRequest): Record<string, unknown> | undefined {
  const { body, contentType } = request;
  if (body === undefined || isForm(contentType)) return undefined;
  if (typeof body !== 'string')
    return isJson(contentType) || contentType === undefined ? asObject(body) : undefined;
  const looksJson = contentType === undefined && body.trimStart().startsWith('{');
  if (!isJson(contentType) && !looksJson) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    reject(
      'MALFORMED_BODY',
      undefined,
      `The body is not valid JSON (${(error as Error).message}): ${JSON_HINT}`,
    );
  }
  const object = asObject(parsed);
  if (!object) reject('MALFORMED_BODY', undefined, `The JSON body must be an object: ${JSON_HINT}`);
  return object;
}

const JSON_HINT =
  'send {"device_id": "...", "location": {"timestamp": "...", "coords": {"latitude": ..., "longitude": ...}}}';
