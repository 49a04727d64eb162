import assert from 'node:assert/strict';
import { it } from 'node:test';
import { deviceIdentifier, parseArgs } from './args.ts';

it('reads the documented options with their defaults', () => {
  const args = parseArgs([
    '--devices',
    '3',
    '--rate=0.5',
    '--protocol',
    'jt808',
    '--port',
    '15015',
    '--duration',
    '20',
  ]);
  assert.equal(args.devices, 3);
  assert.equal(args.rate, 0.5);
  assert.equal(args.host, '127.0.0.1');
  assert.equal(args.port, 15015);
  assert.equal(args.durationS, 20);
  assert.equal(args.shift, undefined);
  assert.equal(args.provision, undefined);
  assert.equal(parseArgs([]).port, 5015);
  assert.equal(parseArgs(['--protocol', 'osmand']).port, 5055);
  assert.equal(parseArgs(['--protocol', 'mqtt']).port, 1883);
  assert.deepEqual(parseArgs(['--shift', '07:00-17:00']).shift, { startMinute: 420, lengthMinutes: 600 });
});

it('simulates GT06 terminals with IMEIs on the GT06 port', () => {
  const args = parseArgs(['--protocol', 'gt06', '--devices', '3']);
  assert.equal(args.protocol, 'gt06');
  assert.equal(args.port, 5023);
  assert.equal(args.firstId, '868120000000001');
  assert.equal(deviceIdentifier(args.firstId, 2), '868120000000003');
  assert.equal(parseArgs(['--protocol', 'gt06', '--first-id', '358899051234567']).firstId, '358899051234567');
  assert.throws(
    () => parseArgs(['--protocol', 'gt06', '--first-id', '13900000001']),
    /--first-id 13900000001: a GT06 identifier is the 15-digit IMEI/,
  );
  assert.throws(
    () => parseArgs(['--protocol', 'gt06', '--first-id', '999999999999999', '--devices', '2']),
    /--first-id 999999999999999 for 2 devices reaches 1000000000000000: a GT06 identifier is the 15-digit IMEI/,
  );
});

it('refuses protocols it does not know, and says which it can', () => {
  assert.throws(() => parseArgs(['--protocol', 'http']), {
    name: 'Error',
    message: '--protocol http is unknown; use one of jt808, gt06, osmand, mqtt',
  });
});

it('refuses bad values and unknown options', () => {
  assert.throws(() => parseArgs(['--rate', '2']), /--rate wants a number from 0.001 to 1/);
  assert.throws(() => parseArgs(['--devices', 'many']), /--devices/);
  assert.throws(() => parseArgs(['--speed', '3']), /unknown option --speed/);
  assert.throws(() => parseArgs(['--shift', '7-17']), /--shift: shift "7-17" is not HH:MM-HH:MM/);
  assert.throws(() => parseArgs(['--provision']), /needs --password/);
});

it('provisions with the password from the environment when not given', () => {
  const args = parseArgs(['--provision', '--api', 'http://localhost:8080'], {
    ZS_SIM_PASSWORD: 'secret-pass',
  });
  assert.deepEqual(args.provision, {
    api: 'http://localhost:8080',
    username: 'admin',
    password: 'secret-pass',
    unitId: undefined,
  });
});

it('numbers devices up from the first identifier', () => {
  assert.equal(deviceIdentifier('13900000001', 0), '13900000001');
  assert.equal(deviceIdentifier('13900000001', 13), '13900000014');
  assert.equal(deviceIdentifier('000123', 1), '000124');
});
