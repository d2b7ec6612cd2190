// The application workflow's timers and hire, on the time-skipping test server (docs/rules.md §4):
// automatic refusal 60 days and archiving 180 days after the last update, at the start of
// the Paris day; an update moves them; postponed applications wait; a double accept runs one
// hire; a hire elsewhere makes pending applications obsolete. Activities are recorded in
// memory: PostgreSQL and the parcours are proven by tests/integration/applications-hiring.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import type { ApplicationActivities, PlanHireInput } from '../../workflows/application/activities.ts';
import {
  acceptUpdate,
  applicationStateQuery,
  applicationSyncUpdate,
  applicationWorkflowId,
  transitionUpdate,
  type ApplicationInput,
  type ApplicationView,
} from '../../workflows/application/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

/** One time-skipping server per case: a case left behind cannot hold back another's clock. */
const cases = useWorkflowCases({ server: 'case' });
const { recordHistory } = cases;

const employerId = randomUUID();
const by = { userId: randomUUID(), organizationId: employerId };

async function startCase() {
  const projected: ApplicationView[] = [];
  const planned: PlanHireInput[] = [];
  const pending: string[] = [];
  const activities: ApplicationActivities = {
    projectApplication: async ({ view }) => void projected.push(view),
    planHire: async (input) => {
      planned.push(input);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ok: true, plan: { pass: 'new', diagnosisId: 'd' }, passNumber: '999990000123' };
    },
    openParcoursForHire: async () => {},
    hireIntoParcours: async () => ({ ok: true }),
    cancelHireInParcours: async () => ({ ok: true }),
    postponeHireInParcours: async () => ({ ok: true }),
    pendingApplicationsOfPerson: async () => [...pending],
  };
  const c = await cases.startCase('application', activities);
  const personId = randomUUID();
  const send = async () => {
    const input: ApplicationInput = {
      applicationId: randomUUID(),
      personId,
      employerId,
      employerKind: 'ACI',
      jobDescriptionId: null,
      senderOrganizationId: randomUUID(),
      senderUserId: randomUUID(),
      senderKind: 'AUTHORIZED_PRESCRIBER',
      message: null,
    };
    const handle = await c.start('application', {
      workflowId: applicationWorkflowId(input.applicationId),
      args: [input],
    });
    await handle.executeUpdate(applicationSyncUpdate);
    return { handle, input };
  };
  return { ...c, send, projected, planned, pending };
}

describe('the application workflow', () => {
  it('refuses automatically at the start of the 60th day without update, then archives 180 days later', async () => {
    const c = await startCase();
    const { handle } = await c.send();
    const sent = await c.today();
    await c.sleepUntilDay(addDays(sent, 60), -60_000);
    expect((await handle.query(applicationStateQuery)).state).toBe('new');
    await c.env.sleep(120_000);
    const refused = await handle.query(applicationStateQuery);
    expect(refused).toMatchObject({ state: 'refused', refusalReason: 'automatic', lastUpdatedOn: addDays(sent, 60) });
    expect(refused.history.at(-1)).toMatchObject({ transition: 'refuse', from: 'new', actorUserId: null });

    await c.sleepUntilDay(addDays(sent, 240), -60_000);
    expect((await handle.query(applicationStateQuery)).state).toBe('refused');
    await c.env.sleep(120_000);
    expect((await handle.query(applicationStateQuery)).state).toBe('archived');
    expect(await handle.result()).toMatchObject({ state: 'archived' });
    expect(c.projected.map((v) => v.state)).toEqual(['new', 'refused', 'archived']);
    await recordHistory(handle, 'application-refused-then-archived');
    await c.stop();
  });

  it('an update moves the deadline: processed on day 30, refused on day 90', async () => {
    const c = await startCase();
    const { handle } = await c.send();
    const sent = await c.today();
    await c.sleepUntilDay(addDays(sent, 30), 3_600_000);
    await handle.executeUpdate(transitionUpdate, { args: [{ ...by, transition: 'process' }] });
    await c.sleepUntilDay(addDays(sent, 89), 3_600_000);
    expect((await handle.query(applicationStateQuery)).state).toBe('processing');
    await c.sleepUntilDay(addDays(sent, 90), 60_000);
    expect((await handle.query(applicationStateQuery)).state).toBe('refused');
    await c.stop();
  });

  it('a postponed application waits for the employer, however long', async () => {
    const c = await startCase();
    const { handle } = await c.send();
    await handle.executeUpdate(transitionUpdate, { args: [{ ...by, transition: 'postpone' }] });
    await c.env.sleep(400 * 86_400_000);
    expect((await handle.query(applicationStateQuery)).state).toBe('postponed');
    await c.stop();
  });

  it('a double accept runs one hire and both callers get the same PASS; the contract start ends the case', async () => {
    const c = await startCase();
    const { handle } = await c.send();
    const start = addDays(await c.today(), 3);
    const accept = { ...by, hiringStartDate: start, hiringEndDate: null };
    const [a, b] = await Promise.all([
      handle.executeUpdate(acceptUpdate, { args: [accept] }),
      handle.executeUpdate(acceptUpdate, { args: [accept] }),
    ]);
    expect(c.planned).toHaveLength(1);
    expect(a).toMatchObject({ state: 'accepted', passNumber: '999990000123', passPlan: 'new' });
    expect(b.passNumber).toBe(a.passNumber);
    expect(b.version).toBe(a.version);
    await expect(
      handle.executeUpdate(acceptUpdate, { args: [{ ...accept, hiringStartDate: addDays(start, 1) }] }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/à l'état « Acceptée »/) } });
    // Until the contract starts it may be cancelled; from its first day the workflow is done.
    await c.sleepUntilDay(start, 60_000);
    expect(await handle.result()).toMatchObject({ state: 'accepted' });
    await recordHistory(handle, 'application-double-accept');
    await c.stop();
  });

  it("a hire makes the person's other pending applications obsolete; decided ones stay as they are", async () => {
    const c = await startCase();
    const pendingOne = await c.send();
    const refusedOne = await c.send();
    await refusedOne.handle.executeUpdate(transitionUpdate, {
      args: [{ ...by, transition: 'refuse', reason: 'no_position' }],
    });
    const hired = await c.send();
    c.pending.push(pendingOne.input.applicationId, refusedOne.input.applicationId);
    await hired.handle.executeUpdate(acceptUpdate, {
      args: [{ ...by, hiringStartDate: addDays(await c.today(), 1), hiringEndDate: null }],
    });
    for (let i = 0; i < 50 && (await pendingOne.handle.query(applicationStateQuery)).state !== 'obsolete'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const obsolete = await pendingOne.handle.query(applicationStateQuery);
    expect(obsolete.state).toBe('obsolete');
    expect(obsolete.history.at(-1)).toMatchObject({ transition: 'obsolete', reason: hired.input.applicationId });
    expect((await refusedOne.handle.query(applicationStateQuery)).state).toBe('refused');
    await c.stop();
  });

  it('refuses transitions the table forbids, in French, without changing anything', async () => {
    const c = await startCase();
    const { handle } = await c.send();
    await expect(
      handle.executeUpdate(transitionUpdate, { args: [{ ...by, transition: 'archive' }] }),
    ).rejects.toMatchObject({ cause: { message: "Archivage impossible : la candidature est à l'état « Nouvelle »." } });
    await expect(
      handle.executeUpdate(transitionUpdate, { args: [{ ...by, transition: 'refuse' }] }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/motif du refus/) } });
    const view = await handle.query(applicationStateQuery);
    expect(view).toMatchObject({ state: 'new', version: 1 });
    await c.stop();
  });
});
