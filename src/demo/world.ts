import type { ServiceContext } from '../services/context.ts';

/** Seeds the demo subdistrict (filled in below). */
export async function seedDemoWorld(_ctx: ServiceContext, _opts: { adminPassword?: string }): Promise<void> {}
