// COPY … FROM STDIN of one buffer, as a pg "submittable" (a query object pg drives with the
// backend's messages). pg-copy-streams does this as a Writable, but after the backend reports an
// error it drops its connection and still writes CopyDone once the socket drains, which throws
// (uncaught) when the error came in before all the data was on the socket — as a duplicate key can,
// mid-COPY. With the data in hand there is nothing to stream: it is sent whole on CopyInResponse.
import type pg from 'pg';

/** The part of pg's Connection (lib/connection.js) a COPY FROM uses. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * Runs `text` in the simple query protocol — several statements may precede the COPY (a BEGIN, to
 * save a round trip) — and sends `data` as the COPY's input. Resolves with the rows copied once the
 * backend is ready again; rejects with the backend's error (the client stays usable: the backend
 * drops the rest of the input and ends the query).
 */
export function copyIn(client: pg.ClientBase, text: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const copy = {
      submit(connection: CopyConnection) {
        connection.query(text);
      },
      handleCopyInResponse(connection: CopyConnection) {
        connection.sendCopyFromChunk(data);
        connection.endCopyFrom();
      },
      handleCommandComplete(message: { text?: string }) {
        const copied = /^COPY (\d+)/.exec(message.text ?? '');
        if (copied) rows = Number(copied[1]);
      },
      handleError: reject,
      handleReadyForQuery() {
        resolve(rows);
      },
    };
    client.query(copy as unknown as pg.Submittable);
  });
}
