// One SIAE's control on the time-skipping server (docs/rules.md §8), started alone as a DDETS
// spot check: the refusals of its updates, the reminder at day 30, the deadlines.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import type {
  ProjectSiaeControlInput,
  RevokeSelfPrescriptionRightInput,
} from '../../workflows/siae-control/activities.ts';
import {
  chooseCriteriaUpdate,
  decideUpdate,
  reviewUpdate,
  siaeControlStateQuery,
  siaeControlWorkflowId,
  submitProofsUpdate,
  uploadProofUpdate,
  type SiaeControlInput,
} from '../../workflows/siae-control/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases();
const ddets = { userId: randomUUID(), organizationId: randomUUID() };
const staff = { userId: randomUUID(), organizationId: randomUUID() };

async function startSpotCheck() {
  const projections: ProjectSiaeControlInput[] = [];
  const c = await cases.startCase('siae-control', {
    projectSiaeControl: async (input: ProjectSiaeControlInput) => void projections.push(input),
    revokeSelfPrescriptionRight: async (_: RevokeSelfPrescriptionRightInput) => undefined,
  });
  const input: SiaeControlInput = {
    controlId: randomUUID(),
    kind: 'SPOT_CHECK',
    campaignId: null,
    campaignWorkflowId: null,
    employerId: randomUUID(),
    departement: '93',
    applicationIds: [randomUUID()],
    sample: null,
    startedBy: ddets,
  };
  const handle = await c.start('siaeControl', { workflowId: siaeControlWorkflowId(input.controlId), args: [input] });
  const startedOn = await c.today();
  const applicationId = input.applicationIds[0]!;
  const actions = () => projections.map((p) => p.action.replace('siaeControl.', ''));
  return { ...c, handle, startedOn, applicationId, actions };
}

describe('siaeControl', () => {
  it('refuses out-of-order actions in French; a re-upload before submission replaces the proof', async () => {
    const c = await startSpotCheck();
    await expect(c.handle.executeUpdate(submitProofsUpdate, { args: [staff] })).rejects.toThrow();
    await c.handle.executeUpdate(chooseCriteriaUpdate, {
      args: [{ ...staff, applicationId: c.applicationId, criteria: ['RSA'] }],
    });
    const first = randomUUID();
    const second = randomUUID();
    for (const proofId of [first, second]) {
      await c.handle.executeUpdate(uploadProofUpdate, {
        args: [{ ...staff, applicationId: c.applicationId, criterion: 'RSA', proofId }],
      });
    }
    const view = await c.handle.executeUpdate(submitProofsUpdate, { args: [staff] });
    expect(view.hires[0]!.criteria).toEqual([{ criterion: 'RSA', state: 'submitted', proofId: second, comment: null }]);
    const review = { ...ddets, applicationId: c.applicationId, criterion: 'RSA', verdict: 'refuse' as const };
    const failure = await c.handle.executeUpdate(reviewUpdate, { args: [review] }).catch((e: Error) => e);
    expect((failure as { cause?: Error }).cause?.message).toBe(
      'Un commentaire est obligatoire pour refuser un justificatif.',
    );
    await c.stop();
  });

  it('reminds the SIAE once on day 30, refuses what was missing at day 42, then for delay at the adversarial deadline', async () => {
    const c = await startSpotCheck();
    await c.sleepUntilDay(addDays(c.startedOn, 30), -3_600_000);
    expect(c.actions()).toEqual(['start']);
    await c.sleepUntilDay(addDays(c.startedOn, 30), 3_600_000);
    expect(c.actions()).toEqual(['start', 'siaeReminder']);
    await c.sleepUntilDay(addDays(c.startedOn, 42), 3_600_000);
    expect(c.actions()).toEqual(['start', 'siaeReminder', 'phaseDeadline', 'adversarial']);
    const adversarial = await c.handle.query(siaeControlStateQuery);
    expect(adversarial).toMatchObject({
      stage: 'adversarial',
      state: 'refused',
      phaseDeadline: addDays(c.startedOn, 84),
    });
    await c.sleepUntilDay(addDays(c.startedOn, 84), 3_600_000);
    expect(c.actions()).toEqual([
      'start',
      'siaeReminder',
      'phaseDeadline',
      'adversarial',
      'siaeReminder',
      'phaseDeadline',
    ]);
    await expect(
      c.handle.executeUpdate(decideUpdate, {
        args: [{ ...ddets, reason: 'other', sanctions: [{ kind: 'information_session' }] }],
      }),
    ).rejects.toThrow();
    await c.handle.executeUpdate(decideUpdate, {
      args: [{ ...ddets, reason: 'delay', sanctions: [{ kind: 'none', reason: 'Première campagne.' }] }],
    });
    const final = await c.handle.result();
    expect(final.decision).toMatchObject({ outcome: 'refused', reason: 'delay', decidedOn: addDays(c.startedOn, 84) });
    await cases.recordHistory(c.handle, 'siae-control-silent-spot-check');
    await c.stop();
  });
});
