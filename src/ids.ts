import { v7 } from 'uuid';

/** A new time-ordered opaque id (UUIDv7), safe to mint in several processes or offline. */
export function newId(): string {
  return v7();
}
