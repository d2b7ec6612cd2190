// Proof files of a control (docs/rules.md §8, §11): uploaded by the controlled SIAE (PDF, JPEG
// or PNG by content, at most 5 MB), kept in PostgreSQL with their sha256, read by the SIAE's
// staff and its DDETS only, every read audited. The workflow receives the proof's id, never
// its content (decision 018).
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { proofReceiptSchema } from '../../contracts/controls.ts';
import { checkProofFile, PROOF_MAX_BYTES, proofTypeOf } from '../../domain/controls/proofs.ts';
import { uploadProofUpdate } from '../../workflows/siae-control/contract.ts';
import { auditRead } from '../audit-read.ts';
import { actedBy, controlForProofRead, controlOfSiae } from '../controls/access.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { idParams, text, uuid } from '../schemas.ts';
import { executeUpdate } from '../workflow-calls.ts';
import { controlHandle, withPasses } from './controls.ts';

const TAG = 'Contrôles a posteriori';

/** Base64 of 5 MB is ~6.7 MB: the route's JSON limit leaves room to refuse a larger file with a French message. */
export const PROOF_BODY_LIMIT = Math.ceil((PROOF_MAX_BYTES * 4) / 3) * 2;
export const PROOF_UPLOAD_PATH = '/controls/:id/proofs';

export const controlProofRoutes = [
  defineRoute({
    method: 'post',
    path: '/controls/{id}/proofs',
    tag: TAG,
    summary: 'Déposer (ou remplacer avant transmission) le justificatif d’un critère — PDF, JPEG ou PNG, 5 Mo au plus',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: z.strictObject({
      applicationId: uuid,
      criterion: text(64),
      filename: text(255).optional(),
      contentBase64: z.base64({ message: 'contenu invalide (base64 attendu)' }).max(PROOF_BODY_LIMIT),
    }),
    responses: {
      201: { description: 'Justificatif déposé', schema: proofReceiptSchema },
      422: { description: 'Fichier refusé (type lu dans le contenu, taille) ou action impossible' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const row = await controlOfSiae(deps, actor, params.id);
      const content = Buffer.from(body.contentBase64, 'base64');
      const refusals = checkProofFile({ head: content.subarray(0, 16), size: content.length });
      if (refusals.length > 0) {
        throw new ApiError(422, refusals[0]!.code, refusals.map((r) => r.message).join(' '));
      }
      const proof = {
        id: randomUUID(),
        controlId: row.id,
        applicationId: body.applicationId,
        criterion: body.criterion,
        sha256: createHash('sha256').update(content).digest('hex'),
        mimeType: proofTypeOf(content)!,
        size: content.length,
        uploadedByUserId: actor.userId,
        uploadedAt: deps.clock.now(),
      };
      await deps.db.controlProof.create({ data: { ...proof, content } });
      try {
        const view = await executeUpdate(controlHandle(deps, params.id), uploadProofUpdate, {
          ...actedBy(actor),
          applicationId: body.applicationId,
          criterion: body.criterion,
          proofId: proof.id,
        });
        const { id: proofId, sha256, mimeType, size } = proof;
        return { status: 201, body: { proofId, sha256, mimeType, size, control: await withPasses(deps, view) } };
      } catch (error) {
        // Refused by the workflow: the file is not kept.
        await deps.db.controlProof.delete({ where: { id: proof.id } });
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/controls/{id}/proofs/{proofId}',
    tag: TAG,
    summary: 'Lire un justificatif (structure contrôlée et DDETS du département seulement ; lecture tracée)',
    access: ['LABOUR_INSPECTOR', 'EMPLOYER_STAFF'],
    params: z.strictObject({ id: uuid, proofId: uuid }),
    responses: {
      200: { description: 'Le fichier' },
      403: { description: 'Interdit' },
      404: { description: 'Introuvable' },
    },
    handle: async ({ deps, actor, params }) => {
      await controlForProofRead(deps, actor, params.id);
      const proof = await deps.db.controlProof.findUnique({ where: { id: params.proofId } });
      if (!proof || proof.controlId !== params.id) throw notFound('Justificatif introuvable.');
      await auditRead(deps, actor, {
        action: 'controlProof.read',
        entityType: 'ControlProof',
        entityId: proof.id,
        details: { controlId: proof.controlId, sha256: proof.sha256 },
      });
      const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[proof.mimeType] ?? 'bin';
      return {
        status: 200,
        file: {
          contentType: proof.mimeType,
          filename: `justificatif-${proof.id}.${extension}`,
          content: Buffer.from(proof.content),
        },
      };
    },
  }),
];
