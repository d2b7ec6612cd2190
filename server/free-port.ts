// A TCP port free on the loopback interface right now, for servers a process starts for itself
// (throw-away PostgreSQL and Temporal servers of tests and benchmarks).
import { createServer, type AddressInfo } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A free port below 32768, outside the kernel's ephemeral range: Temporal's production server
 * stores its membership ports in a PostgreSQL smallint (at most 32767).
 */
export async function freeLowPort(from = 20_000, to = 32_000): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = from + Math.floor(Math.random() * (to - from));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}
