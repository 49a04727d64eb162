import net from 'node:net';

/** Every server reply to a GT06 terminal is a 10-byte ack: 78 78 05 <protocol> <serial> <crc> 0d 0a. */
const ACK_SIZE = 10;

/** A fake GT06 terminal over a real TCP socket, collecting the server's acks as hex. */
export async function connectGt06(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
  });
  socket.on('error', () => {});
  const acks = () => {
    const out: string[] = [];
    for (let i = 0; i + ACK_SIZE <= received.length; i += ACK_SIZE) {
      out.push(received.subarray(i, i + ACK_SIZE).toString('hex'));
    }
    return out;
  };
  return {
    send(bytes: Uint8Array): void {
      socket.write(bytes);
    },
    /** Hex of each ack received so far. */
    acks,
    /** Waits until `count` acks in total have arrived. */
    async waitForAcks(count: number, timeoutMs = 5000): Promise<string[]> {
      const deadline = Date.now() + timeoutMs;
      while (acks().length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${acks().length} of ${count} acks within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return acks();
    },
    /** Resolves when the server closes the connection; rejects after the timeout. */
    async closedByServer(timeoutMs = 5000): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([closed, timeout]).finally(() => clearTimeout(timer));
    },
    close(): void {
      socket.destroy();
    },
  };
}
