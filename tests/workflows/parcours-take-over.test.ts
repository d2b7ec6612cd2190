// A PASS taken over from the former service (docs/decisions/025-take-over-import.md), on the
// time-skipping test server: the workflow starts from its history-derived state, projects
// nothing at start (the import projects in batches), and its reminders and expiry fall on the
// days that history gives; updates work on it like on any parcours. Then its history is recorded.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { takeOverParcours } from '../../domain/pass/take-over.ts';
import type { ProjectParcoursInput } from '../../workflows/parcours/activities.ts';
import {
  parcoursStateQuery,
  parcoursWorkflowId,
  suspendUpdate,
  type ParcoursInput,
} from '../../workflows/parcours/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases({ server: 'case' });
const employerId = randomUUID();

describe('a parcours taken over', () => {
  it('starts from its history: no issuance, end date with the suspension and the prolongation, reminders 30 and 7 then expiry; a suspension moves it', async () => {
    const projections: ProjectParcoursInput[] = [];
    const c = await cases.startCase('parcours', {
      projectParcours: async (input: ProjectParcoursInput) => void projections.push(input),
      anonymizePerson: async () => 'kept' as const,
    });
    const today = await c.today();
    // Started 700 days ago, suspended 40 days, prolonged by 20 days: 730 + 40 + 20 − 700 − 1 = 89 days left.
    const start = addDays(today, -700);
    const passNumber = `99999${String(Math.floor(Math.random() * 9e6) + 1).padStart(7, '0')}`;
    const suspension = { start: addDays(start, 100), end: addDays(start, 139), reason: 'CONTRAT_ROMPU' as const };
    const baseEnd = addDays(start, 729 + 40);
    const state = takeOverParcours(
      {
        passNumber,
        start,
        suspensions: [suspension],
        prolongations: [{ end: addDays(baseEnd, 20), reason: 'FIN_FORMATION' }],
      },
      { personId: randomUUID(), employerId, employerKind: 'ACI', today },
    );
    const input: ParcoursInput = {
      passNumber,
      personId: state.personId,
      hire: state.hires[0]!,
      takenOver: { state },
    };
    const handle = await c.start('parcours', { workflowId: parcoursWorkflowId(passNumber), args: [input] });
    const view = await handle.query(parcoursStateQuery, today);
    const end = addDays(baseEnd, 20);
    expect(view.end).toBe(end);
    expect(view.version).toBe(1);
    expect(view.remainingDays).toBe(89 + 1);
    expect(view.remindedThresholds).toEqual([90]);
    expect(projections).toEqual([]);

    // The 30-day reminder at the start of end − 30, the 7-day one at end − 7, not before.
    await c.sleepUntilDay(addDays(end, -30), -60_000);
    expect(projections).toEqual([]);
    await c.env.sleep(120_000);
    expect(projections.map((p) => p.action)).toEqual(['parcours.endReminder']);
    expect(projections[0]!.view.version).toBe(2);

    // An update works on a taken-over parcours: a 10-day suspension from today pushes the end.
    const suspended = await handle.executeUpdate(suspendUpdate, {
      args: [
        {
          userId: randomUUID(),
          organizationId: employerId,
          employerId,
          start: await c.today(),
          end: addDays(await c.today(), 9),
          reason: 'CONTRAT_ROMPU',
        },
      ],
    });
    expect(suspended.end).toBe(addDays(end, 10));

    await c.sleepUntilDay(addDays(end, 11), 60_000);
    // The suspension put the end 40 days away again: the 30-day band is re-armed (decision 006), then 7, then expiry.
    expect(projections.map((p) => [p.action, p.view.today])).toEqual([
      ['parcours.endReminder', addDays(end, -30)],
      ['parcours.suspend', addDays(end, -30)],
      ['parcours.endReminder', addDays(end, 10 - 30)],
      ['parcours.endReminder', addDays(end, 10 - 7)],
      ['parcours.expiry', addDays(end, 11)],
    ]);
    expect((await handle.query(parcoursStateQuery, await c.today())).status).toBe('expired');
    await cases.recordHistory(handle, 'parcours-taken-over');
    await c.stop();
  });
});
