// The bare comparison for the day of deadlines of `npm run bench:national`: a workflow that sleeps
// until the start of a Paris day, then runs one activity that writes one notification (through
// the one writer), nothing else: no state, no projection of a PASS, no query handler.
import { proxyActivities, sleep } from '@temporalio/workflow';
import { startOfParisDay, type IsoDate } from '../../domain/dates.ts';

export interface NationalBenchActivities {
  benchNotify(input: { key: string; organizationId: string; at: string }): Promise<void>;
}

const { benchNotify } = proxyActivities<NationalBenchActivities>({ startToCloseTimeout: '30 seconds' });

export async function nationalBenchDeadline(input: {
  key: string;
  organizationId: string;
  on: IsoDate;
}): Promise<void> {
  await sleep(Math.max(startOfParisDay(input.on) - Date.now(), 1));
  await benchNotify({ key: input.key, organizationId: input.organizationId, at: new Date(Date.now()).toISOString() });
}
