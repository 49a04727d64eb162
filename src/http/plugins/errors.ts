import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, ERRORS, type ErrorCode, fail } from '../../errors/catalogue.ts';
import { constraintError } from '../../store/constraint-errors.ts';
import type { DialectAdapter } from '../../store/dialect/types.ts';

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** "body.polygon.type must be string": the field a client must fix, in dotted form. */
function describeIssue(context: string | undefined, issue: AjvIssue): { field: string; problem: string } {
  let field = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  if (issue.keyword === 'required' && issue.params?.missingProperty) {
    field = field ? `${field}.${issue.params.missingProperty}` : String(issue.params.missingProperty);
    return { field: `${context}.${field}`, problem: 'is required' };
  }
  let problem = issue.message ?? 'is not valid';
  if (issue.keyword === 'enum' && Array.isArray(issue.params?.allowedValues)) {
    problem = `must be one of ${(issue.params.allowedValues as unknown[]).join(', ')}`;
  }
  return { field: field ? `${context}.${field}` : String(context), problem };
}

function fastifyCode(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
  }
  if (error instanceof SyntaxError) return 'MALFORMED_JSON';
  if (error.statusCode === 429) return 'RATE_LIMITED';
  if (error.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (error.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return undefined;
}

/**
 * The catalogue error a failure stands for: itself, or what the unique or foreign key the
 * database refused means (a duplicate create that raced the service's own check: 409, never 500).
 */
export function asDomainError(
  error: unknown,
  adapter: DialectAdapter,
  method: string,
): DomainError | undefined {
  return error instanceof DomainError ? error : constraintError(adapter, error, method);
}

/** The one place where failures become `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance, adapter: DialectAdapter): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const error = asDomainError(raw, adapter, request.method) ?? raw;
    if (error instanceof DomainError) {
      if (error.code === 'LOGIN_THROTTLED' || error.code === 'ACCOUNT_LOCKED') {
        const details = error.details as { retryAfterSeconds?: number } | undefined;
        if (details?.retryAfterSeconds) reply.header('retry-after', String(details.retryAfterSeconds));
      }
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details !== undefined && { details: error.details }),
        },
      });
    }
    if (error.validation) {
      const issues = error.validation.map((i) => describeIssue(error.validationContext, i as AjvIssue));
      const message = issues.map((i) => `${i.field} ${i.problem}`).join('; ');
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message, details: issues } });
    }
    const code = fastifyCode(error);
    if (code) {
      const message =
        code === 'MALFORMED_JSON'
          ? `The request body is not valid JSON: ${error.message}`
          : code === 'PAYLOAD_TOO_LARGE'
            ? `The request body is larger than the limit of ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes`
            : code === 'UNSUPPORTED_MEDIA_TYPE'
              ? `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here; send application/json`
              : ERRORS[code].message;
      return reply.status(ERRORS[code].status).send({ error: { code, message } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'VALIDATION_FAILED', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message } });
  });

  // Node answers these two itself with an empty body (a missing Host: app.ts turns its check
  // off; an Expect other than 100-continue: Node defers to a listener when there is one).
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      fail('MALFORMED_REQUEST', 'An HTTP/1.1 request needs a Host header (RFC 9112, section 3.2): add one');
    }
  });
  app.server.on('checkExpectation', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const message = `Expect: ${request.headers.expect} is not supported: send the request without it`;
    const body = JSON.stringify({ error: { code: 'EXPECTATION_FAILED', message } });
    response.writeHead(ERRORS.EXPECTATION_FAILED.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: `No API route ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

/** The catalogue code for an error Node's HTTP parser raises before any route is found. */
function clientErrorCode(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  return 'MALFORMED_REQUEST';
}

/**
 * Fastify's `clientErrorHandler`: what Node's parser refuses (a request line and headers over
 * `maxHeaderSize`, a malformed request, a request too slow to arrive) is answered in the same
 * `{ error: { code, message } }` shape as everything else, then the connection is closed, as
 * Node and Fastify's default do. The URL is not known yet, so Open311 clients get it too.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: NodeJS.ErrnoException,
  socket: Duplex,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCode(error);
  const { status } = ERRORS[code];
  const message =
    code === 'HEADERS_TOO_LARGE'
      ? `The request line and headers exceed ${http.maxHeaderSize} bytes: shorten the query string or send fewer cookies`
      : ERRORS[code].message;
  const body = JSON.stringify({ error: { code, message } });
  this.log.debug({ err: error }, 'client error before routing');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
