import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, DEFAULT_ADMIN_PASSWORD, loadConfig, loadConfigOrExit } from './config.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://inclusion:secret@db:5432/inclusion',
  TEMPORAL_ADDRESS: 'temporal:7233',
  ADMIN_PASSWORD: 'a-long-enough-password',
  PUBLIC_URL: 'https://inclusion.example.gouv.fr',
  SMTP_HOST: 'smtp.example.gouv.fr',
} as const;

/** The ConfigError thrown for an environment, or a failure if none is. */
function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig — defaults', () => {
  it('an empty environment gives the development defaults', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      PUBLIC_URL: 'http://localhost:3000',
      DATA_DIR: '.data',
      EMBEDDED_DB_PORT: 5433,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'inclusion',
      ADMIN_EMAIL: 'admin@inclusion.localhost',
      ADMIN_PASSWORD: DEFAULT_ADMIN_PASSWORD,
      SESSION_TTL_HOURS: 12,
      REQUEST_TIMEOUT_SECONDS: 90,
      API_TOKEN_TTL_DAYS: 30,
      LOG_LEVEL: 'info',
      SMTP_PORT: 587,
      SMTP_SECURE: false,
      MAIL_FROM: "Plateforme de l'inclusion <ne-pas-repondre@inclusion.localhost>",
      MAIL_CATCHER_PORT: 2525,
      TRUST_PROXY: false,
      WORKER_MAX_CACHED_WORKFLOWS: 1000,
      SANDBOX: false,
    });
  });

  it('TRUST_PROXY: off by default; a number of proxies or trusted addresses; "true" (anyone) is refused', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback,10.0.0.0/8');
    for (const value of ['true', 'n-importe-qui', '10.0.0.0/8/1']) {
      expect(configErrorOf({ TRUST_PROXY: value }).message).toContain('TRUST_PROXY');
    }
  });

  it('outside production, DATABASE_URL, TEMPORAL_ADDRESS and TEMPORAL_UI_URL may be absent', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.TEMPORAL_UI_URL).toBeUndefined();
  });

  it('the default public URL follows the port', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
  });

  it('the default admin password is itself long enough to pass the 12-character rule', () => {
    expect(DEFAULT_ADMIN_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });

  it('numbers given as strings are read as numbers', () => {
    const config = loadConfig({
      PORT: '8080',
      EMBEDDED_DB_PORT: '15432',
      SESSION_TTL_HOURS: '1.5',
      API_TOKEN_TTL_DAYS: '90',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      EMBEDDED_DB_PORT: 15432,
      SESSION_TTL_HOURS: 1.5,
      API_TOKEN_TTL_DAYS: 90,
    });
  });

  it('given values replace the defaults', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://example.org',
      DATABASE_URL: 'postgres://localhost/db',
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'ns',
      TEMPORAL_TASK_QUEUE: 'q',
      ADMIN_EMAIL: 'root@example.org',
      ADMIN_PASSWORD: 'twelve-chars',
      LOG_LEVEL: 'debug',
      DATA_DIR: '/var/lib/inclusion',
    });
    expect(config).toMatchObject({
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://example.org',
      DATABASE_URL: 'postgres://localhost/db',
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'ns',
      TEMPORAL_TASK_QUEUE: 'q',
      ADMIN_EMAIL: 'root@example.org',
      ADMIN_PASSWORD: 'twelve-chars',
      LOG_LEVEL: 'debug',
      DATA_DIR: '/var/lib/inclusion',
    });
  });

  it('variables the platform does not know are ignored', () => {
    const config = loadConfig({ PATH: '/usr/bin', HOME: '/root' });
    expect(config).not.toHaveProperty('PATH');
    expect(config).not.toHaveProperty('HOME');
  });
});

describe('loadConfig — empty strings are treated as unset', () => {
  it('empty values fall back to the defaults instead of being refused', () => {
    const config = loadConfig({
      NODE_ENV: '',
      HOST: '',
      PORT: '',
      PUBLIC_URL: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      EMBEDDED_DB_PORT: '',
      TEMPORAL_ADDRESS: '',
      TEMPORAL_NAMESPACE: '',
      TEMPORAL_TASK_QUEUE: '',
      TEMPORAL_UI_URL: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      SESSION_TTL_HOURS: '',
      API_TOKEN_TTL_DAYS: '',
      LOG_LEVEL: '',
    });
    expect(config).toEqual(loadConfig({}));
  });

  it('an empty ADMIN_PASSWORD outside production means the default password, not a too-short one', () => {
    expect(loadConfig({ ADMIN_PASSWORD: '' }).ADMIN_PASSWORD).toBe(DEFAULT_ADMIN_PASSWORD);
  });

  it.each(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'SMTP_HOST'] as const)(
    'in production an empty %s counts as missing',
    (name) => {
      const error = configErrorOf({ ...PRODUCTION, [name]: '' });
      expect(error.message).toContain(`${name}: obligatoire en production`);
    },
  );
});

describe('loadConfig — wrong values are refused with the variable named', () => {
  it.each(['abc', '80a', '3000.5', '0', '-1', '65536', '99999', 'NaN', ' '])(
    'PORT=%j is refused, naming PORT',
    (value) => {
      const error = configErrorOf({ PORT: value });
      expect(error.message).toMatch(/^Configuration invalide :\n/);
      expect(error.message).toContain('  - PORT: ');
      expect(error.message).not.toContain('EMBEDDED_DB_PORT');
    },
  );

  it.each(['1', '80', '65535'])('PORT=%s is a valid port', (value) => {
    expect(loadConfig({ PORT: value }).PORT).toBe(Number(value));
  });

  it('a wrong EMBEDDED_DB_PORT is refused, naming EMBEDDED_DB_PORT', () => {
    expect(configErrorOf({ EMBEDDED_DB_PORT: 'x' }).message).toContain('  - EMBEDDED_DB_PORT: ');
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'localhost:5432'],
    ['TEMPORAL_ADDRESS', 'localhost'],
    ['TEMPORAL_ADDRESS', 'localhost:port'],
    ['TEMPORAL_ADDRESS', 'http://localhost:7233'],
    ['PUBLIC_URL', 'not a url'],
    ['TEMPORAL_UI_URL', 'nope'],
    ['ADMIN_EMAIL', 'not-an-email'],
    ['LOG_LEVEL', 'verbose'],
    ['SESSION_TTL_HOURS', '0'],
    ['SESSION_TTL_HOURS', '-2'],
    ['API_TOKEN_TTL_DAYS', 'thirty'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '1.5'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '100001'],
  ])('%s=%j is refused, naming the variable', (name, value) => {
    expect(configErrorOf({ [name]: value }).message).toContain(`  - ${name}: `);
  });

  it('DATABASE_URL must be a postgresql:// URL (the message says so)', () => {
    expect(configErrorOf({ DATABASE_URL: 'mysql://x' }).message).toContain(
      'DATABASE_URL: doit être une URL postgresql://',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://x' }).DATABASE_URL).toBe('postgresql://x');
    expect(loadConfig({ DATABASE_URL: 'postgres://x' }).DATABASE_URL).toBe('postgres://x');
  });

  it('TEMPORAL_ADDRESS must be host:port (the message says so)', () => {
    expect(configErrorOf({ TEMPORAL_ADDRESS: 'localhost' }).message).toContain(
      'TEMPORAL_ADDRESS: doit être de la forme hôte:port',
    );
  });

  it.each(['short', 'elevenchars', 'a'.repeat(11)])(
    'an ADMIN_PASSWORD shorter than 12 characters is refused: %j',
    (password) => {
      expect(configErrorOf({ ADMIN_PASSWORD: password }).message).toContain('ADMIN_PASSWORD: au moins 12 caractères');
      expect(configErrorOf({ ...PRODUCTION, ADMIN_PASSWORD: password }).message).toContain(
        'ADMIN_PASSWORD: au moins 12 caractères',
      );
    },
  );

  it('an ADMIN_PASSWORD of exactly 12 characters is accepted', () => {
    expect(loadConfig({ ADMIN_PASSWORD: 'a'.repeat(12) }).ADMIN_PASSWORD).toBe('a'.repeat(12));
  });

  it('several wrong variables are all reported at once', () => {
    const message = configErrorOf({ PORT: 'abc', LOG_LEVEL: 'loud', ADMIN_PASSWORD: 'short' }).message;
    expect(message).toContain('  - PORT: ');
    expect(message).toContain('  - LOG_LEVEL: ');
    expect(message).toContain('  - ADMIN_PASSWORD: ');
  });
});

describe('loadConfig — production', () => {
  it('the sandbox is refused in production (docs/rules.md §12), accepted elsewhere', () => {
    expect(configErrorOf({ ...PRODUCTION, SANDBOX: 'true' }).message).toContain(
      '  - SANDBOX: le bac à sable est interdit en production',
    );
    expect(loadConfig({ SANDBOX: 'true' }).SANDBOX).toBe(true);
  });

  it('a complete production environment is accepted and nothing is defaulted for the required values', () => {
    const config = loadConfig({ ...PRODUCTION });
    expect(config).toMatchObject(PRODUCTION);
    expect(config.ADMIN_PASSWORD).not.toBe(DEFAULT_ADMIN_PASSWORD);
  });

  it.each(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'SMTP_HOST'] as const)(
    'production without %s is refused, naming it',
    (name) => {
      const env: NodeJS.ProcessEnv = { ...PRODUCTION };
      delete env[name];
      const message = configErrorOf(env).message;
      expect(message).toContain(`  - ${name}: obligatoire en production`);
      for (const other of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'SMTP_HOST'].filter(
        (n) => n !== name,
      )) {
        expect(message).not.toContain(other);
      }
    },
  );

  it('production with none of the required variables names all five', () => {
    const message = configErrorOf({ NODE_ENV: 'production' }).message;
    for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'SMTP_HOST']) {
      expect(message).toContain(`  - ${name}: obligatoire en production`);
    }
  });

  it.each(['development', 'test'])('in %s the five production variables are optional', (nodeEnv) => {
    expect(() => loadConfig({ NODE_ENV: nodeEnv })).not.toThrow();
  });
});

describe('loadConfig — e-mail', () => {
  it('defaults: port 587, no TLS, the platform as sender, the mail catcher on 2525', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ SMTP_PORT: 587, SMTP_SECURE: false, MAIL_CATCHER_PORT: 2525 });
    expect(config.MAIL_FROM).toContain("Plateforme de l'inclusion");
  });

  it('SMTP_SECURE takes true or false only', () => {
    expect(loadConfig({ SMTP_SECURE: 'true' }).SMTP_SECURE).toBe(true);
    expect(configErrorOf({ SMTP_SECURE: 'oui' }).message).toContain('SMTP_SECURE');
  });

  it('SMTP_USER without SMTP_PASSWORD is refused', () => {
    expect(configErrorOf({ SMTP_USER: 'u' }).message).toContain('SMTP_PASSWORD: obligatoire avec SMTP_USER');
  });
});

describe('loadConfigOrExit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns the configuration when it is valid', () => {
    expect(loadConfigOrExit({ PORT: '4000' }).PORT).toBe(4000);
  });

  it('prints the problem and stops the process instead of throwing a stack trace', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    expect(() => loadConfigOrExit({ PORT: 'abc' })).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toContain('PORT');
  });
});
