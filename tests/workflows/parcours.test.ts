// A parcours over its two years and beyond, on the time-skipping test server (docs/rules.md §5):
// reminders once each at the start of the right Paris day, suspension and prolongation moving
// the dates and the timers, expiry, waiting period, anonymization; then a replay of its history.
// Activities are recorded in memory: PostgreSQL projection is proven by tests/integration.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../domain/dates.ts';
import type { ProjectParcoursInput } from '../../workflows/parcours/activities.ts';
import {
  cancelUpdate,
  decideProlongationUpdate,
  endSuspensionUpdate,
  hireUpdate,
  parcoursStateQuery,
  parcoursWorkflowId,
  prolongUpdate,
  suspendUpdate,
  type ParcoursInput,
} from '../../workflows/parcours/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

/** One time-skipping server per case: a case left behind by one test cannot hold back another's clock. */
const cases = useWorkflowCases({ server: 'case' });
const employerId = randomUUID();
const otherEmployerId = randomUUID();
const prescriberId = randomUUID();
const by = { userId: randomUUID(), organizationId: employerId };

/** Business refusals reach the caller as the update failure's cause, with the French message. */
async function expectRefusal(promise: Promise<unknown>, message: RegExp) {
  await expect(promise).rejects.toMatchObject({ cause: { message: expect.stringMatching(message) } });
}

let sequence = 0;
async function startParcours(startInDays = 0) {
  const projections: ProjectParcoursInput[] = [];
  const anonymizations: string[] = [];
  const c = await cases.startCase('parcours', {
    projectParcours: async (input: ProjectParcoursInput) => void projections.push(input),
    anonymizePerson: async ({ personId }: { personId: string }) => {
      anonymizations.push(personId);
      return 'anonymized' as const;
    },
  });
  const passNumber = `99999${String(++sequence + Math.floor(Math.random() * 1e6)).padStart(7, '0')}`;
  const input: ParcoursInput = {
    passNumber,
    personId: randomUUID(),
    hire: { employerId, employerKind: 'ACI', start: addDays(await c.today(), startInDays) },
  };
  const handle = await c.start('parcours', { workflowId: parcoursWorkflowId(passNumber), args: [input] });
  const query = async () => handle.query(parcoursStateQuery, await c.today());
  const notices = () => projections.flatMap((p) => p.notices.map((n) => n.subject));
  const actions = () => projections.map((p) => p.action.replace('parcours.', ''));
  return { ...c, handle, input, projections, anonymizations, query, notices, actions };
}

describe('the parcours workflow', () => {
  it('issues a PASS valid 730 days, end date inclusive', async () => {
    const p = await startParcours();
    const view = await p.query();
    expect(view.start).toBe(p.input.hire.start);
    expect(view.end).toBe(addDays(p.input.hire.start, 729));
    expect(view.status).toBe('valid');
    expect(view.remainingDays).toBe(730);
    expect(p.actions()).toEqual(['issue']);
    await p.stop();
  });

  it('two years: suspension moves the end, reminders 90/30/7 once each at the start of the day, prolongation re-arms them, expiry at the end of the end date, waiting period, anonymization', async () => {
    const p = await startParcours();
    const start = p.input.hire.start;

    // Day 100: the contract is broken for 30 days (today included): the clock stops.
    await p.sleepUntilDay(addDays(start, 100), 3_600_000);
    const suspended = await p.handle.executeUpdate(suspendUpdate, {
      args: [{ ...by, employerId, start: await p.today(), end: addDays(await p.today(), 29), reason: 'CONTRAT_ROMPU' }],
    });
    expect(suspended.status).toBe('suspended');
    expect(suspended.end).toBe(addDays(start, 729 + 30));
    const end = suspended.end;

    // The 90-day reminder fires at 00:00 Paris on end − 90, not a minute earlier.
    await p.sleepUntilDay(addDays(end, -90), -60_000);
    expect(p.notices().filter((s) => s.includes('prend fin'))).toEqual([]);
    await p.env.sleep(120_000);
    expect(p.notices().filter((s) => s.includes('prend fin'))).toEqual([
      `Le PASS IAE ${p.input.passNumber} prend fin dans 90 jours`,
    ]);
    expect((await p.query()).status).toBe('valid');

    await p.sleepUntilDay(addDays(end, -30), 60_000);
    expect(p.actions().filter((a) => a === 'endReminder')).toHaveLength(2);

    // A training ends after the planned end: the employer declares a 100-day prolongation.
    const prolonged = await p.handle.executeUpdate(prolongUpdate, {
      args: [{ ...by, employerId, reason: 'FIN_FORMATION', endDate: addDays(end, 100) }],
    });
    expect(prolonged.end).toBe(addDays(end, 100));
    expect(prolonged.prolongations).toHaveLength(1);
    const newEnd = prolonged.end;

    // Last day of the PASS, 23:59 Paris: still valid; one minute later it has expired.
    await p.sleepUntilDay(addDays(newEnd, 1), -60_000);
    const lastMinute = await p.query();
    expect(lastMinute.status).toBe('valid');
    expect(lastMinute.expired).toBe(false);
    await p.env.sleep(120_000);
    const expired = await p.query();
    expect(expired.expired).toBe(true);
    expect(expired.status).toBe('expired');
    expect(expired.remainingDays).toBe(0);
    expect(expired.events.find((e) => e.kind === 'expired')?.on).toBe(addDays(newEnd, 1));
    // 90 and 30 before the first end, then 90, 30 and 7 before the new one: once each.
    expect(expired.events.filter((e) => e.kind === 'endReminder').map((e) => e.detail)).toEqual([
      '90',
      '30',
      '90',
      '30',
      '7',
    ]);
    expect(expired.events.filter((e) => e.kind === 'endReminder').map((e) => e.on)).toEqual([
      addDays(end, -90),
      addDays(end, -30),
      addDays(newEnd, -90),
      addDays(newEnd, -30),
      addDays(newEnd, -7),
    ]);

    // Two years later: waiting period over, then the person's data is anonymized and the workflow ends.
    await p.sleepUntilDay(addDays(addDays(newEnd, 1), 740));
    const final = await p.handle.result();
    expect(final.waitingPeriodEnded).toBe(true);
    expect(final.anonymized).toBe(true);
    expect(p.anonymizations).toEqual([p.input.personId]);
    expect(p.actions().slice(-2)).toEqual(['waitingPeriodEnd', 'anonymization']);

    await cases.recordHistory(p.handle, 'parcours-two-years-local-projection');
    await p.stop();
  });

  it('only the employer of the last hire suspends; a new hire ends a suspension the day before', async () => {
    const p = await startParcours();
    await p.env.sleep('10 days');
    const today = await p.today();
    await expectRefusal(
      p.handle.executeUpdate(suspendUpdate, {
        args: [{ ...by, employerId: otherEmployerId, start: today, end: addDays(today, 40), reason: 'CONTRAT_ROMPU' }],
      }),
      /dernière embauche/,
    );
    await p.handle.executeUpdate(suspendUpdate, {
      args: [{ ...by, employerId, start: today, end: addDays(today, 40), reason: 'CONTRAT_ROMPU' }],
    });
    await p.env.sleep('5 days');
    const hireDay = addDays(await p.today(), 1);
    const rehired = await p.handle.executeUpdate(hireUpdate, {
      args: [{ ...by, hire: { employerId: otherEmployerId, employerKind: 'EI', start: hireDay } }],
    });
    expect(rehired.suspensions[0]?.end).toBe(addDays(hireDay, -1));
    expect(rehired.holdingEmployerId).toBe(otherEmployerId);
    expect(rehired.end).toBe(addDays(p.input.hire.start, 729 + 6));
    // Now the first employer may no longer suspend.
    await expectRefusal(
      p.handle.executeUpdate(suspendUpdate, {
        args: [{ ...by, employerId, start: hireDay, end: addDays(hireDay, 20), reason: 'CONTRAT_ROMPU' }],
      }),
      /dernière embauche/,
    );
    await p.stop();
  });

  it('an early end of a suspension gives back the days not suspended', async () => {
    const p = await startParcours();
    await p.env.sleep('20 days');
    const today = await p.today();
    const s = await p.handle.executeUpdate(suspendUpdate, {
      args: [{ ...by, employerId, start: today, end: addDays(today, 59), reason: 'SITUATION_CTA' }],
    });
    expect(s.end).toBe(addDays(p.input.hire.start, 729 + 60));
    await p.env.sleep('9 days');
    const ended = await p.handle.executeUpdate(endSuspensionUpdate, {
      args: [{ ...by, employerId, suspensionId: s.suspensions[0]!.id, endDate: await p.today() }],
    });
    expect(ended.end).toBe(addDays(p.input.hire.start, 729 + 10));
    expect(ended.status).toBe('suspended'); // today is the last suspended day
    await p.stop();
  });

  it('a request to a prescriber is reminded on days 10, 20 and 30 only; granting applies it, and one request at a time', async () => {
    const p = await startParcours();
    await p.sleepUntilDay(addDays(p.input.hire.start, 729 - 100), 60_000);
    const end = (await p.query()).end;
    const requested = await p.handle.executeUpdate(prolongUpdate, {
      args: [{ ...by, employerId, reason: 'RQTH', endDate: addDays(end, 365), prescriberOrganizationId: prescriberId }],
    });
    expect(requested.pendingRequest?.prescriberOrganizationId).toBe(prescriberId);
    expect(requested.end).toBe(end);
    await expectRefusal(
      p.handle.executeUpdate(prolongUpdate, {
        args: [
          { ...by, employerId, reason: 'SENIOR', endDate: addDays(end, 30), prescriberOrganizationId: prescriberId },
        ],
      }),
      /une seule demande à la fois/,
    );
    await p.env.sleep('45 days');
    const reminders = (await p.query()).events
      .filter((e) => e.kind === 'prolongationRequestReminder')
      .map((e) => daysBetween(requested.today, e.on));
    expect(reminders).toEqual([10, 20, 30]);
    await expectRefusal(
      p.handle.executeUpdate(decideProlongationUpdate, {
        args: [
          { ...by, requestId: requested.pendingRequest!.id, decision: 'grant', prescriberOrganizationId: randomUUID() },
        ],
      }),
      /autre organisation/,
    );
    const granted = await p.handle.executeUpdate(decideProlongationUpdate, {
      args: [
        { ...by, requestId: requested.pendingRequest!.id, decision: 'grant', prescriberOrganizationId: prescriberId },
      ],
    });
    expect(granted.end).toBe(addDays(end, 365));
    expect(granted.pendingRequest).toBeNull();
    expect(p.notices()).toContain('Prolongation de PASS IAE accordée');
    await p.stop();
  });

  it('a future PASS can be cancelled before its start, not after', async () => {
    const p = await startParcours(20);
    expect((await p.query()).status).toBe('future');
    const cancelled = await p.handle.executeUpdate(cancelUpdate, { args: [by] });
    expect(cancelled.status).toBe('cancelled');
    const result = await p.handle.result();
    expect(result.cancelled).toBe(true);
    await p.stop();

    const q = await startParcours(0);
    await expectRefusal(q.handle.executeUpdate(cancelUpdate, { args: [by] }), /ne peut plus être annulé/);
    await q.stop();
  });
});
