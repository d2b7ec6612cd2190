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

interface ActorRow {
  sessionId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  isActive: boolean;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  organizationId: string;
  type: OrganizationType;
  name: string;
  departement: string;
  region: string | null;
  authorizationStatus: AuthorizationStatus | null;
  prescriberKind: PrescriberKind | null;
  employerKind: EmployerKind | null;
}

/**
 * The actor behind a bearer token, or null when it is unknown, expired, revoked or its user is
 * disabled. Every authenticated request asks it: one query (session, user, membership and
 * organization joined), where Prisma's `include` made four (docs/decisions/026-production-topology.md).
 */
export async function actorForToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db.$queryRaw<ActorRow[]>`
    SELECT s.id AS "sessionId", s."expiresAt", s."revokedAt",
           u."isActive", u.id AS "userId", u.email, u."firstName", u."lastName",
           m.role::text AS role,
           o.id AS "organizationId", o.type::text AS type, o.name, o.departement, o.region,
           o."authorizationStatus"::text AS "authorizationStatus",
           o."prescriberKind"::text AS "prescriberKind", o."employerKind"::text AS "employerKind"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "Membership" m ON m.id = s."membershipId"
    JOIN "Organization" o ON o.id = m."organizationId"
    WHERE s."tokenHash" = ${hashToken(token)}::char(64)`;
  if (!row || row.revokedAt || row.expiresAt <= now || !row.isActive) return null;
  return {
    userId: row.userId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    sessionId: row.sessionId,
    role: row.role,
    organization: {
      id: row.organizationId,
      type: row.type,
      name: row.name,
      departement: row.departement,
      region: row.region,
      authorizationStatus: row.authorizationStatus,
      prescriberKind: row.prescriberKind,
      employerKind: row.employerKind,
    },
  };
}
