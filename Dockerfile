# Plateforme de l'inclusion: one image for the three processes (docker-compose.yml):
#   web (default)  node --import tsx api/main.ts
#   worker         node --max-old-space-size=1024 --import tsx worker/main.ts
#   migrate        node --import tsx scripts/db/migrate.ts   (one-shot, before web and worker)
# TypeScript runs through tsx (a runtime dependency), as in development: there is no tsc emit step.

# Same Node.js as development (package.json engines: >=20.19). For fully reproducible builds,
# append the digest: node:20.20.2-bookworm-slim@sha256:<digest from `docker buildx imagetools inspect`>.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: all dependencies (dev included), Prisma client, SvelteKit build, then drop dev deps.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Lockfile first: this layer is rebuilt only when dependencies change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

COPY . .

# Prisma 7 client generation: the script points PRISMA_SCHEMA_ENGINE_BINARY at an existing
# executable because the CLI would otherwise download an engine it does not use for `generate`.
RUN npm run db:generate

# SvelteKit (adapter-node) build into web/build; it only keeps `zod` external (a runtime dep).
RUN npm run web:build

# Runtime needs only `dependencies` (tsx, Prisma client + adapter, Temporal SDK, express, ...).
RUN npm prune --omit=dev

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies + sources run by tsx + built assets, as user `node`.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000

# Files stay owned by root: the `node` user can read but not modify the application.
# tsx caches its transpilation in the OS temp dir (/tmp), which stays writable.
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/generated ./generated
COPY --from=build /app/web/build ./web/build
# prisma/: migrations applied by scripts/db/migrate.ts (and the schema, for reference).
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/activities ./activities
COPY --from=build /app/api ./api
COPY --from=build /app/contracts ./contracts
COPY --from=build /app/domain ./domain
COPY --from=build /app/server ./server
COPY --from=build /app/worker ./worker
COPY --from=build /app/workflows ./workflows
COPY --from=build /app/scripts/db ./scripts/db

USER node
EXPOSE 3000
# The process handles SIGTERM itself (graceful shutdown); compose adds `init: true` for reaping.
CMD ["node", "--import", "tsx", "api/main.ts"]
