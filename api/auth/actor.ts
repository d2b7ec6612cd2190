// Who is calling: the user, and the organization they act for (docs/rules.md §2).
import { createHash, randomBytes } from 'node:crypto';
import type {
  AuthorizationStatus,
  EmployerKind,
  OrganizationType,
  PrescriberKind,
  Role,
} from '../../domain/organizations.ts';
import type { Db } from '../../server/db/client.ts';

export interface Actor {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  sessionId: string;
  role: Role;
  organization: {
    id: string;
    type: OrganizationType;
    name: string;
    departement: string;
    /** The région a DREETS covers; null for other organizations. */
    region: string | null;
    authorizationStatus: AuthorizationStatus | null;
    prescriberKind: PrescriberKind | null;
    employerKind: EmployerKind | null;
  };
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The actor behind a bearer token, or null when it is unknown, expired, revoked or its user is disabled. */
export async function actorForToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true, membership: { include: { organization: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.isActive) return null;
  const { user, membership } = session;
  const organization = membership.organization;
  return {
    userId: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    sessionId: session.id,
    role: membership.role,
    organization: {
      id: organization.id,
      type: organization.type,
      name: organization.name,
      departement: organization.departement,
      region: organization.region,
      authorizationStatus: organization.authorizationStatus,
      prescriberKind: organization.prescriberKind,
      employerKind: organization.employerKind,
    },
  };
}
