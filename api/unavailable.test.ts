import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable } from './unavailable.ts';

describe('a dependency that is down is recognised (503), anything else is not', () => {
  it.each([
    ['Prisma cannot reach the server', { code: 'P1001', name: 'PrismaClientKnownRequestError' }],
    [
      'the pg adapter lost its connection',
      { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } },
    ],
    ['PostgreSQL shutting down (57P01)', { code: '57P01', message: 'terminating connection' }],
    ['a refused socket, wrapped', new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } })],
    ['Temporal unavailable (gRPC 14)', new Error('ServiceError', { cause: { code: 14, details: 'connect' } })],
    ['a raw query that cannot connect', { code: 'P2010', message: "Can't reach database server at 127.0.0.1:5433" }],
    ['the connection pool waited too long', new Error('timeout exceeded when trying to connect')],
    [
      'no transaction within its wait (P2028)',
      { code: 'P2028', message: 'Transaction API error: Unable to start a transaction in the given time.' },
    ],
  ])('%s', (_label, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique constraint', { code: 'P2002' }],
    ['a syntax error (42601)', { code: '42601' }],
    ['gRPC NOT_FOUND (5)', { code: 5 }],
    ['a plain bug', new TypeError("Cannot read properties of null (reading 'isActive')")],
    ['nothing', undefined],
  ])('%s', (_label, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });

  it('survives a cause cycle', () => {
    const error: { cause?: unknown } = {};
    error.cause = error;
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
