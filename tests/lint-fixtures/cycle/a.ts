// Half of an import cycle, for tests/repository/lint-rules.test.ts (ignored by the main lint).
import { b } from './b.ts';

export const a = (): string => `a${b()}`;
