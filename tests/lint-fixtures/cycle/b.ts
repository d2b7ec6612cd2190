// The other half of the import cycle of a.ts.
import { a } from './a.ts';

export const b = (): string => (Math.random() > 2 ? a() : 'b');
