// Command-line options of `npm run simulate`, parsed without side effects so they can be tested.
import { identifierProblem, PROTOCOLS, type Protocol } from '../domain/devices/identifiers.ts';
import { parseShift, type Shift } from './model/shift.ts';
import { SIM_UPLINKS, simUplinkOrThrow } from './uplinks.ts';

/** What the simulator was asked to do. */
export interface SimArgs {
  devices: number;
  /** Fixes per second per device. */
  rate: number;
  protocol: Protocol;
  host: string;
  port: number;
  durationS: number | undefined;
  firstId: string;
  /** A fixed daily shift, or undefined: every boat's shift started shortly before launch. */
  shift: Shift | undefined;
  blindChance: number;
  provision: { api: string; username: string; password: string; unitId: string | undefined } | undefined;
  help: boolean;
}

/** A bad command line; the message says what to change. */
export class ArgsError extends Error {}

/** "jt808 5015, gt06 5023, …": one default per protocol, for the usage text. */
function defaults(pick: (protocol: Protocol) => string | number): string {
  return PROTOCOLS.map((p) => `${p} ${pick(p)}`).join(', ');
}

/** Usage text. */
export const USAGE = `npm run simulate -- [options]
  --devices N         boats to simulate (default 14)
  --rate R            fixes per second per device, at most 1 (default 0.2: one every 5 s)
  --protocol P        ${PROTOCOLS.join(' | ')} (default jt808)
  --host H --port P   the gateway, for mqtt the broker (default 127.0.0.1 and the protocol's port:
                      ${defaults((p) => SIM_UPLINKS[p].defaultPort)})
  --duration S        stop after S seconds (default: run until Ctrl-C)
  --first-id ID       identifier of the first device; the others count up (default per protocol:
                      ${defaults((p) => SIM_UPLINKS[p].defaultFirstId)})
  --shift HH:MM-HH:MM daily shift in China time (default: each boat's shift began up to 2 h ago, lasts 10 h)
  --blind-chance P    chance per half hour of a 2–5 minute blind spot (default 0.15)
  --provision         create the devices first through the HTTP API (existing ones are kept):
    --api URL --username U --password P (or ZS_SIM_PASSWORD) [--unit UNIT_ID]`;

function number(name: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new ArgsError(`--${name} wants a number from ${min} to ${max} (got ${raw ?? 'nothing'})`);
  }
  return value;
}

function protocolOf(raw: string | undefined): Protocol {
  if ((PROTOCOLS as readonly string[]).includes(raw ?? '')) return raw as Protocol;
  throw new ArgsError(`--protocol ${raw ?? ''} is unknown; use one of ${PROTOCOLS.join(', ')}`);
}

/** Parses argv (without the node and script entries); `env` supplies ZS_SIM_PASSWORD. Throws ArgsError. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): SimArgs {
  const flags = new Map<string, string>();
  const FLAGS_WITHOUT_VALUE = new Set(['provision', 'help']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new ArgsError(`unexpected argument "${arg}"`);
    const name = match[1];
    if (FLAGS_WITHOUT_VALUE.has(name)) flags.set(name, 'true');
    else flags.set(name, match[2] ?? argv[++i] ?? '');
  }
  const known = new Set(['devices', 'rate', 'protocol', 'host', 'port', 'duration', 'first-id', 'shift']);
  for (const extra of ['blind-chance', 'api', 'username', 'password', 'unit', ...FLAGS_WITHOUT_VALUE])
    known.add(extra);
  for (const name of flags.keys()) if (!known.has(name)) throw new ArgsError(`unknown option --${name}`);

  const protocol = protocolOf(flags.get('protocol') ?? 'jt808');
  const uplink = simUplinkOrThrow(protocol);
  const firstId = flags.get('first-id') ?? uplink.defaultFirstId;
  if (!/^\d{1,15}$/.test(firstId)) throw new ArgsError(`--first-id wants up to 15 digits (got ${firstId})`);
  const devices = number('devices', flags.get('devices') ?? '14', 1, 100_000);
  // Counting up must keep every identifier valid for the protocol (a GT06 IMEI stays 15 digits).
  const lastId = deviceIdentifier(firstId, devices - 1);
  const problem = identifierProblem(protocol, firstId);
  if (problem) throw new ArgsError(`--first-id ${firstId}: ${problem}`);
  const problemOfLast = identifierProblem(protocol, lastId);
  if (problemOfLast) {
    throw new ArgsError(`--first-id ${firstId} for ${devices} devices reaches ${lastId}: ${problemOfLast}`);
  }
  const shiftText = flags.get('shift');
  let shift: Shift | undefined;
  try {
    shift = shiftText === undefined || shiftText === 'now' ? undefined : parseShift(shiftText);
  } catch (error) {
    throw new ArgsError(`--shift: ${(error as Error).message}`);
  }
  let provision: SimArgs['provision'];
  if (flags.has('provision')) {
    const api = flags.get('api') ?? 'http://127.0.0.1:8080';
    const username = flags.get('username') ?? 'admin';
    const password = flags.get('password') ?? env.ZS_SIM_PASSWORD;
    if (!password) throw new ArgsError('--provision needs --password (or ZS_SIM_PASSWORD) for the API user');
    provision = { api, username, password, unitId: flags.get('unit') };
  }
  return {
    devices,
    rate: number('rate', flags.get('rate') ?? '0.2', 0.001, 1),
    protocol,
    host: flags.get('host') ?? '127.0.0.1',
    port: number('port', flags.get('port') ?? String(uplink.defaultPort), 1, 65535),
    durationS: flags.has('duration') ? number('duration', flags.get('duration'), 1, 31 * 86_400) : undefined,
    firstId,
    shift,
    blindChance: number('blind-chance', flags.get('blind-chance') ?? '0.15', 0, 1),
    provision,
    help: flags.has('help'),
  };
}

/** The identifier of device `index` (0-based): the first id counted up, keeping its width. */
export function deviceIdentifier(firstId: string, index: number): string {
  return (BigInt(firstId) + BigInt(index)).toString().padStart(firstId.length, '0');
}
