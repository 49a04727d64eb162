// Terminal set-up for the benchmark's generators: connect, register (0x0100) and authenticate
// (0x0102) through the platform's codec (JT/T 808-2013 §8.2–8.4), then hand the socket over.
import net from 'node:net';
import { decodeFrame, encodeAuth, encodeRegister, Jt808Framer } from '../../src/protocols/jt808/index.ts';

/** Register (0x0100) and authenticate (0x0102) one terminal through the codec; resolves with its socket. */
export function setUp(port: number, phone: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    const framer = new Jt808Framer();
    let serial = 0;
    const header = () => ({ edition: '2013' as const, phone, serial: ++serial });
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`terminal ${phone}: ${why}`));
    };
    const onData = (chunk: Buffer) => {
      for (const f of framer.push(chunk)) {
        if (!f.ok) continue;
        const decoded = decodeFrame(f.frame);
        if (!decoded.ok || decoded.message.kind !== 'unsupported') continue;
        const body = Buffer.from(decoded.message.body);
        if (decoded.message.msgId === 0x8100) {
          if (body[2] !== 0) return fail(`registration refused (${body[2]})`);
          const code = body.subarray(3).toString('latin1');
          socket.write(encodeAuth(header(), { code }));
        } else if (decoded.message.msgId === 0x8001 && body.readUInt16BE(2) === 0x0102) {
          if (body[4] !== 0) return fail(`authentication refused (${body[4]})`);
          socket.off('data', onData);
          socket.off('error', onError);
          resolve(socket);
        }
      }
    };
    const onError = (error: Error) => fail(error.message);
    socket.on('data', onData);
    socket.on('error', onError);
    socket.once('connect', () =>
      socket.write(
        encodeRegister(header(), {
          province: 32,
          city: 508,
          makerId: 'ZSSIM',
          model: 'LEAN',
          terminalId: phone.slice(-7),
          plateColor: 0,
          plate: `L${phone}`,
        }),
      ),
    );
  });
}
