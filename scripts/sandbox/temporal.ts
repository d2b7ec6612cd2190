// The sandbox's Temporal: the time-skipping test server, found like the other binaries, on a
// port free right now — a server left over on a fixed port would otherwise be taken for ours
// (with the workflows and the date of an earlier run).
import { startTimeSkippingServer } from '../../server/sandbox/test-server.ts';
import { freePort } from '../../server/free-port.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';

export async function startSandboxTemporal(say: (message: string) => void) {
  const binary = temporalBinaries().testServer;
  if (!binary)
    throw new Error('Serveur Temporal de test introuvable : lancez « bash scripts/setup/temporal-binaries.sh ».');
  say('Serveur Temporal à saut de temps (bac à sable)…');
  return startTimeSkippingServer({ binary, port: await freePort() });
}
