import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Runtime configuration, read once from the environment and validated at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset means the embedded SQLite database `<dataDir>/zhongshu.db`. */
  databaseUrl: string | undefined;
  /**
   * Start on a PostgreSQL with `fsync` or `synchronous_commit` off (ZS_ALLOW_UNSAFE_DURABILITY=1):
   * its commits may then not be on disk, so what the platform acknowledges may be lost in a crash.
   */
  allowUnsafeDurability: boolean;
  /**
   * How live events reach the consoles of other server processes: `postgres` (LISTEN/NOTIFY on the
   * shared database; the default with DATABASE_URL) or `off` (each process's consoles see its own events).
   */
  liveChannel: LiveChannelKind;
  demo: boolean;
  adminPassword: string | undefined;
  logLevel: string;
  sessionTtlHours: number;
  /** Failed logins after which further attempts wait (back-off), and after which the account locks. */
  loginBackoffAfter: number;
  loginLockAfter: number;
  loginLockMinutes: number;
  rateLimitPerMinute: number;
  /**
   * Which peers may set X-Forwarded-For (Fastify's trustProxy): false (default) uses the socket
   * address; true trusts any peer; a list trusts only those proxy addresses or CIDR ranges.
   */
  trustProxy: boolean | string[];
  maxBodyBytes: number;
  /** Largest accepted photo upload, in bytes. */
  maxPhotoBytes: number;
  corsOrigins: string[];
  jt808Port: number;
  gt06Port: number;
  osmandPort: number;
  mqttUrl: string | undefined;
  /** MQTT client id: stable per server process, so the broker keeps its session while it is down. */
  mqttClientId: string;
  /** Seconds of silence after which a device connection is closed (half-open sockets). */
  deviceIdleSeconds: number;
  /** Per-connection frame rate limit (burst: ten times that). */
  deviceFramesPerSecond: number;
}

export class ConfigError extends Error {}

export type LiveChannelKind = 'postgres' | 'off';
const LIVE_CHANNELS: readonly LiveChannelKind[] = ['postgres', 'off'];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name}="${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name}=${value} must be between ${min} and ${max}`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}="${raw}" must be 1 or 0`);
}

function url(env: NodeJS.ProcessEnv, name: string, schemes: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected e.g. ${schemes[0]}//host:port/...)`);
  }
  if (!schemes.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${schemes.join(' or ')} (got ${parsed.protocol})`);
  }
  return raw;
}

function clientId(raw: string): string {
  if (!/^[\x21-\x7e]{1,128}$/.test(raw)) {
    throw new ConfigError(
      `ZS_MQTT_CLIENT_ID="${raw}" must be 1–128 printable ASCII characters without spaces`,
    );
  }
  return raw;
}

/** Names proxy-addr (behind Fastify's trustProxy) accepts for whole ranges. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Off unless asked: trusting every peer would let any client forge X-Forwarded-For and with it
 * the address that rate limits and the audit log see.
 */
function trustProxy(env: NodeJS.ProcessEnv): boolean | string[] {
  const raw = (env.ZS_TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  const entries = raw.split(',').map((s) => s.trim());
  const bad = entries.find((e) => !isProxyEntry(e));
  if (bad !== undefined) {
    throw new ConfigError(
      `ZS_TRUST_PROXY="${raw}" must be 0, 1 or a comma-separated list of proxy addresses or CIDR ranges (bad entry "${bad}")`,
    );
  }
  return entries;
}

/**
 * Off unless asked for: forwarding every stored position through NOTIFY about doubles the
 * ingest's CPU per position, which one process (the usual deployment) pays for nothing. A
 * deployment of several processes sets ZS_LIVE_CHANNEL=postgres.
 */
function liveChannel(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): LiveChannelKind {
  const raw = (env.ZS_LIVE_CHANNEL ?? '').trim().toLowerCase();
  if (raw === '') return 'off';
  if (!LIVE_CHANNELS.includes(raw as LiveChannelKind)) {
    throw new ConfigError(
      `ZS_LIVE_CHANNEL="${env.ZS_LIVE_CHANNEL}" must be one of ${LIVE_CHANNELS.join(', ')}`,
    );
  }
  if (raw === 'postgres' && !databaseUrl) {
    throw new ConfigError('ZS_LIVE_CHANNEL=postgres needs DATABASE_URL (SQLite runs one process: use off)');
  }
  return raw as LiveChannelKind;
}

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const adminPassword = env.ZS_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ZS_ADMIN_PASSWORD must be at least 8 characters');
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.ZS_DATA_DIR || './data'),
    databaseUrl,
    allowUnsafeDurability: flag(env, 'ZS_ALLOW_UNSAFE_DURABILITY', false),
    liveChannel: liveChannel(env, databaseUrl),
    demo: flag(env, 'ZS_DEMO', false),
    adminPassword,
    logLevel,
    sessionTtlHours: int(env, 'ZS_SESSION_TTL_HOURS', 12, 1, 24 * 90),
    loginBackoffAfter: int(env, 'ZS_LOGIN_BACKOFF_AFTER', 3, 1, 100),
    loginLockAfter: int(env, 'ZS_LOGIN_LOCK_AFTER', 10, 2, 1000),
    loginLockMinutes: int(env, 'ZS_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    rateLimitPerMinute: int(env, 'ZS_RATE_LIMIT_PER_MINUTE', 1200, 10, 10_000_000),
    trustProxy: trustProxy(env),
    maxBodyBytes: int(env, 'ZS_MAX_BODY_BYTES', 1_048_576, 1024, 1_073_741_824),
    // Uploads are held in memory while they are checked and thumbnailed: hence the 100 MB ceiling.
    maxPhotoBytes: int(env, 'ZS_MAX_PHOTO_BYTES', 10_485_760, 1024, 104_857_600),
    corsOrigins: (env.ZS_CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    jt808Port: int(env, 'ZS_JT808_PORT', 5015, 0, 65535),
    gt06Port: int(env, 'ZS_GT06_PORT', 5023, 0, 65535),
    osmandPort: int(env, 'ZS_OSMAND_PORT', 5055, 0, 65535),
    mqttUrl: url(env, 'ZS_MQTT_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:']),
    mqttClientId: clientId(env.ZS_MQTT_CLIENT_ID || `zhongshu-${os.hostname()}`),
    deviceIdleSeconds: int(env, 'ZS_DEVICE_IDLE_SECONDS', 600, 5, 86_400),
    deviceFramesPerSecond: int(env, 'ZS_DEVICE_FRAMES_PER_SECOND', 200, 1, 1_000_000),
  };
}
