import net from 'node:net';
import { decodeFrame, Jt808Framer } from '../../src/protocols/jt808/index.ts';

/** A platform reply as a terminal reads it. */
export interface PlatformReply {
  msgId: number;
  serial: number;
  /** 0x8001: the terminal serial and message id acknowledged, and the result. */
  replySerial: number;
  replyMsgId?: number;
  result: number;
  authCode?: string;
}

function parseReply(msgId: number, serial: number, body: Uint8Array): PlatformReply {
  const view = Buffer.from(body);
  if (msgId === 0x8100) {
    const result = view.readUInt8(2);
    return {
      msgId,
      serial,
      replySerial: view.readUInt16BE(0),
      result,
      authCode: view.subarray(3).toString('latin1'),
    };
  }
  return {
    msgId,
    serial,
    replySerial: view.readUInt16BE(0),
    replyMsgId: view.readUInt16BE(2),
    result: view.readUInt8(4),
  };
}

/** A fake JT/T 808 terminal over a real TCP socket, collecting the platform's replies. */
export async function connectTerminal(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const framer = new Jt808Framer();
  const replies: PlatformReply[] = [];
  const waiters: (() => void)[] = [];
  socket.on('data', (chunk) => {
    for (const f of framer.push(chunk)) {
      if (!f.ok) continue;
      const d = decodeFrame(f.frame);
      if (d.ok && d.message.kind === 'unsupported') {
        replies.push(parseReply(d.message.msgId, d.message.header.serial, d.message.body));
      }
    }
    for (const w of waiters.splice(0)) w();
  });
  return {
    socket,
    replies,
    send(bytes: Uint8Array): void {
      socket.write(bytes);
    },
    /** Waits until `count` replies in total have arrived. */
    async waitFor(count: number, timeoutMs = 5000): Promise<PlatformReply[]> {
      const deadline = Date.now() + timeoutMs;
      while (replies.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${replies.length} of ${count} replies within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return replies.slice(0, count);
    },
    close(): void {
      socket.destroy();
    },
  };
}
