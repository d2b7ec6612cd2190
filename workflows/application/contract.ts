// The application workflow's message contract (one workflow per job application), shared by
// the workflow, the worker and the API. See docs/decisions/009-applications-and-hiring.md.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ApplicationSenderKind,
  ApplicationState,
  ApplicationTransitionName,
  RefusalReason,
} from '../../domain/applications.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';
import type { HirePlan } from '../../domain/hiring.ts';
import type { EmployerKind } from '../../domain/organizations.ts';

export const APPLICATION_WORKFLOW_TYPE = 'application';

/** The application's UUID only: no personal data in workflow ids (docs/rules.md §11). */
export function applicationWorkflowId(applicationId: string): string {
  return `application-${applicationId}`;
}

export type ApplicationSender = ApplicationSenderKind;

export interface ApplicationInput {
  applicationId: string;
  personId: string;
  employerId: string;
  employerKind: EmployerKind;
  jobDescriptionId: string | null;
  senderOrganizationId: string;
  senderUserId: string;
  senderKind: ApplicationSender;
  message: string | null;
  /** Set when the workflow continues as new: the state carried over. */
  resumed?: { view: ApplicationView };
}

export interface ApplicationHistoryEntry {
  /** Workflow time of the transition, ISO 8601. */
  at: string;
  transition: ApplicationTransitionName | 'send' | 'postponeHire';
  from: ApplicationState | null;
  to: ApplicationState;
  actorUserId: string | null;
  actorOrganizationId: string | null;
  reason: string | null;
}

export interface ApplicationView extends Omit<ApplicationInput, 'resumed'> {
  state: ApplicationState;
  refusalReason: RefusalReason | null;
  refusalMessage: string | null;
  hiringStartDate: IsoDate | null;
  hiringEndDate: IsoDate | null;
  /** The start date first agreed: postponements add up to 30 days at most after it. */
  firstHiringStartDate?: IsoDate | null;
  /** What the hire did to the PASS IAE; null before any hire. */
  passPlan: HirePlan['pass'] | null;
  passNumber: string | null;
  /** Paris day of the last update: the 60- and 180-day deadlines count from it. */
  lastUpdatedOn: IsoDate;
  /** Increases with every change; the read model keeps only the newest. */
  version: number;
  history: ApplicationHistoryEntry[];
}

export type EmployerTransition = Exclude<ApplicationTransitionName, 'accept' | 'obsolete'>;

export interface TransitionArgs extends ActedBy {
  transition: EmployerTransition;
  /** For a refusal: a reason from the list, and an optional message to the sender. */
  reason?: string;
  message?: string;
}

export interface AcceptArgs extends ActedBy {
  hiringStartDate: IsoDate;
  hiringEndDate: IsoDate | null;
}

export interface PostponeHireArgs extends ActedBy {
  hiringStartDate: IsoDate;
}

export const applicationStateQuery = defineQuery<ApplicationView>('state');
/** Returns once the application is recorded in the read model. */
export const applicationSyncUpdate = defineUpdate<ApplicationView>('sync');
export const transitionUpdate = defineUpdate<ApplicationView, [TransitionArgs]>('transition');
/** Hiring: checks, then the PASS issued or reused through the parcours workflow, then accepted. */
export const acceptUpdate = defineUpdate<ApplicationView, [AcceptArgs]>('accept');
/** The person was hired through another application. */
export const obsoleteSignal = defineSignal<[{ hiredThroughApplicationId: string }]>('obsolete');
/** Postpones the start of an accepted hire (by 30 days at most, before the contract starts). */
export const postponeHireUpdate = defineUpdate<ApplicationView, [PostponeHireArgs]>('postponeHire');
