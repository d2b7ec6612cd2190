// `npm run sandbox`: the whole platform on a controlled clock (docs/rules.md §12), on
// Temporal's time-skipping test server, with its own data directory, emptied at each start
// (the test server keeps its workflows in memory: an old database would point at none).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.NODE_ENV === 'production') {
  console.error('Le bac à sable ne démarre jamais en production (NODE_ENV=production).');
  process.exit(1);
}
if (process.env.DATABASE_URL || process.env.TEMPORAL_ADDRESS) {
  console.error('Le bac à sable utilise ses propres serveurs : retirez DATABASE_URL et TEMPORAL_ADDRESS.');
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
process.env.SANDBOX = 'true';
process.env.DATA_DIR ||= '.data/sandbox';
process.env.EMBEDDED_DB_PORT ||= '5434';
rmSync(path.resolve(root, process.env.DATA_DIR, 'postgres'), { recursive: true, force: true });
await import('./platform.ts');
