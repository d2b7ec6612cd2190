// The sandbox's Temporal: the time-skipping test server, found like the other binaries.
import { startTimeSkippingServer } from '../../server/sandbox/test-server.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';

export const SANDBOX_TEMPORAL_PORT = 7234;

export async function startSandboxTemporal(say: (message: string) => void) {
  const binary = temporalBinaries().testServer;
  if (!binary)
    throw new Error('Serveur Temporal de test introuvable : lancez « bash scripts/setup/temporal-binaries.sh ».');
  say('Serveur Temporal à saut de temps (bac à sable)…');
  return startTimeSkippingServer({ binary, port: SANDBOX_TEMPORAL_PORT });
}
