// The default administrator (ADMIN_EMAIL / ADMIN_PASSWORD), created once, with the platform organization.
import { hashPassword } from './passwords.ts';
import type { Clock } from '../domain/clock.ts';
import { systemClock } from './clock.ts';
import type { Db } from './db/client.ts';

export const PLATFORM_ORGANIZATION_NAME = "Équipe de la Plateforme de l'inclusion";

export async function ensureAdministrator(
  db: Db,
  email: string,
  password: string,
  clock: Clock = systemClock,
): Promise<void> {
  const normalized = email.toLowerCase();
  if (await db.user.findUnique({ where: { email: normalized }, select: { id: true } })) return;
  const platform =
    (await db.organization.findFirst({ where: { type: 'PLATFORM' } })) ??
    (await db.organization.create({
      data: { type: 'PLATFORM', name: PLATFORM_ORGANIZATION_NAME, departement: '75', createdAt: clock.now() },
    }));
  await db.user.create({
    data: {
      email: normalized,
      passwordHash: await hashPassword(password),
      firstName: 'Admin',
      lastName: 'Plateforme',
      memberships: { create: { organizationId: platform.id, role: 'ADMIN' } },
    },
  });
}
