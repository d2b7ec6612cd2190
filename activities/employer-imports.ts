// The employer import workflow's steps in PostgreSQL (docs/rules.md §3). A batch upserts employers on
// (SIRET, kind) and moves the import's counters in one transaction guarded by `processedRows`,
// so a retried batch changes nothing twice. The file is re-read from the stored content (the
// workflow history carries only offsets); the last file read is kept in memory.
import { ApplicationFailure } from '@temporalio/activity';
import type { ImportedEmployer } from '../domain/employer-import.ts';
import type { Db } from '../server/db/client.ts';
import { readEmployerFile } from '../server/imports/employer-file.ts';
import type { EmployerImportActivities, EmployerImportProgress } from '../workflows/employer-import/activities.ts';

let lastRead: { importId: string; employers: ImportedEmployer[] } | undefined;

async function validEmployers(db: Db, importId: string): Promise<ImportedEmployer[]> {
  if (lastRead?.importId === importId) return lastRead.employers;
  const { content } = await db.employerImport.findUniqueOrThrow({ where: { id: importId }, select: { content: true } });
  const file = readEmployerFile(content);
  const employers = file.ok ? file.employers : [];
  lastRead = { importId, employers };
  return employers;
}

const progressOf = (row: { totalRows: number; processedRows: number }): EmployerImportProgress => ({
  totalRows: row.totalRows,
  processedRows: row.processedRows,
});

export function employerImportActivities(db: Db): EmployerImportActivities {
  return {
    async startEmployerImport({ importId }: { importId: string }): Promise<EmployerImportProgress> {
      const row = await db.employerImport.findUniqueOrThrow({ where: { id: importId } });
      if (row.state === 'PENDING')
        await db.employerImport.update({ where: { id: importId }, data: { state: 'RUNNING' } });
      return progressOf(row);
    },

    async importEmployerBatch(input: {
      importId: string;
      from: number;
      size: number;
      at?: string;
    }): Promise<EmployerImportProgress> {
      const employers = (await validEmployers(db, input.importId)).slice(input.from, input.from + input.size);
      return db.$transaction(async (tx) => {
        // Locks the import row: a concurrent retry of the same batch waits, then finds it applied.
        const [current] = await tx.$queryRaw<{ processedRows: number; totalRows: number; createdAt: Date }[]>`
          SELECT "processedRows", "totalRows", "createdAt" FROM "EmployerImport" WHERE id = ${input.importId}::uuid FOR UPDATE`;
        if (!current) throw new Error(`import ${input.importId} not found`);
        if (current.processedRows !== input.from) return progressOf(current);
        if (employers.length === 0) {
          // The stored file no longer gives the lines counted when it was checked: stop, do not loop.
          throw ApplicationFailure.nonRetryable('Le fichier importé ne correspond plus à sa vérification.');
        }
        let created = 0;
        for (const employer of employers) {
          const data = {
            name: employer.name,
            address: employer.address,
            communeCode: employer.communeCode,
            departement: employer.departement,
            latitude: employer.latitude,
            longitude: employer.longitude,
            contactEmail: employer.email,
            certified: employer.certified,
          };
          const existing = await tx.organization.findUnique({
            where: { siret_employerKind: { siret: employer.siret, employerKind: employer.kind } },
            select: { id: true },
          });
          if (existing) await tx.organization.update({ where: { id: existing.id }, data });
          else {
            await tx.organization.create({
              data: {
                ...data,
                type: 'EMPLOYER',
                siret: employer.siret,
                employerKind: employer.kind,
                // Workflow time; a batch of an older history takes its import's creation time.
                createdAt: input.at ? new Date(input.at) : current.createdAt,
              },
            });
            created += 1;
          }
        }
        // A commune's centre is known from the first employer imported there (docs/rules.md §3).
        await tx.communeCentre.createMany({
          data: employers.map((e) => ({
            code: e.communeCode,
            latitude: e.latitude,
            longitude: e.longitude,
            source: 'import',
          })),
          skipDuplicates: true,
        });
        const updated = await tx.employerImport.update({
          where: { id: input.importId },
          data: {
            processedRows: { increment: employers.length },
            createdCount: { increment: created },
            updatedCount: { increment: employers.length - created },
          },
        });
        return progressOf(updated);
      });
    },

    async finishEmployerImport(input: { importId: string; finishedAt: string; failed?: boolean }): Promise<void> {
      await db.employerImport.updateMany({
        where: { id: input.importId, state: { in: ['PENDING', 'RUNNING'] } },
        data: { state: input.failed ? 'FAILED' : 'DONE', finishedAt: new Date(input.finishedAt) },
      });
    },
  };
}
