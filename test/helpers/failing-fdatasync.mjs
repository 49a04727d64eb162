// Preloaded (--import) into a server process by test/main-process.test.ts: once the file named by
// ZS_TEST_FAIL_FDATASYNC exists, every fdatasync fails with EIO, as on a failing disk. Plain
// JavaScript: it loads before tsx. SQLite's own syncs (checkpoints) are C calls and unaffected.
import fs from 'node:fs';

const trigger = process.env.ZS_TEST_FAIL_FDATASYNC;
const fdatasync = fs.fdatasync;
fs.fdatasync = (fd, callback) => {
  if (trigger && fs.existsSync(trigger)) {
    const error = Object.assign(new Error('EIO: i/o error, fdatasync'), {
      code: 'EIO',
      errno: -5,
      syscall: 'fdatasync',
    });
    process.nextTick(callback, error);
    return;
  }
  fdatasync(fd, callback);
};
