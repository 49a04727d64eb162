// Creates the simulator's devices through the platform's HTTP API, so that the gateway accepts
// them (unknown terminals are refused). Devices that already exist are left as they are. Each
// protocol has its own identifier: a JT/T 808 phone number, a GT06 IMEI (15 digits), an OsmAnd or
// MQTT device id; they are checked here before anything is created.
import { identifierProblem, type Protocol } from '../domain/devices/identifiers.ts';

/** Where the API is and who creates the devices (an admin or an operator). */
export interface ProvisionTarget {
  api: string;
  username: string;
  password: string;
  /** Unit that owns the devices; default: the subdistrict (the root unit). */
  unitId?: string;
}

/** A device to create. */
export interface ProvisionDevice {
  identifier: string;
  name: string;
}

/** How many devices were created and how many were there already. */
export interface ProvisionResult {
  created: number;
  existing: number;
}

async function call(api: string, path: string, init: RequestInit & { token?: string }): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return fetch(new URL(path, api), { ...init, headers });
}

async function errorOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return `${response.status} ${body.error?.code ?? ''}: ${body.error?.message ?? text}`;
  } catch {
    return `${response.status}: ${text.slice(0, 200)}`;
  }
}

/** Logs in and returns a bearer token; throws with the API's message on failure. */
export async function login(target: Pick<ProvisionTarget, 'api' | 'username' | 'password'>): Promise<string> {
  const response = await call(target.api, '/api/session', {
    method: 'POST',
    body: JSON.stringify({ username: target.username, password: target.password }),
  });
  if (!response.ok)
    throw new Error(`login as ${target.username} at ${target.api} failed: ${await errorOf(response)}`);
  return ((await response.json()) as { token: string }).token;
}

async function rootUnit(api: string, token: string): Promise<string> {
  const response = await call(api, '/api/units?kind=subdistrict&geometry=false', { token });
  if (!response.ok) throw new Error(`listing units failed: ${await errorOf(response)}`);
  const root = ((await response.json()) as { items: { id: string }[] }).items[0];
  if (!root) throw new Error('the platform has no subdistrict to own the devices; pass --unit');
  return root.id;
}

/** Creates the devices, a few requests at a time; throws on the first error other than "already exists". */
export async function provisionDevices(
  target: ProvisionTarget,
  protocol: Protocol,
  devices: readonly ProvisionDevice[],
  concurrency = 8,
): Promise<ProvisionResult> {
  for (const device of devices) {
    const problem = identifierProblem(protocol, device.identifier);
    if (problem) throw new Error(`device ${device.identifier} cannot be a ${protocol} device: ${problem}`);
  }
  const token = await login(target);
  const unitId = target.unitId ?? (await rootUnit(target.api, token));
  const result: ProvisionResult = { created: 0, existing: 0 };
  let next = 0;
  const worker = async () => {
    while (next < devices.length) {
      const device = devices[next++] as ProvisionDevice;
      const response = await call(target.api, '/api/devices', {
        method: 'POST',
        token,
        body: JSON.stringify({ name: device.name, protocol, identifier: device.identifier, unitId }),
      });
      if (response.status === 201) result.created++;
      else if (response.status === 409) result.existing++;
      else throw new Error(`creating device ${device.identifier} failed: ${await errorOf(response)}`);
      await response.arrayBuffer().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, devices.length) }, worker));
  return result;
}
