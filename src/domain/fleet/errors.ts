/**
 * Stable code of a fleet-rule failure: a shift plan or a setting that cannot be right (a time of
 * day like "25:00", a weekday 8, a negative radius). src/errors/catalogue.ts gives it its status.
 */
export type FleetErrorCode = 'FLEET_SETTINGS_INVALID';

/** A shift plan or fleet setting problem, with a message that says what to fix. */
export class FleetError extends Error {
  readonly code: FleetErrorCode;

  constructor(message: string) {
    super(message);
    this.name = 'FleetError';
    this.code = 'FLEET_SETTINGS_INVALID';
  }
}
