// The activities the application workflow calls, as it needs them: activities/application.ts
// and activities/hiring.ts implement them (docs/decisions/011-workflow-kit.md).
import type { IsoDate } from '../../domain/dates.ts';
import type { Checked } from '../../domain/errors.ts';
import type { HirePlan } from '../../domain/hiring.ts';
import type { ParcoursHire } from '../../domain/pass/parcours.ts';
import type { ActedBy } from '../contract.ts';
import type { ApplicationHistoryEntry, ApplicationSender, ApplicationView } from './contract.ts';

export interface PlanHireInput {
  /** Workflow time's Paris day: the checks run on it, so a controlled clock applies. */
  today: IsoDate;
  applicationId: string;
  personId: string;
  employerId: string;
  senderKind: ApplicationSender;
  hiringStartDate: IsoDate;
  hiringEndDate: IsoDate | null;
}

/**
 * For a new PASS, `passNumber` is allocated once per application (retries get the same). A
 * business refusal comes back as a value (`{ ok: false, code, message }`, the shape recorded
 * in histories), for the workflow to turn into the update's failure.
 */
export type PlanHireResult = Checked<{ plan: HirePlan; passNumber: string | null }>;

export interface ParcoursHireInput {
  applicationId: string;
  passNumber: string;
  hire: ParcoursHire;
  actedBy: ActedBy;
}

export interface ApplicationActivities {
  projectApplication(input: { view: ApplicationView; entry: ApplicationHistoryEntry }): Promise<void>;
  /** Every check of the hire on the data of the day (docs/rules.md §4); allocates the number of a new PASS. */
  planHire(input: PlanHireInput): Promise<PlanHireResult>;
  /** Starts the parcours of a new PASS (idempotent) and ties the diagnosis to it. */
  openParcoursForHire(input: {
    passNumber: string;
    personId: string;
    hire: ParcoursHire;
    diagnosisId: string;
  }): Promise<void>;
  /** Adds the hire to the person's PASS (idempotent per application and start date). */
  hireIntoParcours(input: ParcoursHireInput): Promise<Checked>;
  /** Cancels the hire in the parcours: the PASS it opened, or its place on a reused one. */
  cancelHireInParcours(input: ParcoursHireInput): Promise<Checked>;
  /** Moves the hire's start in the parcours (and the dates of a PASS it opened). */
  postponeHireInParcours(input: ParcoursHireInput & { newStart: IsoDate }): Promise<Checked>;
  /** Ids of the person's other applications still pending (new, processing, postponed). */
  pendingApplicationsOfPerson(input: { personId: string; exceptApplicationId: string }): Promise<string[]>;
}
