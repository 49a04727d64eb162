import net from 'node:net';

/**
 * The size of the reply frame at `at`: a short ack is 10 bytes (78 78 05 <protocol> <serial> <crc>
 * 0d 0a), a long one (79 79 00 05 …, the AZ735's) 11; undefined while its length is not yet in.
 */
function frameSize(received: Buffer, at: number): number | undefined {
  if (received[at] === 0x79)
    return at + 4 <= received.length ? 4 + received.readUInt16BE(at + 2) + 2 : undefined;
  return at + 3 <= received.length ? 3 + (received[at + 2] ?? 0) + 2 : undefined;
}

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
    for (let i = 0, size = frameSize(received, 0); size && i + size <= received.length; ) {
      out.push(received.subarray(i, i + size).toString('hex'));
      i += size;
      size = frameSize(received, i);
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
