import type { Protocol } from '../domain/devices/identifiers.ts';
import { normalizeIdentifier } from '../domain/devices/identifiers.ts';
import type { ServiceContext } from '../services/context.ts';
import { autoRegister, getDeviceSettings } from '../services/devices/index.ts';
import { type Device, findDeviceByIdentifier } from '../store/devices.repository.ts';
import { findUnit } from '../store/units.repository.ts';

/** How long a device lookup is trusted before asking the database again (other processes may change devices). */
const TTL_MS = 30_000;

/**
 * Resolves device identifiers for the gateways, with a short cache so that a frame does not
 * cost a query. Unknown identifiers are refused unless auto-registration is switched on.
 */
export class DeviceDirectory {
  private readonly cache = new Map<string, { device: Device | undefined; at: number }>();

  constructor(private readonly ctx: ServiceContext) {}

  /** The device, or undefined when unknown and auto-registration is off. */
  async resolve(protocol: Protocol, rawIdentifier: string): Promise<Device | undefined> {
    const identifier = normalizeIdentifier(protocol, rawIdentifier);
    const key = `${protocol}:${identifier}`;
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit?.device && now - hit.at < TTL_MS) return hit.device;
    let device = await findDeviceByIdentifier(this.ctx.db, protocol, identifier);
    if (!device && (await getDeviceSettings(this.ctx)).autoRegister) {
      device = await autoRegister(this.ctx, protocol, identifier);
    }
    // Only hits are cached: anyone can send made-up identifiers, and caching misses would let
    // them grow this map without bound.
    if (device) this.cache.set(key, { device, at: now });
    else this.cache.delete(key);
    return device;
  }

  /**
   * The device when the cache already holds a fresh entry for it, without a promise; undefined
   * means "ask `resolve`", not "unknown". For the gateways' per-frame hot path.
   */
  peek(protocol: Protocol, rawIdentifier: string): Device | undefined {
    const identifier = isNormal(rawIdentifier) ? rawIdentifier : normalizeIdentifier(protocol, rawIdentifier);
    const hit = this.cache.get(`${protocol}:${identifier}`);
    return hit?.device && Date.now() - hit.at < TTL_MS ? hit.device : undefined;
  }

  /** Forgets a cached device (after an API change or a new auth code). */
  forget(protocol: string, identifier: string): void {
    this.cache.delete(`${protocol}:${identifier}`);
  }

  /**
   * The unit path that scopes the device's live events. From the units read cache, which a move
   * of a unit in the tree invalidates at once (in other processes within its 5 s expiry), so a
   * position never goes to a unit's old scope for longer than that.
   */
  async unitPathOf(device: Device): Promise<string | null> {
    return (await findUnit(this.ctx.db, device.unitId))?.path ?? null;
  }
}

/**
 * Whether `normalizeIdentifier` would return the identifier unchanged for any protocol: it only
 * trims whitespace and strips leading zeros. Saves its regular expressions on the hot path.
 */
function isNormal(raw: string): boolean {
  if (raw.length === 0) return false;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return first !== 48 && first > 32 && first < 127 && last > 32 && last < 127;
}
