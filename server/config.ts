// Configuration, read once from the environment and checked with zod: a wrong or missing
// value stops the process with a message that names the variable.
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

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
    ADMIN_EMAIL: z.email().default('admin@inclusion.localhost'),
    ADMIN_PASSWORD: z.string().min(12, 'au moins 12 caractères').optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(90),
    API_TOKEN_TTL_DAYS: z.coerce.number().positive().default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The sandbox (docs/rules.md §12): Temporal is the time-skipping test server, the clock is its time. */
    SANDBOX: z.stringbool().default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SANDBOX) {
      ctx.addIssue({ code: 'custom', path: ['SANDBOX'], message: 'le bac à sable est interdit en production' });
    }
    if (env.NODE_ENV === 'production') {
      for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_PASSWORD', 'PUBLIC_URL'] as const) {
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
