// Sign-in: API bearer tokens (POST /auth/token) and web sessions (POST /auth/session),
// both opaque random secrets stored hashed; login throttling (docs/rules.md §11).
import { z } from 'zod';
import { sessionSchema, type WebSession } from '../../contracts/auth.ts';
import { writeAudit } from '../../server/audit.ts';
import { newToken } from '../auth/actor.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../server/passwords.ts';
import { isLoginThrottled, recordLoginFailure, THROTTLE_WINDOW_MINUTES } from '../auth/throttle.ts';
import { ApiError } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { email, text, uuid } from '../schemas.ts';

const credentials = z.strictObject({
  email,
  password: text(200).min(1, { message: 'le mot de passe est obligatoire' }),
  organizationId: uuid
    .optional()
    .meta({ description: "Organisation pour laquelle agir, si l'utilisateur en a plusieurs" }),
});

async function signIn(
  deps: Deps,
  input: z.output<typeof credentials>,
  ip: string,
  kind: 'WEB' | 'API',
): Promise<WebSession> {
  const { db, clock, config } = deps;
  const now = clock.now();
  if (await isLoginThrottled(db, input.email, ip, now)) {
    throw new ApiError(
      429,
      'too_many_attempts',
      `Trop de tentatives de connexion. Réessayez dans ${THROTTLE_WINDOW_MINUTES} minutes.`,
    );
  }
  const user = await db.user.findUnique({ where: { email: input.email } });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !user.isActive || !passwordOk) {
    await recordLoginFailure(db, input.email, ip, now);
    throw new ApiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
  }
  const membership = await db.membership.findFirst({
    where: { userId: user.id, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
    orderBy: { createdAt: 'asc' },
  });
  if (!membership) {
    throw new ApiError(
      403,
      'no_membership',
      input.organizationId
        ? "Vous n'êtes pas membre de cette organisation."
        : "Ce compte n'est rattaché à aucune organisation.",
    );
  }
  const lifetimeMs = kind === 'WEB' ? config.SESSION_TTL_HOURS * 3_600_000 : config.API_TOKEN_TTL_DAYS * 86_400_000;
  const { token, tokenHash } = newToken();
  const session = await db.session.create({
    data: {
      tokenHash,
      kind,
      userId: user.id,
      membershipId: membership.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + lifetimeMs),
    },
  });
  await writeAudit(db, {
    key: `session:${session.id}`,
    action: kind === 'WEB' ? 'auth.session' : 'auth.token',
    entityType: 'User',
    entityId: user.id,
    actorUserId: user.id,
    actorOrganizationId: membership.organizationId,
    occurredAt: now,
  });
  return { token, expiresAt: session.expiresAt.toISOString() };
}

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/token',
    tag: 'Authentification',
    summary: "Obtenir un jeton d'API (Bearer)",
    access: 'public',
    body: credentials,
    responses: {
      200: { description: 'Jeton créé', schema: sessionSchema },
      429: { description: 'Trop de tentatives' },
    },
    handle: async ({ deps, body, req }) => ({
      status: 200,
      body: await signIn(deps, body, req.ip ?? 'unknown', 'API'),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/session',
    tag: 'Authentification',
    summary: "Ouvrir une session web (utilisé par l'application web)",
    access: 'public',
    body: credentials,
    responses: {
      200: { description: 'Session ouverte', schema: sessionSchema },
      429: { description: 'Trop de tentatives' },
    },
    handle: async ({ deps, body, req }) => ({
      status: 200,
      body: await signIn(deps, body, req.ip ?? 'unknown', 'WEB'),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    tag: 'Authentification',
    summary: 'Révoquer le jeton ou la session utilisé',
    access: 'authenticated',
    responses: { 204: { description: 'Révoqué' } },
    handle: async ({ deps, actor }) => {
      await deps.db.session.update({ where: { id: actor.sessionId }, data: { revokedAt: deps.clock.now() } });
      return { status: 204 };
    },
  }),
];
