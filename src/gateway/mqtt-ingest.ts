import { connect } from 'mqtt';
import { identifierProblem } from '../domain/devices/identifiers.ts';
import type { Fix } from '../domain/positions/fix.ts';
import { attributesProblem } from '../ingest/storable.ts';
import { deviceOfTopic, parsePositions, positionsTopic } from '../protocols/mqtt/index.ts';
import type { Device } from '../store/devices.repository.ts';
import type { GatewayContext } from './context.ts';

const PROTOCOL = 'mqtt';
/** PUBACK reason codes (MQTT 5.0 §3.4.2.1). */
const SUCCESS = 0x00;
const NOT_AUTHORIZED = 0x87;
const PAYLOAD_FORMAT_INVALID = 0x99;
/** A week: a server away longer than that is an incident; the broker should not queue for it forever. */
const DEFAULT_SESSION_EXPIRY_S = 7 * 86_400;
const MAX_RETRY_DELAY_MS = 30_000;

/** Where and as whom the MQTT ingest connects. */
export interface MqttIngestOptions {
  /** Broker URL, e.g. mqtt://user:password@127.0.0.1:1883. */
  url: string;
  /** Stable per server process, so the broker keeps this process's session while it is down. */
  clientId: string;
  /** Topics are `<prefix>/devices/<identifier>/positions`; default `zhongshu`. */
  topicPrefix?: string;
  /** How long the broker keeps the session (and queues messages) after a disconnect. */
  sessionExpirySeconds?: number;
}

/** The running MQTT ingest. */
export interface MqttIngest {
  /** Resolves once the first subscription is granted. */
  ready: Promise<void>;
  /** Finishes the message in hand, then disconnects; unacknowledged messages stay with the broker. */
  close(): Promise<void>;
}

/**
 * Subscribes to every device's positions with QoS 1 on a persistent session (MQTT 5 clean
 * start off, with a session expiry), so messages published while the server is down are
 * delivered when it is back. A message is acknowledged (PUBACK) only after its positions are
 * committed: MQTT.js's `customHandleAcks` holds the PUBACK until we call `done`, and it only
 * works with protocol version 5 (for 3.1.1 it is silently replaced by an immediate ack). MQTT.js
 * handles one incoming message at a time until it is acknowledged, so a device should batch
 * positions into arrays when it reports fast.
 */
export function startMqttIngest(g: GatewayContext, opts: MqttIngestOptions): MqttIngest {
  const prefix = opts.topicPrefix ?? 'zhongshu';
  const topic = positionsTopic(prefix);
  let closing = false;
  let chain: Promise<unknown> = Promise.resolve();
  let wake: (() => void) | undefined;
  let quietErrors = false;

  const refuse = (reason: string, topicName: string, detail: string, payload: Buffer) => {
    g.metrics.rejectedFrames.inc({ protocol: PROTOCOL, reason });
    g.log.warn(
      { protocol: PROTOCOL, topic: topicName, reason, detail, payload: payload.toString('utf8', 0, 512) },
      'MQTT position refused',
    );
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // Storage failures are outages (the input is checked first), so the message is kept and
  // retried here, unacknowledged; at shutdown it stays with the broker, which sends it again.
  // Resolves to the fixes no column could hold (not stored), or false when closing first.
  async function commit(device: Device, fixes: Fix[]): Promise<number | false> {
    for (let attempt = 0; !closing; attempt++) {
      try {
        return (await g.ingest.ingest(device, fixes, { protocol: PROTOCOL })).unstorable;
      } catch (error) {
        g.log.error(
          { err: error, protocol: PROTOCOL, device: device.id, attempt },
          'MQTT positions not stored',
        );
        await pause(Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** attempt));
      }
    }
    return false;
  }

  /** Handles one message; resolves to the PUBACK reason code, or false when it must stay unacknowledged. */
  async function handle(topicName: string, payload: Buffer): Promise<number | false> {
    // Refusals are acknowledged with a failure reason code: unacknowledged, the broker would
    // send the same bad message again at every reconnect, forever.
    const parsed = parsePositions(payload);
    if (!parsed.ok) {
      refuse(parsed.error.reason, topicName, parsed.error.message, payload);
      return PAYLOAD_FORMAT_INVALID;
    }
    const id = deviceOfTopic(topicName, prefix);
    const device =
      id === undefined || identifierProblem(PROTOCOL, id) ? undefined : await g.devices.resolve(PROTOCOL, id);
    if (!device) {
      g.metrics.unknownDevices.inc({ protocol: PROTOCOL });
      // Info, not warn: an unregistered device reports every few seconds; the topic names it for registering.
      g.log.info({ protocol: PROTOCOL, topic: topicName }, 'MQTT positions from an unknown device refused');
      return NOT_AUTHORIZED;
    }
    for (const p of parsed.problems)
      refuse('invalid', topicName, `element ${p.index}: ${p.message}`, payload);
    const fixes = parsed.fixes.filter((fix, index) => {
      const problem = attributesProblem(fix.attributes);
      if (problem) refuse('invalid', topicName, `element ${index}: ${problem}`, payload);
      return problem === undefined;
    });
    if (fixes.length === 0) return PAYLOAD_FORMAT_INVALID;
    const unstorable = await commit(device, fixes);
    if (unstorable === false) return false;
    if (unstorable === 0) return SUCCESS;
    // Counted by the pipeline (zs_ingest_fixes_unstorable_total); the message is not acknowledged
    // as stored: resending it cannot help, so a failure reason code, like other refusals.
    g.log.warn(
      { protocol: PROTOCOL, topic: topicName, unstorable, payload: payload.toString('utf8', 0, 512) },
      'MQTT positions not stored: a time or coordinate no column can hold',
    );
    return PAYLOAD_FORMAT_INVALID;
  }

  const client = connect(opts.url, {
    clientId: opts.clientId,
    protocolVersion: 5,
    clean: false,
    reconnectPeriod: 5000,
    resubscribe: false,
    properties: {
      sessionExpiryInterval: opts.sessionExpirySeconds ?? DEFAULT_SESSION_EXPIRY_S,
      // Larger messages are not sent to us at all (MQTT 5.0 §3.1.2.11.4): bounded memory per message.
      maximumPacketSize: 256 * 1024,
    },
    // QoS 1 and 2: `done` sends the PUBACK (PUBREC), so it is called only after the commit.
    customHandleAcks: (topicName, payload, _packet, done) => {
      const handled = chain.then(() => handle(topicName, payload));
      chain = handled.then(
        (code) => (code === false ? done(new Error('positions not stored before shutdown')) : done(code)),
        (error: Error) => done(error),
      );
    },
  });
  // QoS 0 messages have no acknowledgement; they are still handled in arrival order.
  client.on('message', (topicName, payload, packet) => {
    if (packet.qos !== 0) return;
    chain = chain.then(() => handle(topicName, payload)).catch(() => undefined);
  });

  const ready = new Promise<void>((resolve) => {
    client.on('connect', (connack) => {
      quietErrors = false;
      // Retained messages only for a new subscription (rh 1): a resumed session has had them.
      client.subscribe(topic, { qos: 1, rh: 1 }, (error, granted) => {
        const refused =
          error ?? ((granted?.[0]?.qos ?? 0x80) >= 0x80 ? new Error('subscription refused') : null);
        if (refused)
          return g.log.error({ err: refused, protocol: PROTOCOL, topic }, 'MQTT subscription failed');
        g.log.info(
          { protocol: PROTOCOL, topic, sessionPresent: connack.sessionPresent },
          'MQTT ingest subscribed',
        );
        resolve();
      });
    });
  });
  // Connection errors repeat at every reconnect attempt: warn once per outage.
  client.on('error', (error) => {
    if (closing) return;
    g.log[quietErrors ? 'debug' : 'warn'](
      { err: error, protocol: PROTOCOL, url: redacted(opts.url) },
      'MQTT broker error',
    );
    quietErrors = true;
  });

  return {
    ready,
    async close() {
      closing = true;
      wake?.();
      await chain.catch(() => undefined);
      await client.endAsync();
    },
  };
}

/** The broker URL without its password, for logs. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
