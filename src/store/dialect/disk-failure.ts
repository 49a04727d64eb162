// What a process does once the disk has failed a write the database relies on (a WAL fsync):
// stop acknowledging at once. PostgreSQL PANICs on any fsync failure for the same reason: the
// kernel may have dropped the pages it could not write, so a later fsync can succeed over a hole.
// A restart recovers from what is really on disk.

/** Called once, when the disk fails a write the database relies on. */
export type OnDiskFailure = (error: Error) => void;

/** EX_SOFTWARE (sysexits.h): the service manager restarts the process, which recovers from disk. */
export const DISK_FAILURE_EXIT_CODE = 70;

/** The default: one line on stderr saying why, then exit 70 before anything more is acknowledged. */
export function exitOnDiskFailure(error: Error): void {
  // Synchronous on Linux for files, pipes and terminals: the line is out before the exit.
  process.stderr.write(
    `FATAL: ${error.message}. Stopping (exit ${DISK_FAILURE_EXIT_CODE}) so that nothing more is acknowledged; ` +
      'check the disk, then restart: the database recovers from what is on disk.\n',
  );
  process.exit(DISK_FAILURE_EXIT_CODE);
}
