// The PASS IAE attestation as a PDF (docs/rules.md §5), drawn with PDFKit (decision 023) from the
// domain's wording (domain/pass/attestation.ts), so the PDF and the printable page say the same.
// Standard Helvetica with its WinAnsi encoding covers French text; no font file to ship.
import PDFDocument from 'pdfkit';
import { type Attestation } from '../../domain/pass/attestation.ts';

const BLUE_FRANCE = '#000091';
const GREY = '#3a3a3a';

/** The attestation's PDF bytes; `createdAt` is the platform clock's instant (never the machine's). */
export function attestationPdf(attestation: Attestation, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: attestation.title,
      Author: "Plateforme de l'inclusion",
      Subject: 'Attestation de PASS IAE',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(10).fillColor(BLUE_FRANCE).text('RÉPUBLIQUE FRANÇAISE');
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text("Plateforme de l'inclusion");
  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(attestation.title);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11).text(attestation.statement, { align: 'justify' });
  doc.moveDown();

  for (const row of attestation.rows) {
    doc.font('Helvetica-Bold').fontSize(11).text(`${row.label} : `, { continued: true });
    doc.font('Helvetica').text(row.value);
    doc.moveDown(0.3);
  }

  const list = (title: string, items: string[], none: string) => {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text(title);
    doc.moveDown(0.3);
    doc.font('Helvetica').fontSize(11);
    if (items.length === 0) doc.text(none);
    for (const item of items) doc.text(`• ${item}`);
  };
  list('Suspensions', attestation.suspensions, 'Aucune suspension.');
  list('Prolongations', attestation.prolongations, 'Aucune prolongation.');

  doc.moveDown(2);
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(attestation.footer);
  doc.end();
  return done;
}
