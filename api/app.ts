// The Express application, exported apart from `listen` so tests drive it in-process.
import { createRequire } from 'node:module';
import express, { type RequestHandler } from 'express';
import { docsPage } from './docs-page.ts';
import { apiHeaders, DOCS_CSP, securityHeaders } from './http-headers.ts';
import { webHopClientAddress } from './web-hop.ts';
import { errorHandler, notFoundHandler, unsupportedMediaType } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { requestDeadline } from './request-deadline.ts';
import { mountRoutes, type AnyRoute, type Deps } from './route.ts';
import { accreditationRoutes } from './routes/accreditation-requests.ts';
import { applicationDecisionRoutes } from './routes/application-decisions.ts';
import { applicationRoutes } from './routes/applications.ts';
import { employerEntryRoutes } from './routes/employer-entry.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { clockRoutes } from './routes/clock.ts';
import { communeRoutes } from './routes/communes.ts';
import { adminMailRoutes } from './routes/admin-mails.ts';
import { romeRoutes } from './routes/rome.ts';
import { departementSettingRoutes } from './routes/departement-settings.ts';
import { EMPLOYER_IMPORT_MAX_CHARS, employerImportRoutes } from './routes/employer-imports.ts';
import { PARCOURS_IMPORT_MAX_CHARS, parcoursImportRoutes } from './routes/parcours-imports.ts';
import { employerRoutes } from './routes/employers.ts';
import { jobDescriptionRoutes } from './routes/job-descriptions.ts';
import { meRoutes } from './routes/me.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { openDataRoutes } from './routes/open-data.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { passRoutes } from './routes/passes.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { statsRoutes } from './routes/stats.ts';
import { personRoutes } from './routes/persons.ts';
import { selfPrescriptionRoutes } from './routes/self-prescription.ts';
import { sandboxRoutesFor } from './routes/sandbox.ts';
import { userRoutes } from './routes/users.ts';
import { checkHealth } from './health.ts';
import { controlCampaignRoutes } from './routes/control-campaigns.ts';
import { controlProofRoutes, PROOF_BODY_LIMIT, PROOF_UPLOAD_PATH } from './routes/control-proofs.ts';
import { controlRoutes } from './routes/controls.ts';
import { spotCheckRoutes } from './routes/spot-checks.ts';

export const routes: readonly AnyRoute[] = [
  ...authRoutes,
  ...meRoutes,
  ...organizationRoutes,
  ...userRoutes,
  ...accreditationRoutes,
  ...notificationRoutes,
  ...personRoutes,
  ...passRoutes,
  ...workspaceRoutes,
  ...applicationRoutes,
  ...applicationDecisionRoutes,
  ...employerEntryRoutes,
  ...employerRoutes,
  ...communeRoutes,
  ...romeRoutes,
  ...clockRoutes,
  ...openDataRoutes,
  ...jobDescriptionRoutes,
  ...employerImportRoutes,
  ...parcoursImportRoutes,
  ...departementSettingRoutes,
  ...adminMailRoutes,
  ...selfPrescriptionRoutes,
  ...controlCampaignRoutes,
  ...controlRoutes,
  ...controlProofRoutes,
  ...spotCheckRoutes,
  ...statsRoutes,
  ...auditRoutes,
];

const require = createRequire(import.meta.url);
const dsfrCss = require.resolve('@gouvfr/dsfr/dist/dsfr.min.css');

export interface AppOptions {
  /** The key the web app's calls carry with the end user's address (api/web-hop.ts). */
  webHopKey?: string;
}

/** A body that express.json would skip (another content type) must not pass for an empty one. */
const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  next(hasBody && req.method !== 'GET' && !req.is('application/json') ? unsupportedMediaType() : undefined);
};

/** `web`: the SvelteKit adapter-node handler, mounted after the API. */
export function createApp(deps: Deps, web?: RequestHandler, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (docs/rules.md §11).
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.use(securityHeaders);

  app.get('/healthz', async (_req, res) => {
    const health = await checkHealth(deps);
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });

  // Outside the sandbox its routes do not exist: 404 before anything looks at the request.
  const mounted = [...routes, ...sandboxRoutesFor(deps)];
  const document = openApiDocument(mounted, `${deps.config.PUBLIC_URL}/api/v1`);
  const api = express.Router();
  api.use(apiHeaders);
  api.use(webHopClientAddress(options.webHopKey));
  api.use(requestDeadline(deps.config.REQUEST_TIMEOUT_SECONDS));
  api.use(jsonBodiesOnly);
  // A CSV import carries its file as JSON text: the only route allowed more than 1 MB.
  api.post('/employer-imports', express.json({ limit: EMPLOYER_IMPORT_MAX_CHARS * 1.1 }));
  api.post('/parcours-imports', express.json({ limit: PARCOURS_IMPORT_MAX_CHARS * 1.1 }));
  api.post(PROOF_UPLOAD_PATH, express.json({ limit: PROOF_BODY_LIMIT * 1.1 }));
  api.use(express.json({ limit: '1mb' }));
  api.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  const docsHtml = docsPage(document);
  api.get('/docs', (_req, res) => {
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    res.type('html').send(docsHtml);
  });
  api.get('/docs/dsfr.min.css', (_req, res) => {
    res.sendFile(dsfrCss);
  });
  mountRoutes(api, mounted, deps);
  api.use(notFoundHandler);
  api.use(errorHandler(deps.logger));
  app.use('/api/v1', api);

  if (web) app.use(web);
  app.use(errorHandler(deps.logger));
  return app;
}
