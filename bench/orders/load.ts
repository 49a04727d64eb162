// The load generator, run in its own process so that it does not share the server's event loop.
// Modes (argv[2] is a JSON object):
//   throughput: autocannon GETs of `url` with `connections` for `seconds` → { requestsPerSecond }
//   orders:     autocannon chains POST /api/orders → register → dispatch per connection → { ordersPerSecond, requestsPerSecond (2xx), ok, errors }
//   latency:    one keep-alive connection, GET `url` back to back for `seconds` → { p50, p95, p99, n } in ms
// autocannon's latency histogram has whole-millisecond buckets, too coarse for a sub-millisecond
// hello-world, hence the plain client for latency.
import http from 'node:http';
import autocannon from 'autocannon';

interface Job {
  mode: 'throughput' | 'orders' | 'latency';
  url: string;
  seconds: number;
  connections?: number;
  headers?: Record<string, string>;
  /** orders mode: what to report and where to dispatch it. */
  reports?: { categoryId: string; lat: number; lon: number; unitId: string }[];
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const print = (result: object) => process.stdout.write(`${JSON.stringify(result)}\n`);

async function throughput(): Promise<void> {
  const result = await autocannon({
    url: job.url,
    connections: job.connections ?? 50,
    duration: job.seconds,
    headers: job.headers,
  });
  print({ requestsPerSecond: result['2xx'] / (result.duration || job.seconds), non2xx: result.non2xx });
}

async function orders(): Promise<void> {
  const reports = job.reports ?? [];
  let next = 0;
  let dispatched = 0;
  // autocannon hands each connection's chain one context object; what we keep about it lives here.
  const chains = new WeakMap<object, { id?: string; unitId?: string }>();
  const chain = (context: object) => chains.get(context) ?? chains.set(context, {}).get(context) ?? {};
  const json = { ...job.headers, 'content-type': 'application/json' };
  // A failed report leaves no id: its register and dispatch then hit a 404 and count as errors.
  const actionOn = (action: string, req: autocannon.Request, context: object, body: object = {}) => ({
    ...req,
    path: `/api/orders/${chain(context).id ?? 'none'}/actions/${action}`,
    body: JSON.stringify(body),
  });
  const result = await autocannon({
    url: job.url,
    connections: job.connections ?? 50,
    duration: job.seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/orders',
        headers: json,
        setupRequest: (req, context) => {
          const r = reports[next++ % reports.length];
          const c = chain(context);
          c.id = undefined;
          c.unitId = r?.unitId;
          const body = {
            categoryId: r?.categoryId,
            lat: r?.lat,
            lon: r?.lon,
            description: 'bench: 暴露垃圾',
          };
          return { ...req, body: JSON.stringify(body) };
        },
        onResponse: (status, body, context) => {
          if (status === 201) chain(context).id = (JSON.parse(body) as { order: { id: string } }).order.id;
        },
      },
      { method: 'POST', headers: json, setupRequest: (req, context) => actionOn('register', req, context) },
      {
        method: 'POST',
        headers: json,
        setupRequest: (req, context) => actionOn('dispatch', req, context, { unitId: chain(context).unitId }),
        onResponse: (status) => {
          if (status === 200) dispatched++;
        },
      },
    ],
  });
  const seconds = result.duration || job.seconds;
  print({
    ordersPerSecond: dispatched / seconds,
    requestsPerSecond: result['2xx'] / seconds,
    requests: result['2xx'] + result.non2xx,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
  });
}

async function latency(): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.get(job.url, { agent, headers: job.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${job.url} answered ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - t0) / 1e6);
        });
      });
      req.on('error', reject);
    });
  for (let i = 0; i < 50; i++) await get();
  const times: number[] = [];
  const end = performance.now() + job.seconds * 1000;
  while (performance.now() < end) times.push(await get());
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  agent.destroy();
  print({ p50: at(0.5), p95: at(0.95), p99: at(0.99), n: times.length });
}

await { throughput, orders, latency }[job.mode]();
