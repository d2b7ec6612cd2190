// The bare comparison for `npm run bench:sandbox`: a workflow with the parcours' four timers
// (90, 30 and 7 days before a two-year end, then the end) and no activity.
import { sleep } from '@temporalio/workflow';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function sandboxBenchTimers(): Promise<void> {
  let elapsed = 0;
  for (const day of [639, 699, 722, 730]) {
    await sleep((day - elapsed) * DAY_MS);
    elapsed = day;
  }
}
