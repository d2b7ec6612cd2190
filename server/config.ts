// Configuration, read once from the environment and checked with zod: a wrong or missing
// value stops the process with a message that names the variable.
import { isIP } from 'node:net';
import { z } from 'zod';

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
/** `loopback`, `linklocal`, `uniquelocal`, an IP address or a subnet (`10.0.0.0/8`). */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', prefix = '0', ...rest] = entry.split('/');
  return isIP(address) !== 0 && rest.length === 0 && /^\d{1,3}$/.test(prefix);
}

/**
 * Express `trust proxy` (docs/rules.md §11): off by default, so `X-Forwarded-For` is ignored
 * and the client is the socket's peer; behind a reverse proxy, the number of proxies or
 * their addresses. `true` (anyone) is refused: any client could choose its address.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string => {
    if (['false', 'off', '0'].includes(value.toLowerCase())) return false;
    if (/^[1-9]\d?$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries.join(',');
    ctx.addIssue({
      code: 'custom',
      message:
        'nombre de proxys (1, 2…) ou adresses de confiance séparées par des virgules (loopback, 10.0.0.0/8…) ; « true » est refusé',
    });
    return z.NEVER;
  });

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'true ou false' })
  .transform((value) => value === 'true' || value === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'doit être une URL postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    EMBEDDED_DB_PORT: port.default(5433),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[^:\s]+:\d+$/, 'doit être de la forme hôte:port')
      .optional(),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('inclusion'),
    TEMPORAL_UI_URL: z.url().optional(),
    /**
     * The worker's sticky cache (docs/decisions/025-take-over-import.md): about 0.45 MiB each. A
     * parcours sleeps for weeks between tasks, so a bounded cache keeps the worker's memory flat
     * however many parcours run; one out of the cache is replayed from its history when it wakes.
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(1000),
    ADMIN_EMAIL: z.email().default('admin@inclusion.localhost'),
    ADMIN_PASSWORD: z.string().min(12, 'au moins 12 caractères').optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(90),
    API_TOKEN_TTL_DAYS: z.coerce.number().positive().default(30),
    TRUST_PROXY: trustProxy.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // E-mail (docs/rules.md §9, docs/decisions/019-email-outbox.md). Without SMTP_HOST, `npm start`
    // runs its own mail catcher on MAIL_CATCHER_PORT and points the worker at it.
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: port.default(587),
    SMTP_SECURE: flag.default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default("Plateforme de l'inclusion <ne-pas-repondre@inclusion.localhost>"),
    MAIL_CATCHER_PORT: port.default(2525),
    /** The sandbox (docs/rules.md §12): Temporal is the time-skipping test server, the clock is its time. */
    SANDBOX: z.stringbool().default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SANDBOX) {
      ctx.addIssue({ code: 'custom', path: ['SANDBOX'], message: 'le bac à sable est interdit en production' });
    }
    if (env.SMTP_USER && !env.SMTP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'obligatoire avec SMTP_USER' });
    }
    if (env.NODE_ENV === 'production') {
      for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'SMTP_HOST'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'obligatoire en production' });
      }
    }
  });

export type Config = z.infer<typeof schema> & { PUBLIC_URL: string; ADMIN_PASSWORD: string };

/** Used only outside production, where it is printed at start-up. */
export const DEFAULT_ADMIN_PASSWORD = 'Admin-inclusion-2026';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  return {
    ...config,
    PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    ADMIN_PASSWORD: config.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
  };
}

/** Entry points call this: print the problem and stop, instead of a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
