# The bot, for teams that deploy with Docker (compose.yaml runs two replicas on Postgres).
# test/setup/dockerfile.test.ts runs these same RUN and CMD steps in a copy of the project, so they cannot drift.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
# Production dependencies only; `prepare` bundles the bot into dist/ and renders the diagrams.
RUN npm ci --omit=dev --no-audit --no-fund
RUN mkdir -p /data && chown node /data
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `npm start` runs; node itself as PID 1 receives SIGTERM (npm would stand in between).
CMD ["node", "bin/start.mjs"]
