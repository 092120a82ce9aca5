# syntax=docker/dockerfile:1
# CXR Review: one image for the web app (`node scripts/start.mjs`), the job worker (`npm run worker`) and the DICOM
# node (`npm run dicom-node`). Build: docker build -t cxr-review .   (see README "Deploy")
ARG NODE_VERSION=20.20

# ── dependencies: npm ci with the lockfile; better-sqlite3 compiles when no prebuilt binary matches ──────────────────
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# onnxruntime-node's postinstall would fetch CUDA provider libraries; the CPU runtime ships in the package.
# For a CUDA image, build with --build-arg ONNXRUNTIME_NODE_INSTALL=cuda12 (needs internet at build time).
ARG ONNXRUNTIME_NODE_INSTALL=skip
ENV ONNXRUNTIME_NODE_INSTALL=${ONNXRUNTIME_NODE_INSTALL} NEXT_TELEMETRY_DISABLED=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# postinstall derives the PostgreSQL schema and generates both Prisma clients: it needs these files.
COPY package.json package-lock.json .npmrc prisma.config.ts prisma.postgres.config.ts ./
COPY prisma ./prisma
COPY scripts/sync-pg-schema.mjs scripts/schema-engine-wasm.mjs ./scripts/
RUN npm ci --no-audit --no-fund

# ── build: the Next.js production bundle and the compiled inference worker, then drop dev dependencies ───────────────
FROM deps AS build
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .next/cache e2e test

# ── runtime: non-root, read-only application files, data under /data ─────────────────────────────────────────────────
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data \
    SKIP_BUILD=1
WORKDIR /app
COPY --from=build /app /app
# /models: mount point of the Triton model repository that `npm run triton:repo -- --out /models` writes.
RUN mkdir -p /data /models /app/.next/cache \
 && chown 1000:1000 /data /models /app/.next/cache
# the base image's unprivileged "node" user
USER 1000:1000
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (the process answers); readiness is /api/ready (database, migrations, model), used by orchestrators.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/start.mjs"]
