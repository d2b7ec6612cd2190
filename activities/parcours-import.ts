// The take-over import's steps (docs/decisions/025-take-over-import.md). A chunk of valid lines is
// projected in a few statements (persons and PASS with createMany … skipDuplicates, never one
// transaction per parcours), then its parcours workflows are started through a bounded pool
// while the next batch is projected. Workflow ids come from the PASS numbers and a closed or
// running workflow with that id is never started again (REJECT_DUPLICATE, conflict FAIL), so a
// retried chunk or a re-run file starts nothing twice: those count as « déjà repris ». The
// progress moves once per chunk, guarded by `processedRows`. Each batch waits for room on the task
// queue (server/temporal/queue-room.ts): the import runs at the pace the workers run its parcours.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { parisDateOf } from '../domain/dates.ts';
import type { ImportedParcours } from '../domain/parcours-import.ts';
import { passNumberSequence } from '../domain/pass/number.ts';
import { holdingEmployer, parcoursEnd, parcoursRemainingDays, parcoursStatus } from '../domain/pass/parcours.ts';
import { takeOverParcours } from '../domain/pass/take-over.ts';
import { personIdentityKey } from '../domain/persons.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from '../server/db/client.ts';
import { MAX_WORKFLOW_BACKLOG, waitForQueueRoom, workflowTaskBacklog } from '../server/temporal/queue-room.ts';
import { readParcoursFile } from '../server/imports/parcours-file.ts';
import type { ParcoursImportActivities, ParcoursImportProgress } from '../workflows/parcours-import/activities.ts';
import {
  PARCOURS_WORKFLOW_TYPE,
  parcoursWorkflowId,
  type ParcoursInput,
  type ParcoursView,
} from '../workflows/parcours/contract.ts';

/** Persons and PASS written per statement, and the unit the pool starts while the next one is written. */
const PROJECTION_BATCH = 250;

let lastRead: { importId: string; parcours: ImportedParcours[] } | undefined;

async function validParcours(db: Db, importId: string): Promise<ImportedParcours[]> {
  if (lastRead?.importId === importId) return lastRead.parcours;
  const row = await db.parcoursImport.findUniqueOrThrow({
    where: { id: importId },
    select: { content: true, checkedOn: true },
  });
  // Checked as on the day it was stored: a line valid then stays valid (and in the same place).
  const file = await readParcoursFile(db, row.content, row.checkedOn);
  const parcours = file.ok ? file.parcours : [];
  lastRead = { importId, parcours };
  return parcours;
}

const progressOf = (row: { totalRows: number; processedRows: number }): ParcoursImportProgress => ({
  totalRows: row.totalRows,
  processedRows: row.processedRows,
});

interface Prepared {
  line: ImportedParcours;
  input: ParcoursInput;
}

/** Persons then PASS of one batch, in one transaction of three statements; returns the workflow inputs. */
async function project(db: Db, batch: ImportedParcours[], at: Date): Promise<Prepared[]> {
  const today = parisDateOf(at);
  return db.$transaction(async (tx) => {
    const persons = batch.map((p) => ({
      id: randomUUID(),
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      identityKey: personIdentityKey(p),
      nir: p.nir,
      email: p.email,
      createdByOrganizationId: p.employerId,
      createdAt: at,
    }));
    // A person already known (same NIR or same name and birth date: a retried batch, or a person
    // registered on the platform) is kept as is and found below.
    await tx.person.createMany({ data: persons, skipDuplicates: true });
    const nirs = batch.flatMap((p) => (p.nir ? [p.nir] : []));
    const found = await tx.person.findMany({
      where: {
        OR: [
          { identityKey: { in: persons.map((p) => p.identityKey) } },
          ...(nirs.length ? [{ nir: { in: nirs } }] : []),
        ],
      },
      select: { id: true, identityKey: true, nir: true },
    });
    const byKey = new Map(found.map((f) => [f.identityKey, f.id]));
    const byNir = new Map(found.flatMap((f) => (f.nir ? [[f.nir, f.id] as const] : [])));
    const prepared = batch.map((line, index) => {
      const personId = (line.nir ? byNir.get(line.nir) : undefined) ?? byKey.get(persons[index]!.identityKey);
      if (!personId) throw new Error(`person of line ${line.line} not found after its insert`);
      const state = takeOverParcours(line, {
        personId,
        employerId: line.employerId,
        employerKind: line.employerKind,
        today,
      });
      const input: ParcoursInput = {
        passNumber: line.passNumber,
        personId,
        hire: holdingEmployer(state),
        takenOver: { state },
      };
      return { line, input };
    });
    await tx.pass.createMany({
      data: prepared.map(({ input }) => {
        const state = input.takenOver!.state;
        const view: ParcoursView = {
          ...state,
          today,
          status: parcoursStatus(state, today),
          end: parcoursEnd(state),
          remainingDays: parcoursRemainingDays(state, today),
          holdingEmployerId: input.hire.employerId,
          version: 1,
        };
        return {
          number: input.passNumber,
          personId: input.personId,
          employerId: input.hire.employerId,
          startDate: state.start,
          endDate: view.end,
          cancelled: false,
          expired: state.expired,
          waitingPeriodEnded: false,
          snapshot: view as unknown as Prisma.InputJsonValue,
          version: 1,
        };
      }),
      skipDuplicates: true,
    });
    return prepared;
  });
}

/** Starts one parcours; false when a workflow with its id exists or existed (« déjà repris »). */
async function startParcours(client: Client, taskQueue: string, input: ParcoursInput): Promise<boolean> {
  try {
    await client.workflow.start(PARCOURS_WORKFLOW_TYPE, {
      workflowId: parcoursWorkflowId(input.passNumber),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

export function parcoursImportActivities(db: Db): ParcoursImportActivities {
  return {
    async startParcoursImport({ importId, at }) {
      const row = await db.parcoursImport.findUniqueOrThrow({ where: { id: importId } });
      if (row.state === 'PENDING') {
        // The platform issues its own numbers from PassNumberAllocation's sequence: the numbers
        // taken over are reserved there and the sequence moved past them, so it never reissues one.
        const parcours = await validParcours(db, importId);
        for (let from = 0; from < parcours.length; from += 5000) {
          await db.passNumberAllocation.createMany({
            data: parcours.slice(from, from + 5000).map((p) => ({
              sequence: passNumberSequence(p.passNumber)!,
              issuanceKey: `reprise:${p.passNumber}`,
              createdAt: new Date(at),
            })),
            skipDuplicates: true,
          });
        }
        await db.$executeRaw`SELECT setval(pg_get_serial_sequence('"PassNumberAllocation"', 'sequence'),
          GREATEST((SELECT COALESCE(MAX(sequence), 1) FROM "PassNumberAllocation"), 1))`;
        await db.parcoursImport.updateMany({
          where: { id: importId, state: 'PENDING' },
          data: { state: 'RUNNING', startedAt: new Date(at) },
        });
      }
      return progressOf(row);
    },

    async importParcoursChunk({ importId, from, size, at }) {
      const { client, info } = Context.current();
      const row = await db.parcoursImport.findUniqueOrThrow({
        where: { id: importId },
        select: { processedRows: true, totalRows: true, concurrency: true, ratePerSecond: true },
      });
      // A retry of a chunk already counted: nothing to do.
      if (row.processedRows !== from) return progressOf(row);
      Context.current().heartbeat({ from, reading: true });
      const chunk = (await validParcours(db, importId)).slice(from, from + size);
      Context.current().heartbeat({ from, read: true });
      if (chunk.length === 0) {
        throw ApplicationFailure.nonRetryable('Le fichier importé ne correspond plus à sa vérification.');
      }
      const when = new Date(at);
      const batches: ImportedParcours[][] = [];
      for (let i = 0; i < chunk.length; i += PROJECTION_BATCH) batches.push(chunk.slice(i, i + PROJECTION_BATCH));
      let started = 0;
      let already = 0;
      // The rate limit, if any: start i waits for its slot, i / rate seconds after the chunk began.
      const rate = row.ratePerSecond;
      const began = performance.now();
      let slots = 0;
      const paced = async () => {
        if (!rate) return;
        const wait = began + (slots++ * 1000) / rate - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      };
      // Never more first tasks waiting on the shared queue than the workers run in a few seconds.
      const roomOnQueue = () =>
        waitForQueueRoom({
          backlog: () => workflowTaskBacklog(client, info.taskQueue),
          limit: MAX_WORKFLOW_BACKLOG,
          pause: () => Context.current().sleep(1000),
          onWait: (backlog) => Context.current().heartbeat({ from, started, already, backlog }),
        });
      // Pipeline: batch k+1 is projected while the pool starts batch k's parcours.
      let projected = project(db, batches[0]!, when);
      for (let k = 0; k < batches.length; k++) {
        const prepared = await projected;
        if (k + 1 < batches.length) {
          projected = project(db, batches[k + 1]!, when);
          // Awaited at the next turn; a failed start first must not leave it unhandled.
          projected.catch(() => undefined);
        }
        await roomOnQueue();
        await pool(prepared, row.concurrency, async ({ input }) => {
          await paced();
          if (await startParcours(client, info.taskQueue, input)) started += 1;
          else already += 1;
          // Throttled by the SDK; tells the server this attempt is alive (a killed one is retried).
          Context.current().heartbeat({ from, started, already });
        });
      }
      await db.parcoursImport.updateMany({
        where: { id: importId, processedRows: from },
        data: {
          processedRows: { increment: chunk.length },
          startedCount: { increment: started },
          alreadyCount: { increment: already },
        },
      });
      const after = await db.parcoursImport.findUniqueOrThrow({
        where: { id: importId },
        select: { processedRows: true, totalRows: true },
      });
      return progressOf(after);
    },

    async finishParcoursImport({ importId, finishedAt, failed }) {
      // A national file parsed is a few hundred MB of heap: not kept once its import is over.
      if (lastRead?.importId === importId) lastRead = undefined;
      await db.parcoursImport.updateMany({
        where: { id: importId, state: { in: ['PENDING', 'RUNNING'] } },
        data: { state: failed ? 'FAILED' : 'DONE', finishedAt: new Date(finishedAt) },
      });
    },
  };
}
