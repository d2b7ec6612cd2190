// The caseworker's lists and « Mon espace » counts (docs/rules.md §2, §4, §5, §9): one page of a
// list, its items, and the to-do counts of the workspace. GET /persons, /applications, /passes,
// /prolongation-requests answer pages; GET /workspace answers the counts.
import { z } from 'zod';
import { type APPLICATION_STATES } from '../domain/applications.ts';
import { PASS_STATUSES } from '../domain/pass/status.ts';

/** Page bounds of every list: a page never holds more than `max` rows (docs/rules.md §11). */
export const LIST_PAGE_SIZE = { default: 20, max: 100 } as const;
/** Deep pages are allowed, but not without end. */
export const LIST_PAGE_MAX = 5_000;

/** The page fields every list answers beside its items. */
export const pageFields = {
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
};

/** A list's page of `item`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...pageFields });

/** « se termine dans N jours » filters of the PASS list. */
export const PASS_ENDING_WITHIN = [30, 90] as const;
/** Which PASS the list shows: those still running (default), ended (expired or cancelled), all. */
export const PASS_LIST_SCOPES = ['current', 'ended', 'all'] as const;
export type PassListScope = (typeof PASS_LIST_SCOPES)[number];

export const passListItemSchema = z.object({
  number: z.string(),
  person: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  employer: z.object({ id: z.string(), name: z.string() }),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(PASS_STATUSES),
  remainingDays: z.number().int(),
  endsInDays: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Jours jusqu'à la date de fin (0 : se termine aujourd'hui) ; null une fois terminé" }),
});
export type PassListItem = z.output<typeof passListItemSchema>;
export const passListSchema = pageOf(passListItemSchema);

/** Sort orders of the application list. */
export const APPLICATION_SORTS = ['recent', 'oldest', 'updated'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];
/** Sort orders of the person list. */
export const PERSON_SORTS = ['name', 'recent'] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];
/** Sort orders of the PASS list. */
export const PASS_SORTS = ['end', 'start'] as const;
export type PassSort = (typeof PASS_SORTS)[number];

/** Application states a caseworker still has to act on or wait for. */
export const APPLICATIONS_TO_PROCESS = ['new', 'processing'] as const satisfies (typeof APPLICATION_STATES)[number][];
export const APPLICATIONS_AWAITING_ANSWER = [
  'new',
  'processing',
  'postponed',
] as const satisfies (typeof APPLICATION_STATES)[number][];

/** The days ahead « PASS se terminent dans N jours » counts in « Mon espace ». */
export const WORKSPACE_PASS_ENDING_DAYS = 30;

export const WORKSPACE_COUNT_KEYS = [
  'applicationsToProcess',
  'applicationsAwaitingAnswer',
  'passesEndingSoon',
  'prolongationRequestsToDecide',
  'prolongationRequestsAwaiting',
  'personsFollowed',
  'accreditationRequestsToDecide',
  'controlsToDecide',
  'unreadNotifications',
] as const;
export type WorkspaceCountKey = (typeof WORKSPACE_COUNT_KEYS)[number];

export const workspaceSchema = z.object({
  today: z.string(),
  counts: z.array(z.object({ key: z.enum(WORKSPACE_COUNT_KEYS), count: z.number().int() })),
});
export type Workspace = z.output<typeof workspaceSchema>;
