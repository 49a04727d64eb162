import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../errors/catalogue.ts';
import { type Document, List, toJson, toXml } from '../../protocols/open311/index.ts';

/** The two formats GeoReport v2 serves, chosen by the resource's extension ("Format Support"). */
export type Format = 'json' | 'xml';

const CONTENT_TYPE: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The format a URL asks for: `.json` is JSON; everything else gets XML, the spec's required format. */
export function formatOf(url: string): Format {
  return (url.split('?')[0] ?? '').endsWith('.json') ? 'json' : 'xml';
}

/** `C0401.json` → code and format; undefined when the name carries no .json/.xml extension. */
export function splitFile(file: string): { name: string; format: Format } | undefined {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m?.[1] && (m[2] === 'json' || m[2] === 'xml') ? { name: m[1], format: m[2] } : undefined;
}

/** Sends a document in the format with the spec's content type. */
export function sendDocument(reply: FastifyReply, doc: Document, format: Format, status = 200) {
  return reply
    .status(status)
    .type(CONTENT_TYPE[format])
    .send(format === 'json' ? toJson(doc) : toXml(doc));
}

/** GeoReport v2 "Errors": `<errors><error><code/><description/></error></errors>`, a JSON array. */
export function errorDocument(code: number, description: string): Document {
  return { root: 'errors', body: new List('error', [{ code, description }]) };
}

// "HTTP error codes should always be 404 for resources that don't exist, 403 for errors because
// of wrong or missing api_key and basically 400 for any other error" (GeoReport v2, Errors).
// 413 and 429 are kept: they tell a client precisely what to change.
const KEPT = new Set([403, 404, 413, 429]);

function describe(error: FastifyError, request: FastifyRequest): { status: number; description: string } {
  if (error instanceof DomainError) {
    return {
      status: KEPT.has(error.status) ? error.status : error.status >= 500 ? 500 : 400,
      description: error.message,
    };
  }
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return {
      status: 413,
      description: `The request body is larger than ${request.routeOptions.bodyLimit} bytes`,
    };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    const sent = String(request.headers['content-type'] ?? '(none)').slice(0, 100);
    return { status: 400, description: `Send the request as application/x-www-form-urlencoded, not ${sent}` };
  }
  if (status === 429) return { status: 429, description: error.message };
  if (status >= 400 && status < 500) return { status: 400, description: error.message };
  return { status: 500, description: 'An unexpected error occurred; it has been logged' };
}

/** The error handler of the Open311 scope: every failure in the spec's error format and codes. */
export function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, description } = describe(error, request);
  if (status >= 500) request.log.error({ err: error }, 'unhandled error in Open311');
  return sendDocument(reply, errorDocument(status, description), formatOf(request.url), status);
}

/** For the router's own errors (a malformed or overlong path) under the Open311 prefix: true when answered. */
export function answerOpen311FrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  if (!request.url.startsWith('/open311/')) return false;
  const description =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path segment is too long'
      : `The URL is malformed: ${error.message}`;
  sendDocument(reply, errorDocument(400, description), formatOf(request.url), 400);
  return true;
}
