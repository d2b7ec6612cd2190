// The time an activity dates its rows with: the workflow's, passed as an ISO instant (docs/rules.md
// §6), so a controlled clock (the sandbox, §12) shows in the audit log and the notifications.
import { systemClock } from '../server/clock.ts';

/**
 * Histories recorded before the workflows passed their time lack it: those activities are dated
 * by the machine's clock, as the database's `now()` dated them before.
 */
export function workflowTime(at: string | undefined): Date {
  return at ? new Date(at) : systemClock.now();
}
