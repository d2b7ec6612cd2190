// The accreditation workflow's timers over months, on the time-skipping test server (docs/rules.md §7).
// Activities are recorded in memory here: this proves the workflow's timing alone; the
// projection into PostgreSQL is proven by tests/integration/accreditation-*.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, startOfParisDay } from '../../domain/dates.ts';
import type { ProjectAccreditationInput } from '../../workflows/accreditation/activities.ts';
import {
  accreditationStateQuery,
  accreditationWorkflowId,
  approveUpdate,
  requestInformationUpdate,
  respondUpdate,
  type AccreditationInput,
} from '../../workflows/accreditation/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const actor = { userId: randomUUID(), organizationId: randomUUID() };
const cases = useWorkflowCases();

/** A worker whose projection activity records what it was asked to write. */
async function startCase() {
  const projections: ProjectAccreditationInput[] = [];
  const c = await cases.startCase('accreditation', {
    projectAccreditation: async (input: ProjectAccreditationInput) => void projections.push(input),
  });
  const input: AccreditationInput = {
    requestId: randomUUID(),
    organizationId: actor.organizationId,
    departement: '93',
    justification: 'Accompagnement de 200 personnes par an.',
    reference: 'Arrêté 2026-114',
    submittedByUserId: actor.userId,
  };
  const handle = await c.start('accreditation', {
    workflowId: accreditationWorkflowId(input.requestId),
    args: [input],
  });
  const submittedOn = await c.today();
  const actions = () => projections.map((p) => p.action.replace('accreditation.', ''));
  return { ...c, handle, projections, actions, submittedOn };
}

const days = (n: number) => `${n} days`;

describe('accreditation deadlines', () => {
  it('reminds the prefecture once, at the start of the 7th day (Paris) without a decision', async () => {
    const c = await startCase();
    const reminderAt = startOfParisDay(addDays(c.submittedOn, 7));
    await c.env.sleep(reminderAt - (await c.env.currentTimeMs()) - 60_000);
    expect(c.actions()).toEqual(['submit']);
    await c.env.sleep(120_000);
    expect(c.actions()).toEqual(['submit', 'prefectureReminder']);
    const reminder = c.projections[1]!;
    expect(reminder.view.events.at(-1)).toEqual({
      on: addDays(c.submittedOn, 7),
      action: 'prefectureReminder',
      state: 'SUBMITTED',
    });
    await c.env.sleep(days(15));
    expect(c.actions().filter((a) => a === 'prefectureReminder')).toHaveLength(1);
    await c.stop();
  });

  it('flags the request overdue at day 30 without a decision, once, and keeps it open', async () => {
    const c = await startCase();
    await c.env.sleep(days(29));
    expect((await c.handle.query(accreditationStateQuery)).overdue).toBe(false);
    await c.env.sleep(days(2));
    const view = await c.handle.query(accreditationStateQuery);
    expect(view.overdue).toBe(true);
    expect(view.state).toBe('SUBMITTED');
    expect(view.events.find((e) => e.action === 'overdue')?.on).toBe(addDays(c.submittedOn, 30));
    expect(c.actions()).toEqual(['submit', 'prefectureReminder', 'overdue']);
    await c.env.sleep(days(40));
    expect(c.actions()).toEqual(['submit', 'prefectureReminder', 'overdue']);
    await c.stop();
  });

  it('abandons a request whose information request stays unanswered for 30 days', async () => {
    const c = await startCase();
    await c.env.sleep(days(2));
    const asked = await c.today();
    await c.handle.executeUpdate(requestInformationUpdate, { args: [{ ...actor, message: 'Statuts ?' }] });
    await c.env.sleep(days(29));
    expect((await c.handle.query(accreditationStateQuery)).state).toBe('INFORMATION_REQUESTED');
    await c.env.sleep(days(2));
    const final = await c.handle.result();
    expect(final.state).toBe('ABANDONED');
    expect(final.events.at(-1)).toEqual({ on: addDays(asked, 30), action: 'abandon', state: 'ABANDONED' });
    expect(c.projections.at(-1)?.view.state).toBe('ABANDONED');
    await c.stop();
  });

  it('an answer stops the abandonment clock; a new information request starts a new one', async () => {
    const c = await startCase();
    await c.handle.executeUpdate(requestInformationUpdate, { args: [{ ...actor, message: 'Statuts ?' }] });
    await c.env.sleep(days(20));
    await c.handle.executeUpdate(respondUpdate, { args: [{ ...actor, message: 'Joints.' }] });
    await c.env.sleep(days(20));
    expect((await c.handle.query(accreditationStateQuery)).state).toBe('SUBMITTED');
    await c.handle.executeUpdate(requestInformationUpdate, { args: [{ ...actor, message: 'Budget ?' }] });
    const askedAgain = await c.today();
    await c.env.sleep(days(29));
    expect((await c.handle.query(accreditationStateQuery)).state).toBe('INFORMATION_REQUESTED');
    await c.env.sleep(days(2));
    const final = await c.handle.result();
    expect(final.state).toBe('ABANDONED');
    expect(final.events.at(-1)?.on).toBe(addDays(askedAgain, 30));
    await c.stop();
  });

  it('an approval with an end date reminds the organization 60 days before, then ends the authorization on that date', async () => {
    const c = await startCase();
    await c.env.sleep(days(3));
    const endDate = addDays(await c.today(), 200);
    const approved = await c.handle.executeUpdate(approveUpdate, { args: [{ ...actor, endDate }] });
    expect(approved).toMatchObject({ state: 'APPROVED', endDate });
    // To Paris days, not whole days: a daylight-saving change on the way shifts the hour.
    await c.sleepUntilDay(addDays(endDate, -63), 3_600_000);
    const beforeReminder = c.actions();
    expect(beforeReminder).not.toContain('renewalReminder');
    await c.sleepUntilDay(addDays(endDate, -60), 3_600_000);
    expect(c.actions().filter((a) => a === 'renewalReminder')).toHaveLength(1);
    expect(c.projections.find((p) => p.action === 'accreditation.renewalReminder')?.view.events.at(-1)?.on).toBe(
      addDays(endDate, -60),
    );
    await c.env.sleep(days(70));
    const final = await c.handle.result();
    expect(final.state).toBe('EXPIRED');
    expect(final.events.at(-1)).toEqual({ on: endDate, action: 'expire', state: 'EXPIRED' });
    expect(c.actions().filter((a) => a === 'renewalReminder')).toHaveLength(1);
    await c.stop();
  });

  it('a decision before day 7 means no reminder and no overdue flag ever', async () => {
    const c = await startCase();
    await c.env.sleep(days(3));
    await c.handle.executeUpdate(approveUpdate, { args: [{ ...actor }] });
    await c.env.sleep(days(60));
    expect(c.actions()).toEqual(['submit', 'approve']);
    await c.stop();
  });

  it('a full case (information, answer, approval with end date, expiry) completes and its history replays', async () => {
    const c = await startCase();
    await c.handle.executeUpdate(requestInformationUpdate, { args: [{ ...actor, message: 'Statuts ?' }] });
    await c.env.sleep(days(8));
    await c.handle.executeUpdate(respondUpdate, { args: [{ ...actor, message: 'Joints.' }] });
    await c.handle.executeUpdate(approveUpdate, { args: [{ ...actor, endDate: addDays(await c.today(), 90) }] });
    await c.env.sleep(days(100));
    expect((await c.handle.result()).state).toBe('EXPIRED');
    await cases.recordHistory(c.handle, 'accreditation-approved-then-expired');
    await c.stop();
  });
});
