// The raw ceiling of the ingest benchmark: a TCP server that only counts JT/T 808 frames (pairs of
// 0x7e delimiters) — no unescaping, decoding, storage or reply. Run as a child process; the parent
// asks over IPC for { port }, then 'count' → { frames, connections }.
import net from 'node:net';

let frames = 0;
let connections = 0;
const server = net.createServer({ noDelay: true }, (socket) => {
  connections++;
  let open = false;
  socket.on('data', (chunk: Buffer) => {
    let i = chunk.indexOf(0x7e);
    while (i >= 0) {
      if (open) frames++;
      open = !open;
      i = chunk.indexOf(0x7e, i + 1);
    }
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => connections--);
});
server.maxConnections = 100_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as net.AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'count') process.send?.({ frames, connections });
  if (message === 'exit') server.close(() => process.exit(0));
});
// The parent going away (crash, Ctrl-C) takes this process with it.
process.on('disconnect', () => process.exit(0));
