# syntax=docker/dockerfile:1
# ccm-graph's production image. The API on port 4000, with the embedded PostgreSQL keeping its
# data in the /data volume; set DATABASE_URL to use a PostgreSQL server instead (compose.yaml).
#
#   docker build -t ccm-graph .
#   docker run -p 4000:4000 -v ccm-graph-data:/data ccm-graph
#
# Node runs directly (never npm: it would not pass `docker stop`'s SIGTERM on), under tini as
# PID 1, which forwards signals and reaps. SIGTERM stops it in order: the requests in flight are
# answered, then the pool is closed, then the embedded PostgreSQL is stopped.

ARG NODE_VERSION=24

# Build: every dependency, the TypeScript compiled to dist/, then the dev tools pruned away.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The embedded PostgreSQL's install script must run: it lays out its binaries.
RUN npm ci --no-audit --no-fund --engine-strict
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: the compiled server, its production dependencies, the dataset and the SDK's catalogue.
FROM node:${NODE_VERSION}-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=4000 \
  CCM_DATA_DIR=/data/postgres
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY server/data/reports ./server/data/reports
COPY server/data/ccm-participants.json ./server/data/
COPY sdk/generated/catalogue.json sdk/generated/persisted-operations.json ./sdk/generated/
# The embedded PostgreSQL runs as this user too (it refuses root), so its data folder is theirs.
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server/index.js"]
