#!/usr/bin/env bash
# Runs docs/deploy/compose.yaml for real: builds the bot's image from its
# dockerfile_inline, starts PostgreSQL, Redis, Caddy and the bots, and talks to
# them through Caddy with the fake Bot API standing in for Telegram
# (scripts/deploy-check/run.ts). Not part of CI: it needs root, a Docker
# daemon, Docker Compose 2.17 or later and debootstrap, and takes minutes.
# The images come from scripts/deploy-check/images.sh (no image registry
# needed), laid over by scripts/deploy-check/compose.local.yaml. KEEP=1 leaves
# the containers running afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deploy-check/images.sh >/dev/null
random() { node -e "console.log(require('crypto').randomBytes($1).toString('$2'))"; }
export COMPOSE="compose -p safe-path-check -f docs/deploy/compose.yaml -f scripts/deploy-check/compose.local.yaml"
export BOT_TOKEN=123456789:AAE-deploy-check-abcdefghijklmnop DOMAIN=localhost
export WEBHOOK_SECRET=$(random 32 hex) POSTGRES_PASSWORD=$(random 16 hex) DATA_ENCRYPTION_KEY=$(random 32 base64)
export TELEGRAM_API_ROOT=http://host.docker.internal:9 # run.ts sets the fake's
tmp=$(mktemp -d)
cleanup() {
  [ "${KEEP:-}" = 1 ] || docker $COMPOSE down -v --remove-orphans >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
docker $COMPOSE down -v --remove-orphans >/dev/null 2>&1
start=$(date +%s)
docker $COMPOSE build bot
echo "ok   the bot's image built from its dockerfile_inline in $(($(date +%s) - start)) s"
docker $COMPOSE up -d --wait postgres redis
echo "ok   PostgreSQL healthy, Redis running"
# Caddy first (without the bots it depends on), for its local CA: with DOMAIN=localhost it
# serves a certificate of its own CA instead of asking Let's Encrypt.
docker $COMPOSE up -d --no-deps caddy
for _ in $(seq 30); do
  docker $COMPOSE cp caddy:/data/caddy/pki/authorities/local/root.crt "$tmp/root.crt" 2>/dev/null && break
  sleep 1
done
NODE_EXTRA_CA_CERTS=$tmp/root.crt npx tsx scripts/deploy-check/run.ts

# The systemd unit, run as systemd would (scripts/deploy-check/unit.ts), on a PostgreSQL of its own.
[ "${KEEP:-}" = 1 ] || docker $COMPOSE down -v --remove-orphans >/dev/null 2>&1
pg=$(docker run -d --rm -p 127.0.0.1::5432 -e POSTGRES_USER=postgres -e POSTGRES_PASSWORD=check -e POSTGRES_DB=check safe-path-local/postgres)
trap 'docker stop "$pg" >/dev/null; cleanup' EXIT
until docker exec "$pg" pg_isready -q -U postgres; do sleep 1; done
PG_ADMIN_URL="postgresql://postgres:check@$(docker port "$pg" 5432 | head -1)/check" npx tsx scripts/deploy-check/unit.ts
