// JSON positions over MQTT, as the MQTT ingest documents them: one QoS-1 PUBLISH per batch of fixes
// to `<prefix>/devices/<identifier>/positions`. The PUBACK a publisher gets comes from the broker:
// it means the broker holds the message (and, with the server's persistent session, will deliver
// it); the server acknowledges its own delivery to the broker only after the commit.
import { connect, type MqttClient } from 'mqtt';
import type { SimFix } from './model/fix.ts';
import type { SimLog, Uplink } from './uplink.ts';

/** Where the broker is and who this terminal is. */
export interface MqttUplinkOptions {
  url: string;
  identifier: string;
  topicPrefix?: string;
  timeoutMs: number;
  log: SimLog;
}

/** The JSON body for some fixes (the ingest's schema: ISO time, km/h, degrees, metres). */
export function mqttPayload(fixes: readonly SimFix[], blind: boolean): string {
  return JSON.stringify(
    fixes.map((f) => ({
      time: new Date(f.time).toISOString(),
      lat: f.lat,
      lon: f.lon,
      speed: f.speedKmh ?? 0,
      course: f.course ?? 0,
      altitude: f.altitude ?? 0,
      valid: f.status?.fixed ?? true,
      attributes: {
        ...(f.satellites === undefined ? {} : { satellites: f.satellites }),
        ...(blind ? { blind: true } : {}),
      },
    })),
  );
}

/** The MQTT uplink of one terminal: one client connection, QoS 1, resolved on the broker's PUBACK. */
export function mqttUplink(opts: MqttUplinkOptions): Uplink {
  let client: MqttClient | undefined;
  const topic = `${opts.topicPrefix ?? 'zhongshu'}/devices/${opts.identifier}/positions`;
  return {
    ready: () => client?.connected === true,
    connect() {
      if (client) return;
      client = connect(opts.url, {
        clientId: `zs-sim-${opts.identifier}`,
        protocolVersion: 5,
        reconnectPeriod: 5000,
        connectTimeout: opts.timeoutMs,
      });
      client.on('error', (error) => opts.log.warn(`device ${opts.identifier}: ${error.message}`));
    },
    send(fixes, blind) {
      const c = client;
      if (!c?.connected) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), opts.timeoutMs);
        c.publish(topic, mqttPayload(fixes, blind), { qos: 1 }, (error, packet) => {
          clearTimeout(timer);
          // MQTT 5 PUBACK reason codes of 0x80 and above refuse the message (e.g. unknown device).
          const code = (packet as { reasonCode?: number } | undefined)?.reasonCode ?? 0;
          resolve(!error && code < 0x80);
        });
      });
    },
    close() {
      client?.end(true);
      client = undefined;
    },
  };
}
