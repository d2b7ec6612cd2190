// A dependency that is down (PostgreSQL restarting, Temporal unreachable) is not a bug of ours:
// the API answers 503 with the error shape, and the client may retry (docs/decisions/014-faults.md).
// Recognised from the errors the drivers raise, whatever wraps them (Prisma, the pg adapter,
// the Temporal client), by walking the `cause` chain.

/** Prisma's codes for "cannot reach / lost the server / pool exhausted". */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** @prisma/adapter-pg's kinds for socket and capacity failures. */
const ADAPTER_UNAVAILABLE = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** Node socket errors. */
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
/** PostgreSQL SQLSTATE: connection exceptions (08…), shutdown in progress (57P01–57P03), too many connections. */
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** gRPC status codes the Temporal client reports: UNAVAILABLE, DEADLINE_EXCEEDED. */
const GRPC_UNAVAILABLE = new Set([14, 4]);

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
  cause?: unknown;
}

function matches(error: ErrorLike): boolean {
  const { code, kind, originalCode } = error;
  if (typeof code === 'string' && (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code))) return true;
  if (typeof code === 'string' && SQLSTATE_UNAVAILABLE.test(code)) return true;
  if (typeof code === 'number' && GRPC_UNAVAILABLE.has(code)) return true;
  if (typeof kind === 'string' && ADAPTER_UNAVAILABLE.has(kind)) return true;
  if (typeof originalCode === 'string' && SQLSTATE_UNAVAILABLE.test(originalCode)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  // The last two are capacity, not bugs: node-postgres's pool waited too long for a connection,
  // or Prisma could not start a transaction within its wait (P2028).
  return /Can't reach database server|Connection terminated|terminating connection due to administrator command|timeout exceeded when trying to connect|Unable to start a transaction in the given time/.test(
    message,
  );
}

export function isDependencyUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as ErrorLike;
    if (matches(candidate)) return true;
    queue.push(candidate.cause, candidate.meta?.driverAdapterError?.cause);
  }
  return false;
}
