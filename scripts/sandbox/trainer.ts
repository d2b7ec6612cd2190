// The sandbox's trainer account (docs/rules.md §12): a demo employer user who may also advance
// the clock. Idempotent; the sandbox starts from an empty database each time anyway.
import { hashPassword } from '../../server/passwords.ts';
import type { Db } from '../../server/db/client.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';

export const TRAINER = {
  label: 'Formateur (Jardins de Cocagne de Bobigny, peut avancer le temps)',
  email: 'formateur@demo.inclusion.localhost',
  password: DEMO_PASSWORD,
  organizationName: 'Jardins de Cocagne de Bobigny',
};

export async function ensureTrainer(db: Db): Promise<void> {
  const organization = await db.organization.findFirstOrThrow({ where: { name: TRAINER.organizationName } });
  await db.user.upsert({
    where: { email: TRAINER.email },
    update: { isTrainer: true },
    create: {
      email: TRAINER.email,
      passwordHash: await hashPassword(TRAINER.password),
      firstName: 'Fanny',
      lastName: 'Formatrice',
      isTrainer: true,
      memberships: { create: { organizationId: organization.id, role: 'EMPLOYER_STAFF' } },
    },
  });
}
