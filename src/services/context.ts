import type { Db } from '../store/database.ts';

/** What a service call needs from the outside world: storage and the clock. */
export interface ServiceContext {
  db: Db;
  now(): number;
}

/** The authenticated caller, with the unit path its scope is limited to (null = everything). */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  scopePath: string | null;
}
