// A readable, French, server-rendered page of the OpenAPI document (GET /api/v1/docs).
import type { openApiDocument } from './openapi.ts';

type Document = ReturnType<typeof openApiDocument>;
type Operation = {
  tags: string[];
  summary: string;
  description?: string;
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string }>;
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function operationHtml(path: string, method: string, op: Operation): string {
  const params = op.parameters.length
    ? `<p><strong>Paramètres :</strong> ${op.parameters.map((p) => `<code>${escape(p.name)}</code> (${p.in === 'path' ? 'chemin' : 'requête'}${p.required ? ', obligatoire' : ''})`).join(', ')}</p>`
    : '';
  const body = op.requestBody
    ? `<details><summary>Corps de la requête (JSON Schema)</summary><pre>${escape(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))}</pre></details>`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><code>${status}</code> ${escape(r.description)}</li>`)
    .join('');
  return `<section class="fr-mb-4w">
  <h3 class="fr-h6"><span class="fr-badge fr-badge--sm fr-badge--${method === 'get' ? 'info' : 'new'}">${method.toUpperCase()}</span> <code>/api/v1${escape(path)}</code></h3>
  <p>${escape(op.summary)}${op.security ? ' — <em>public</em>' : ''}</p>
  ${op.description ? `<p>${escape(op.description)}</p>` : ''}${params}${body}
  <p><strong>Réponses :</strong></p><ul>${responses}</ul>
</section>`;
}

export function docsPage(document: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      const tag = op.tags[0] ?? 'Autres';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(path, method, op)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Documentation de l'API — Plateforme de l'inclusion</title>
<link rel="stylesheet" href="/api/v1/docs/dsfr.min.css"></head>
<body><main class="fr-container fr-my-6w" id="contenu">
<h1>${escape(document.info.title)}</h1>
<p>${escape(document.info.description)}</p>
<p>Authentification : <code>POST /api/v1/auth/token</code> puis en-tête <code>Authorization: Bearer &lt;jeton&gt;</code>.
Document OpenAPI 3.1 : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
${sections}
</main></body></html>`;
}
