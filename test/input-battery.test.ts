import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { it } from 'node:test';
import { loginAs, PASSWORD, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import {
  BAD_BODY_VALUES,
  BAD_URL_VALUES,
  BAD_WHOLE_BODIES,
  fieldsOf,
  jsonText,
  type Operation,
  operationsOf,
  type Schema,
  sampleValid,
  withValue,
} from './helpers/openapi-walk.ts';
import { IN_A1_GRID1, useOrderWorld } from './helpers/orders.ts';

// Every route, parameter and body field of the OpenAPI document, sent malformed values: the
// answer is never a 5xx, a client error always reads { error: { code, message } } (Open311 its
// own format) and the server logs no unhandled error.

/** An answer as the battery judges it. */
interface Answer {
  statusCode: number;
  body: string;
}

/** What is wrong with an answer, or undefined. */
function problemWith(res: Answer, open311: boolean): string | undefined {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  if (res.statusCode < 400) return undefined;
  if (open311) {
    return res.body.includes('description')
      ? undefined
      : `answered ${res.statusCode} outside Open311's format`;
  }
  try {
    const { error } = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 0)
      return undefined;
  } catch {
    // Not JSON: reported below.
  }
  return `answered ${res.statusCode} without { error: { code, message } }`;
}

/** Sends raw bytes to the server and reads the whole answer until the server closes or goes quiet. */
function rawExchange(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const finish = () => {
      clearTimeout(quiet);
      socket.destroy();
      const [head = '', ...rest] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1] ?? 0), body: rest.join('\r\n\r\n') });
    };
    let quiet = setTimeout(finish, 1500);
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      clearTimeout(quiet);
      quiet = setTimeout(finish, 200);
    });
    // A server that answers before reading everything may reset the connection: what came is enough.
    socket.on('error', () => {});
    socket.on('close', finish);
    socket.write(request);
  });
}

const RACERS = 4;

/** What the audit hook logs when it cannot write a request's record. */
const AUDIT_NOT_WRITTEN = 'audit record not written';

forEachDialect('input battery', (kind) => {
  // Thousands of requests from one address within a minute; bodies limited as in production's order of size.
  const t = useTestApp(
    kind,
    { maxBodyBytes: 64 * 1024, rateLimitPerMinute: 1_000_000 },
    { logLevel: 'warn' },
  );
  const world = useOrderWorld(t);
  let counter = 0;
  const unique = () => ++counter;

  /** Records to point ids at, created through the API as an admin would. */
  const records = {} as Record<
    'unit' | 'user' | 'device' | 'asset' | 'category' | 'order' | 'order2' | 'key' | 'metric' | 'task',
    string
  >;
  let admin: Record<string, string>;

  async function post(url: string, payload: object): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url, headers: admin, payload });
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
    const created = res.json() as { id?: string; order?: { id: string } };
    return created.id ?? created.order?.id ?? '';
  }

  /** Valid values by field name: real records, a place inside a grid, strings the patterns accept. */
  function hint(name: string, schema: Schema): unknown {
    const n = unique();
    switch (name) {
      case 'unitId':
      case 'toUnitId':
      case 'defaultUnitId':
      case 'parentId':
      case 'ownerUnitId':
        return t.org.a1.id;
      case 'userId':
      case 'responsibleUserId':
      case 'ownerUserId':
        return records.user;
      case 'assetId':
        return records.asset;
      case 'deviceId':
        return records.device;
      case 'categoryId':
        return records.category;
      case 'intoOrderId':
        return records.order2;
      case 'segmentId':
        return null;
      case 'lat':
        return IN_A1_GRID1.lat;
      case 'lon':
        return IN_A1_GRID1.lon;
      case 'year':
        return 2027;
      case 'username':
        return `battery${n}`;
      case 'password':
        return PASSWORD;
      case 'identifier':
        return String(860_000_000_000_000 + n);
      case 'code':
        return schema.pattern === '^[0-9A-Za-z-]+$' ? `BAT-${n}` : `bat_${n}`;
      case 'majorCode':
        return '99';
      case 'majorName':
        return 'battery';
      case 'kind':
        return schema.anyOf?.some((b) => b.enum?.includes('grid')) ? 'grid' : undefined;
      case 'photos':
        return [];
      default:
        return undefined;
    }
  }

  /** A concrete path for an operation: real ids where the resource has one, so bodies reach the services. */
  function pathFor(op: Operation, override?: { name: string; value: string }): string {
    const resource = op.path.split('/')[2] ?? '';
    const real: Record<string, string | undefined> = {
      units: records.unit,
      users: records.user,
      devices: records.device,
      assets: records.asset,
      categories: records.category,
      orders: records.order,
      open311: records.key,
      metrics: records.metric,
      tasks: records.task,
    };
    return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (override?.name === name) return override.value;
      if (name === 'year') return '2027';
      if (name === 'period') return '2026-02';
      if (name === 'action') return 'register';
      if (name === 'file') return 'no-such-file.json';
      // A DELETE never gets a real record: the records must survive for the routes after it.
      return op.method === 'DELETE' ? 'no-such-id' : encodeURIComponent(real[resource] ?? 'no-such-id');
    });
  }

  it('sets up records for the walk to point at', async () => {
    admin = await loginAs(t.app, 'admin');
    const category = world.categories.values().next().value;
    assert.ok(category, 'no category seeded');
    records.category = category;
    records.unit = await post('/api/units', {
      kind: 'grid',
      parentId: t.org.a1.id,
      code: 'BAT-GRID',
      name: 'g',
    });
    records.user = await post('/api/users', {
      username: 'battery',
      password: PASSWORD,
      displayName: 'battery',
      role: 'gridWorker',
      unitId: t.org.a1.id,
    });
    records.asset = await post('/api/assets', {
      kind: 'boat',
      code: 'BAT-BOAT',
      name: 'b',
      unitId: t.org.a1.id,
    });
    records.device = await post('/api/devices', {
      name: 'd',
      protocol: 'osmand',
      identifier: 'battery-1',
      assetId: records.asset,
    });
    records.order = await post('/api/orders', { categoryId: category, ...IN_A1_GRID1, description: 'one' });
    records.order2 = await post('/api/orders', { categoryId: category, ...IN_A1_GRID1, description: 'two' });
    records.key = await post('/api/open311/keys', { name: 'battery' });
    records.metric = await post('/api/metrics', {
      code: 'BAT-M',
      name: 'battery',
      unitOfMeasure: '个',
      ownerUnitId: t.org.a1.id,
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'months',
    });
    records.task = await post('/api/tasks', {
      title: 'battery',
      ownerUnitId: t.org.a1.id,
      ownerUserId: t.org.users.commA1?.id,
      deadline: '2026-12-31T09:30:00Z',
    });
  });

  it('answers every malformed path, query and body field with a 4xx in the error shape, never a 5xx', async () => {
    const doc = await t.app.inject({ url: '/api/docs/json' });
    assert.equal(doc.statusCode, 200);
    const ops = operationsOf(doc.json())
      // Logging out would end the walk's own session.
      .filter((op) => !(op.method === 'DELETE' && op.path === '/api/session'))
      // Deletes last: the records the other routes point at survive until then.
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    assert.ok(ops.length >= 60, `only ${ops.length} operations in the document`);

    const failures: string[] = [];
    let requests = 0;
    const started = Date.now();
    async function send(op: Operation, url: string, payload?: string) {
      const res = await t.app.inject({
        method: op.method as 'GET',
        url,
        headers: { ...admin, ...(payload !== undefined && { 'content-type': 'application/json' }) },
        payload,
      });
      requests++;
      const problem = problemWith(res, op.path.startsWith('/open311/'));
      if (problem) {
        failures.push(
          `${op.method} ${url.slice(0, 100)} ${(payload ?? '').slice(0, 100)} ${problem}: ${res.body.slice(0, 200)}`,
        );
      }
      return res;
    }

    for (const op of ops) {
      const baseBody = op.body ? sampleValid(op.body, '', hint, unique) : undefined;
      const query = (extra: Record<string, string>) => {
        const required = Object.fromEntries(
          op.queryParams
            .filter((p) => p.required)
            .map((p) => [p.name, encodeURIComponent(String(sampleValid(p.schema, p.name, hint, unique)))]),
        );
        const pairs = Object.entries({ ...required, ...extra }).map(([k, v]) => `${k}=${v}`);
        return pairs.length > 0 ? `?${pairs.join('&')}` : '';
      };
      const baseText = baseBody === undefined ? undefined : jsonText(baseBody);

      // The valid request itself, then each path parameter, query parameter and body field malformed.
      await send(op, `${pathFor(op)}${query({})}`, baseText);
      for (const param of op.pathParams) {
        for (const [, value] of BAD_URL_VALUES) {
          await send(op, `${pathFor(op, { name: param.name, value })}${query({})}`, baseText);
        }
      }
      for (const param of op.queryParams) {
        for (const [, value] of BAD_URL_VALUES) {
          await send(op, `${pathFor(op)}${query({ [param.name]: value })}`, baseText);
        }
        // Repeated: the parser makes an array of it.
        await send(op, `${pathFor(op)}${query({ [param.name]: `1&${param.name}=2` })}`, baseText);
      }
      if (op.method === 'GET' || op.method === 'DELETE') continue;
      // Every value of an enumerated path parameter (each work-order action) gets the body walk.
      const enumerated = op.pathParams.find((p) => p.schema.anyOf?.every((b) => b.enum));
      const variants = enumerated?.schema.anyOf?.map((b) => ({
        name: enumerated.name,
        value: String(b.enum?.[0]),
      }));
      for (const variant of variants ?? [undefined]) {
        for (const field of fieldsOf(op.body)) {
          for (const [, value] of BAD_BODY_VALUES) {
            await send(op, pathFor(op, variant), jsonText(withValue(baseBody, field.path, value)));
          }
        }
      }
      for (const [, text] of BAD_WHOLE_BODIES) await send(op, pathFor(op), text);
    }

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `# input battery [${kind}]: ${ops.length} operations, ${requests} requests in ${seconds.toFixed(1)} s`,
    );
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} failures`);
    assert.ok(requests > 3000, `only ${requests} requests`);
  });

  it('detaches a reference with null where it may be absent, refuses null where it may not, and "" everywhere', async () => {
    const cases: {
      url: string;
      body: object;
      status: number;
      field?: string;
      check?: (view: never) => unknown;
    }[] = [
      { url: `/api/devices/${records.device}`, body: { assetId: null }, status: 200 },
      { url: `/api/devices/${records.device}`, body: { assetId: '' }, status: 400, field: 'body.assetId' },
      { url: `/api/devices/${records.device}`, body: { unitId: null }, status: 400, field: 'body.unitId' },
      { url: `/api/devices/${records.device}`, body: { unitId: '' }, status: 400, field: 'body.unitId' },
      { url: `/api/assets/${records.asset}`, body: { segmentId: null }, status: 200 },
      { url: `/api/assets/${records.asset}`, body: { segmentId: '' }, status: 400, field: 'body.segmentId' },
      { url: `/api/assets/${records.asset}`, body: { unitId: null }, status: 400, field: 'body.unitId' },
      { url: `/api/users/${records.user}`, body: { unitId: null }, status: 400, field: 'body.unitId' },
      { url: `/api/users/${records.user}`, body: { unitId: '' }, status: 400, field: 'body.unitId' },
      // A JSON body is not coerced: null was false here, and deactivated the user.
      { url: `/api/users/${records.user}`, body: { active: null }, status: 400, field: 'body.active' },
      { url: `/api/users/${records.user}`, body: { phone: null }, status: 200 },
      { url: `/api/units/${records.unit}`, body: { parentId: null }, status: 400, field: 'body.parentId' },
      { url: `/api/units/${records.unit}`, body: { parentId: '' }, status: 400, field: 'body.parentId' },
      { url: `/api/categories/${records.category}`, body: { defaultUnitId: null }, status: 200 },
      {
        url: `/api/categories/${records.category}`,
        body: { defaultUnitId: '' },
        status: 400,
        field: 'body.defaultUnitId',
      },
      {
        url: `/api/categories/${records.category}`,
        body: { duplicateRadiusM: null },
        status: 400,
        field: 'body.duplicateRadiusM',
      },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'PATCH', url: c.url, headers: admin, payload: c.body });
      const where = `PATCH ${c.url.split('/')[2]} ${JSON.stringify(c.body)}`;
      assert.equal(res.statusCode, c.status, `${where}: ${res.body}`);
      if (c.field) {
        assert.equal(res.json().error.code, 'VALIDATION_FAILED', where);
        assert.match(res.json().error.message, new RegExp(`^${c.field.replace('.', '\\.')}\\b`), where);
      } else {
        const [field] = Object.keys(c.body) as [string];
        assert.equal(res.json()[field], null, where);
      }
    }
    const user = await t.app.inject({ url: `/api/users/${records.user}`, headers: admin });
    assert.equal(user.json().active, true);
  });

  it('gives one 201 and three times the sequential 409 to four identical creates sent at once', async () => {
    const creates: { url: string; code: string; body: () => object }[] = [
      {
        url: '/api/users',
        code: 'USERNAME_TAKEN',
        body: () => ({
          username: `racer${counter}`,
          password: PASSWORD,
          displayName: 'r',
          role: 'operator',
          unitId: t.org.a1.id,
        }),
      },
      {
        url: '/api/units',
        code: 'UNIT_CODE_TAKEN',
        body: () => ({ kind: 'grid', parentId: t.org.a1.id, code: `RACE-${counter}`, name: 'r' }),
      },
      {
        url: '/api/categories',
        code: 'CATEGORY_CODE_TAKEN',
        body: () => ({
          type: 'event',
          majorCode: '98',
          majorName: 'race',
          minorCode: String(counter % 100).padStart(2, '0'),
          minorName: 'r',
          timeLimit: { amount: 2, unit: 'hours' },
        }),
      },
      {
        url: '/api/assets',
        code: 'ASSET_CODE_TAKEN',
        body: () => ({ kind: 'boat', code: `RACE-${counter}`, name: 'r', unitId: t.org.a1.id }),
      },
      {
        url: '/api/devices',
        code: 'DEVICE_IDENTIFIER_TAKEN',
        body: () => ({ name: 'r', protocol: 'osmand', identifier: `race-${counter}`, unitId: t.org.a1.id }),
      },
    ];
    for (const create of creates) {
      for (let round = 0; round < 3; round++) {
        unique();
        const payload = create.body();
        const answers = await Promise.all(
          Array.from({ length: RACERS }, () =>
            t.app.inject({ method: 'POST', url: create.url, headers: admin, payload }),
          ),
        );
        const statuses = answers.map((a) => a.statusCode).sort();
        assert.deepEqual(
          statuses,
          [201, 409, 409, 409],
          `${create.url}: ${answers.map((a) => a.body).join(' | ')}`,
        );
        for (const refused of answers.filter((a) => a.statusCode === 409)) {
          assert.equal(refused.json().error.code, create.code, create.url);
        }
      }
    }
  });

  it('answers a reference deleted while it is being used with a 404 or 409, never a 5xx', async () => {
    for (let round = 0; round < 3; round++) {
      const unit = await post('/api/units', {
        kind: 'grid',
        parentId: t.org.a1.id,
        code: `GONE-${unique()}`,
        name: 'g',
      });
      const asset = await post('/api/assets', {
        kind: 'boat',
        code: `GONE-${unique()}`,
        name: 'g',
        unitId: t.org.a1.id,
      });
      const answers = await Promise.all([
        t.app.inject({ method: 'DELETE', url: `/api/units/${unit}`, headers: admin }),
        t.app.inject({
          method: 'POST',
          url: '/api/users',
          headers: admin,
          payload: {
            username: `gone${unique()}`,
            password: PASSWORD,
            displayName: 'g',
            role: 'operator',
            unitId: unit,
          },
        }),
        t.app.inject({ method: 'DELETE', url: `/api/assets/${asset}`, headers: admin }),
        t.app.inject({
          method: 'POST',
          url: '/api/devices',
          headers: admin,
          payload: { name: 'g', protocol: 'osmand', identifier: `gone-${unique()}`, assetId: asset },
        }),
      ]);
      for (const answer of answers) {
        assert.ok([201, 204, 404, 409].includes(answer.statusCode), `${answer.statusCode} ${answer.body}`);
        if (answer.statusCode >= 400) assert.match(answer.json().error.code, /NOT_FOUND|IN_USE|REFERENCED/);
      }
    }
  });

  it('answers what is refused before routing in the error shape too (raw sockets: the parser, not inject)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const auth = `Authorization: ${admin.authorization}\r\n`;
    const cases: { name: string; request: string; status: number; code: string }[] = [
      {
        name: '100,000-character query',
        request: `GET /api/units?q=${'x'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
        status: 431,
        code: 'HEADERS_TOO_LARGE',
      },
      {
        name: '100,000-character cookie',
        request: `GET /api/units HTTP/1.1\r\nHost: x\r\nCookie: a=${'x'.repeat(100_000)}\r\n\r\n`,
        status: 431,
        code: 'HEADERS_TOO_LARGE',
      },
      { name: 'garbage request line', request: 'GARBAGE\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
      {
        name: 'space in a header name',
        request: 'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
        status: 400,
        code: 'MALFORMED_REQUEST',
      },
      {
        name: 'no Host',
        request: 'GET /api/health HTTP/1.1\r\n\r\n',
        status: 400,
        code: 'MALFORMED_REQUEST',
      },
      {
        name: 'unknown expectation',
        request: 'GET /api/health HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n',
        status: 417,
        code: 'EXPECTATION_FAILED',
      },
      {
        name: 'overlong path parameter',
        request: `GET /api/units/${'x'.repeat(2000)} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
        status: 414,
        code: 'URL_TOO_LONG',
      },
      {
        name: 'malformed percent-escape',
        request: `GET /api/units/%E0%A4%A HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
        status: 400,
        code: 'BAD_URL',
      },
      {
        name: 'body over the limit',
        request: `POST /api/units HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"name":"${'x'.repeat(99_990)}"}`,
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'XML body',
        request: `POST /api/units HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/xml\r\nContent-Length: 4\r\n\r\n<a/>`,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'malformed JSON',
        request: `POST /api/units HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 6\r\n\r\n{"a": `,
        status: 400,
        code: 'MALFORMED_JSON',
      },
      {
        name: 'unknown route',
        request: `GET /api/no-such-thing HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
        status: 404,
        code: 'ROUTE_NOT_FOUND',
      },
    ];
    for (const c of cases) {
      const res = await rawExchange(port, c.request);
      assert.equal(res.status, c.status, `${c.name}: ${res.status} ${res.body.slice(0, 200)}`);
      const body = JSON.parse(res.body) as { error: { code: string; message: string } };
      assert.equal(body.error.code, c.code, c.name);
      assert.ok(body.error.message.length > 0, c.name);
    }
  });

  it('logged no unhandled error meanwhile', () => {
    const errors = t.logs.filter((line) => line.level >= 50 && line.msg !== AUDIT_NOT_WRITTEN);
    assert.deepEqual(
      errors.slice(0, 10).map((line) => `${line.msg} ${line.err?.message ?? ''}`),
      [],
      `${errors.length} error lines logged`,
    );
  });

  it('wrote the audit record of every refused request', () => {
    const unwritten = t.logs.filter((line) => line.msg === AUDIT_NOT_WRITTEN);
    assert.equal(
      unwritten.length,
      0,
      `${unwritten.length} audit records not written: ${unwritten[0]?.err?.message}`,
    );
  });
});
