import type { Config } from './config.ts';

/** The server and the worker need both addresses; `npm start` provides them when it runs embedded services. */
export function requireRuntimeAddresses(config: Config): { databaseUrl: string; temporalAddress: string } {
  const missing = (['DATABASE_URL', 'TEMPORAL_ADDRESS'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    console.error(
      `Configuration invalide : ${missing.join(', ')} manquant(s). Lancez la plateforme avec « npm start », qui les fournit.`,
    );
    process.exit(1);
  }
  return { databaseUrl: config.DATABASE_URL!, temporalAddress: config.TEMPORAL_ADDRESS! };
}
