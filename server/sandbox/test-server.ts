// Runs Temporal's time-skipping test server (`temporal-test-server <port>`) as a child process:
// the sandbox's Temporal (docs/rules.md §12). In-memory: its workflows end with the process, and
// so do its search attributes, registered again at each start as the dev server's are.
import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
// A CommonJS package: Node's ESM loader cannot see its named exports (vitest's could).
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { spawnTemporalServer } from '../temporal/dev-server.ts';

const { temporal } = proto;
const INDEXED_VALUE_TYPE: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  TEXT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** The project's search attributes (workflows/search-attributes.ts), without which starting an accreditation workflow fails. */
async function registerSearchAttributes(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        Object.values(SEARCH_ATTRIBUTES).map((key) => [key.name, INDEXED_VALUE_TYPE[key.type]!]),
      ),
    });
  } finally {
    await connection.close();
  }
}

export async function startTimeSkippingServer(options: {
  binary: string;
  port: number;
  namespace?: string;
}): Promise<{ address: string; process: ChildProcess }> {
  const server = await spawnTemporalServer(options.binary, [String(options.port)], options.port);
  try {
    await registerSearchAttributes(server.address, options.namespace ?? 'default');
  } catch (error) {
    server.process.kill('SIGTERM');
    throw error;
  }
  return server;
}
