import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { seedDemoWorld } from './demo/world.ts';
import { generatePassword } from './domain/auth/password.ts';
import type { ServiceContext } from './services/context.ts';
import { createUnit } from './services/units.service.ts';
import { createUser } from './services/users.service.ts';
import { listUnits } from './store/units.repository.ts';
import { findUserByUsername } from './store/users.repository.ts';

/**
 * First-start set-up on an empty database: the demo world when ZS_DEMO=1, and the `admin`
 * account (with ZS_ADMIN_PASSWORD, or a generated password printed once). A database that
 * already has units is left alone, so a restart never seeds twice.
 */
export async function bootstrap(ctx: ServiceContext, config: Config, log: FastifyBaseLogger): Promise<void> {
  const empty = (await listUnits(ctx.db, { scopePath: null })).length === 0;
  if (!empty) return;
  if (config.demo) {
    await seedDemoWorld(ctx, { adminPassword: config.adminPassword });
    log.info('demo world seeded: see README for the demo logins');
    return;
  }
  const root = await createUnit(ctx, { kind: 'subdistrict', code: '320508001', name: '街道' });
  if (!(await findUserByUsername(ctx.db, 'admin'))) {
    const password = config.adminPassword ?? generatePassword();
    await createUser(ctx, {
      username: 'admin',
      password,
      displayName: '系统管理员',
      role: 'admin',
      unitId: root.id,
    });
    if (!config.adminPassword) {
      // Printed once, on the console only: it is not stored anywhere in clear.
      process.stdout.write(
        `\n  Zhongshu: created user "admin" with password: ${password}\n  Change it after logging in.\n\n`,
      );
    }
  }
}
