import type { LiveBus } from '../live/bus.ts';
import type { ServiceContext } from '../services/context.ts';
import { isOnline } from '../services/devices/index.ts';
import { listDevices } from '../store/devices.repository.ts';
import { listUnits } from '../store/units.repository.ts';

/**
 * Watches device status: a device is online while heard from within its own timeout. On each
 * tick the devices whose status changed are published to the live feed as `device.status`.
 * Status is derived from `last_seen_at`, so every server process can run this safely.
 */
export class DeviceStatusWatcher {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly bus: LiveBus,
  ) {}

  /** One pass; returns the changes it published. */
  async tick(): Promise<{ deviceId: string; status: 'online' | 'offline' }[]> {
    const now = this.ctx.now();
    const devices = await listDevices(this.ctx.db, { scopePath: null });
    const paths = new Map((await listUnits(this.ctx.db, { scopePath: null })).map((u) => [u.id, u.path]));
    const changes: { deviceId: string; status: 'online' | 'offline' }[] = [];
    for (const d of devices) {
      const online = isOnline(d, now);
      const before = this.known.get(d.id);
      this.known.set(d.id, online);
      if (before === undefined || before === online) continue;
      const status = online ? 'online' : 'offline';
      changes.push({ deviceId: d.id, status });
      this.bus.publish({
        type: 'device.status',
        unitPath: paths.get(d.unitId) ?? null,
        data: {
          deviceId: d.id,
          name: d.name,
          status,
          lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null,
        },
      });
    }
    return changes;
  }
}
