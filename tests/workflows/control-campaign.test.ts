// A whole control campaign on the time-skipping server (docs/rules.md §8): the default ratio
// after 4 weeks, the recorded draw, and four selected SIAE through their controls until the
// campaign closes. Activities are in memory: this proves the timing and the orchestration;
// the projection into PostgreSQL is proven by tests/integration/controls-api.test.ts.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { drawSiaes } from '../../domain/controls/draw.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import type { ProjectControlCampaignInput } from '../../workflows/control-campaign/activities.ts';
import {
  controlCampaignStateQuery,
  controlCampaignWorkflowId,
  type CampaignControl,
  type ControlCampaignInput,
  type ControlCampaignView,
} from '../../workflows/control-campaign/contract.ts';
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
} from '../../workflows/siae-control/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

type Control = CampaignControl & { handle: WorkflowHandle };

const cases = useWorkflowCases();
const ddets = { userId: randomUUID(), organizationId: randomUUID() };
const siaeStaff = { userId: randomUUID(), organizationId: randomUUID() };
const SEED = 424242;
// 12 eligible SIAE × 30 % = 3.6 → 4 drawn; 10 hires each → a sample of 2.
const eligible = Array.from({ length: 12 }, (_, i) => ({
  siaeId: `00000000-0000-4000-8000-0000000000${String(i + 10)}`,
  hireIds: Array.from({ length: 10 }, (_, j) => `00000000-0000-4000-9000-0000000${String(i + 10)}0${j}`),
  certified: false,
}));

describe('controlCampaign', () => {
  it('defaults the ratio after 4 weeks, draws with its seed, runs four controls and closes', async () => {
    const campaignProjections: ProjectControlCampaignInput[] = [];
    const controlProjections: ProjectSiaeControlInput[] = [];
    const revocations: RevokeSelfPrescriptionRightInput[] = [];
    const c = await cases.startCase('control-campaign', {
      projectControlCampaign: async (input: ProjectControlCampaignInput) => void campaignProjections.push(input),
      drawSeed: async () => SEED,
      eligibleSiaes: async () => eligible,
      projectSiaeControl: async (input: ProjectSiaeControlInput) => void controlProjections.push(input),
      revokeSelfPrescriptionRight: async (input: RevokeSelfPrescriptionRightInput) => void revocations.push(input),
    });
    const input: ControlCampaignInput = {
      campaignId: randomUUID(),
      departement: '93',
      period: { start: '2025-01-01', end: '2025-12-31' },
      openedBy: ddets,
    };
    const handle = await c.start('controlCampaign', {
      workflowId: controlCampaignWorkflowId(input.departement, input.period),
      args: [input],
    });
    const openedOn = await c.today();

    // 4 weeks: D … D + 27 still open, 30 % from the start of D + 28 (docs/rules.md §8).
    await c.sleepUntilDay(addDays(openedOn, 28), -3_600_000);
    expect((await handle.query(controlCampaignStateQuery)).state).toBe('open');
    await c.sleepUntilDay(addDays(openedOn, 28), 3_600_000);
    const running = await handle.query(controlCampaignStateQuery);
    expect(running).toMatchObject({ state: 'running', ratio: 30, ratioChosen: false, eligibleCount: 12 });
    expect(running.draw).toEqual(drawSiaes(eligible, 30, SEED));
    expect(running.controls).toHaveLength(4);
    expect(running.controls.every((control) => control.applicationIds.length === 2)).toBe(true);
    expect(campaignProjections.map((p) => p.action)).toEqual([
      'controlCampaign.open',
      'controlCampaign.defaultRatio',
      'controlCampaign.draw',
    ]);

    const d0 = await c.today();
    const [silent, good, corrected, failing] = running.controls.map((control): Control => {
      const h = c.env.client.workflow.getHandle(siaeControlWorkflowId(control.controlId));
      c.track(h);
      return { ...control, handle: h };
    });
    const upd = <R, A>(control: Control, def: UpdateDefinition<R, [A]>, arg: A) =>
      control.handle.executeUpdate(def, { args: [arg] });
    async function submitAll(control: Control) {
      for (const applicationId of control.applicationIds) {
        await upd(control, chooseCriteriaUpdate, { ...siaeStaff, applicationId, criteria: ['RSA'] });
        await upd(control, uploadProofUpdate, { ...siaeStaff, applicationId, criterion: 'RSA', proofId: randomUUID() });
      }
      await upd(control, submitProofsUpdate, siaeStaff);
    }
    async function reviewAll(control: Control, verdict: 'accept' | 'refuse') {
      for (const applicationId of control.applicationIds) {
        const [criterion] = (await control.handle.query(siaeControlStateQuery)).hires.find(
          (h) => h.applicationId === applicationId,
        )!.criteria;
        if (criterion?.state !== 'submitted') continue;
        await upd(control, reviewUpdate, {
          ...ddets,
          applicationId,
          criterion: 'RSA',
          verdict,
          comment: verdict === 'refuse' ? 'Attestation illisible.' : null,
        });
      }
    }

    // good: accepted at the first review.
    await submitAll(good!);
    await reviewAll(good!, 'accept');
    expect((await good!.handle.query(siaeControlStateQuery)).decision?.outcome).toBe('accepted');

    // corrected: refused at the first review, accepted in the adversarial phase.
    await submitAll(corrected!);
    await reviewAll(corrected!, 'refuse');
    expect((await corrected!.handle.query(siaeControlStateQuery)).stage).toBe('adversarial');
    for (const applicationId of corrected!.applicationIds) {
      await upd(corrected!, uploadProofUpdate, {
        ...siaeStaff,
        applicationId,
        criterion: 'RSA',
        proofId: randomUUID(),
      });
    }
    await upd(corrected!, submitProofsUpdate, siaeStaff);
    await reviewAll(corrected!, 'accept');
    expect((await corrected!.handle.query(siaeControlStateQuery)).decision?.outcome).toBe('accepted');

    // failing: submits, but the DDETS reviews late (one reminder at deadline + 7).
    await submitAll(failing!);

    // silent: nothing submitted. Refused at 6 weeks (docs/rules.md §8), which opens the adversarial phase.
    await c.sleepUntilDay(addDays(d0, 42), 3_600_000);
    const silentAt42 = await silent!.handle.query(siaeControlStateQuery);
    expect(silentAt42).toMatchObject({ state: 'refused', stage: 'adversarial', phaseStartedOn: addDays(d0, 42) });

    await c.sleepUntilDay(addDays(d0, 50), 3_600_000);
    await reviewAll(failing!, 'refuse');
    expect((await failing!.handle.query(siaeControlStateQuery)).stage).toBe('adversarial');
    for (const applicationId of failing!.applicationIds) {
      await upd(failing!, uploadProofUpdate, { ...siaeStaff, applicationId, criterion: 'RSA', proofId: randomUUID() });
    }
    await upd(failing!, submitProofsUpdate, siaeStaff);
    await reviewAll(failing!, 'refuse');
    const failed = await failing!.handle.query(siaeControlStateQuery);
    expect(failed).toMatchObject({ stage: 'awaiting_decision', state: 'refused_2' });
    const notifiedOn = await c.today();
    const from = addMonths(notifiedOn, 1);
    await expect(
      upd(failing!, decideUpdate, {
        ...ddets,
        reason: 'invalid_proof',
        sanctions: [{ kind: 'temporary_revocation', from: addDays(notifiedOn, 3), until: addDays(from, 90) }],
      }),
    ).rejects.toThrow();
    await upd(failing!, decideUpdate, {
      ...ddets,
      reason: 'invalid_proof',
      sanctions: [{ kind: 'temporary_revocation', from, until: addDays(from, 90) }, { kind: 'information_session' }],
    });
    expect(revocations).toEqual([
      expect.objectContaining({ employerId: failing!.employerId, controlId: failing!.controlId, notifiedOn }),
    ]);

    // silent: refused for delay at the adversarial deadline (42 + 42), then sanctioned.
    await c.sleepUntilDay(addDays(d0, 84), 3_600_000);
    const silentAt84 = await silent!.handle.query(siaeControlStateQuery);
    expect(silentAt84).toMatchObject({ stage: 'awaiting_decision', forcedReason: 'delay' });
    await upd(silent!, decideUpdate, { ...ddets, reason: 'delay', sanctions: [{ kind: 'information_session' }] });

    const final = (await handle.result()) as ControlCampaignView;
    expect(final.state).toBe('closed');
    expect(final.controls.map((control) => control.outcome)).toEqual(['refused', 'accepted', 'accepted', 'refused']);

    // Each reminder delivered once: per control, per phase.
    const reminders = controlProjections
      .filter((p) => p.action.endsWith('Reminder'))
      .map((p) => `${p.view.controlId}:${p.action}:${p.view.phase}`);
    expect(new Set(reminders).size).toBe(reminders.length);
    const remindersOf = (controlId: string) =>
      controlProjections.filter((p) => p.view.controlId === controlId && p.action.endsWith('Reminder'));
    expect(
      remindersOf(silent!.controlId).map((p) => [p.action, p.view.lastDdetsReminderOn ?? p.view.phaseStartedOn]),
    ).toEqual([
      ['siaeControl.siaeReminder', d0],
      ['siaeControl.siaeReminder', addDays(d0, 42)],
    ]);
    expect(remindersOf(failing!.controlId).map((p) => [p.action, p.view.lastDdetsReminderOn])).toEqual([
      ['siaeControl.ddetsReminder', addDays(d0, 49)],
    ]);
    expect(remindersOf(good!.controlId)).toEqual([]);
    await cases.recordHistory(handle, 'control-campaign-whole');
    await c.stop();
  });
});
