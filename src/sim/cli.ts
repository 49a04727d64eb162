// `npm run simulate -- --devices N --rate R --protocol jt808 --host 127.0.0.1 --port 5015 [--duration S]`
// Drives simulated boats along the demo world's rivers and reports them to a running gateway.
import { ArgsError, deviceIdentifier, parseArgs, type SimArgs, USAGE } from './args.ts';
import { DEMO_SEGMENT_LINES } from './demo-boats.ts';
import { planFleet } from './model/fleet-plan.ts';
import { shiftStartedAgo } from './model/shift.ts';
import { provisionDevices } from './provision.ts';
import { type SimBoat, startFleet } from './terminal-roster.ts';
import type { SimLog } from './uplink.ts';

const log: SimLog = {
  info: (message) => process.stdout.write(`${new Date().toISOString()} ${message}\n`),
  warn: (message) => process.stderr.write(`${new Date().toISOString()} warning: ${message}\n`),
};

function boatsFor(args: SimArgs): SimBoat[] {
  const now = Date.now();
  const identifiers = Array.from({ length: args.devices }, (_, i) => deviceIdentifier(args.firstId, i));
  return planFleet(
    DEMO_SEGMENT_LINES,
    identifiers.map((identifier, i) => ({
      identifier,
      name: `模拟船${i + 1}号`,
      segmentCode: DEMO_SEGMENT_LINES[i % DEMO_SEGMENT_LINES.length]?.code ?? '',
    })),
    {
      shiftOf: (i) => args.shift ?? shiftStartedAgo(now, (i * 53) % 120, 10 * 60),
      blindChance: args.blindChance,
      jitterM: 2.5,
    },
  );
}

async function main(): Promise<void> {
  let args: SimArgs;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const boats = boatsFor(args);
  if (args.provision) {
    const done = await provisionDevices(
      args.provision,
      args.protocol,
      boats.map((b) => ({ identifier: b.identifier, name: b.name })),
    );
    log.info(`provisioned ${done.created} new ${args.protocol} devices (${done.existing} already existed)`);
  }
  const fleet = startFleet(boats, {
    protocol: args.protocol,
    host: args.host,
    port: args.port,
    intervalMs: 1000 / args.rate,
    ackTimeoutMs: 10_000,
    log,
  });
  log.info(
    `${boats.length} ${args.protocol} devices ${boats[0]?.identifier}… reporting to ${args.host}:${args.port}, ` +
      `${args.rate} fixes/s each`,
  );
  const report = () => {
    const s = fleet.stats();
    const sum = (pick: (t: (typeof s)[number]) => number) => s.reduce((n, t) => n + pick(t), 0);
    log.info(
      `online ${sum((t) => Number(t.online))}/${sum((t) => Number(t.onDuty))} on duty; fixes ${sum((t) => t.fixes)}, ` +
        `acknowledged ${sum((t) => t.acked)} (${sum((t) => t.reuploaded)} re-uploaded), held back ${sum((t) => t.backlog)}`,
    );
  };
  const ticker = setInterval(report, 10_000);
  const stop = () => {
    clearInterval(ticker);
    report();
    fleet.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (args.durationS !== undefined) setTimeout(stop, args.durationS * 1000);
}

main().catch((error: Error) => {
  process.stderr.write(`simulate: ${error.message}\n`);
  process.exit(1);
});
