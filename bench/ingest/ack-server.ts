// The acknowledging bound of the ingest benchmark: a JT/T 808 server that frames, verifies and
// decodes every message with the platform's own codec and acknowledges it at once, storing
// nothing. Whatever a storing server does, it does this too, so the positions a second the flood
// gets from this server bound what any server can acknowledge after a commit on this machine.
// Acks of one read go out in one write (as the gateway coalesces the acks of one commit).
// Run as a child process; the parent asks over IPC for { port }, then 'count' → { frames }.
import net from 'node:net';
import {
  decodeFrame,
  encodeGeneralResponse,
  encodeRegisterResponse,
  Jt808Framer,
  Jt808GeneralResult,
  Jt808RegisterResult,
} from '../../src/protocols/jt808/index.ts';

let frames = 0;
const server = net.createServer({ noDelay: true }, (socket) => {
  const framer = new Jt808Framer();
  let serial = 0;
  socket.on('data', (chunk: Buffer) => {
    const replies: Uint8Array[] = [];
    for (const result of framer.push(chunk)) {
      if (!result.ok) continue;
      const decoded = decodeFrame(result.frame);
      if (!decoded.ok) continue;
      const m = decoded.message;
      serial = (serial + 1) & 0xffff;
      if (m.kind === 'location' || m.kind === 'locationBatch') frames++;
      replies.push(
        m.kind === 'register'
          ? encodeRegisterResponse(m.header, serial, Jt808RegisterResult.ok, 'BENCH')
          : encodeGeneralResponse(m.header, serial, Jt808GeneralResult.ok),
      );
    }
    if (replies.length > 0)
      socket.write(replies.length === 1 ? (replies[0] as Uint8Array) : Buffer.concat(replies));
  });
  socket.on('error', () => socket.destroy());
});
server.maxConnections = 100_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as net.AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'count') process.send?.({ frames });
});
// The parent going away (crash, Ctrl-C) takes this process with it.
process.on('disconnect', () => process.exit(0));
