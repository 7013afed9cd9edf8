#!/usr/bin/env bash
# Local stand-ins for the images docs/deploy/compose.yaml names, for a machine
# that reaches Debian's package mirror and the npm registry but no image
# registry: a Debian bookworm root from debootstrap, and on it Node 20 (copied
# from this machine), PostgreSQL, Redis and Caddy from Debian's packages.
# Tags: safe-path-local/{bookworm,node,postgres,redis,caddy}; an image already
# there is kept (remove it to rebuild). Needs root, docker and debootstrap.
set -euo pipefail
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

have() { docker image inspect "$1" >/dev/null 2>&1; }
# Builds from a Dockerfile on stdin in $work; the host network, as this
# machine reaches the mirror and the registry through its own resolver.
build() { docker build --network host -t "$1" -f - "$work"; }

if ! have safe-path-local/bookworm; then
  debootstrap --variant=minbase bookworm "$work/root" "$mirror"
  tar -C "$work/root" -c . | docker import - safe-path-local/bookworm
  rm -rf "$work/root"
fi

apt_install='apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends'

if ! have safe-path-local/node; then
  # The official node:20-bookworm-slim has no compiler: there, better-sqlite3
  # downloads a prebuilt binary from GitHub. Here GitHub is out of reach, so it
  # compiles (python3, make, g++, Node's headers). The machine's CA list goes
  # along in case the registry is reached through a TLS-inspecting proxy.
  cp "$(command -v node)" "$work/node"
  cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$work/npm"
  cp -r /usr/include/node "$work/include"
  cp /etc/ssl/certs/ca-certificates.crt "$work/ca.crt"
  build safe-path-local/node <<EOF
FROM safe-path-local/bookworm
RUN $apt_install ca-certificates python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY include /usr/local/include/node
COPY ca.crt /usr/local/share/safe-path-local-ca.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
  && useradd --uid 1000 --user-group --create-home --shell /bin/bash node
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/safe-path-local-ca.crt npm_config_nodedir=/usr/local
CMD ["node"]
EOF
fi

if ! have safe-path-local/postgres; then
  # What the official image's entrypoint does, in short: on an empty data
  # folder, initdb with POSTGRES_USER/PASSWORD and create POSTGRES_DB.
  cat >"$work/entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "$POSTGRES_PASSWORD" >/tmp/pw && chown postgres /tmp/pw
  gosu postgres initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pw --auth-local=trust --auth-host=scram-sha-256
  rm /tmp/pw
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  # The socket elsewhere while it is set up, so pg_isready says no till the end.
  gosu postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -k /tmp" -w start
  gosu postgres createdb -h /tmp -U "$POSTGRES_USER" "$POSTGRES_DB"
  gosu postgres pg_ctl -D "$PGDATA" -w stop
fi
exec gosu postgres "$@"
EOF
  chmod +x "$work/entrypoint.sh"
  build safe-path-local/postgres <<EOF
FROM safe-path-local/bookworm
RUN $apt_install postgresql-15 gosu && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:\$PATH PGDATA=/var/lib/postgresql/data
COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]
STOPSIGNAL SIGINT
CMD ["postgres"]
EOF
fi

if ! have safe-path-local/redis; then
  # The official image turns protected mode off (other containers connect without a password).
  build safe-path-local/redis <<EOF
FROM safe-path-local/bookworm
RUN $apt_install redis-server && rm -rf /var/lib/apt/lists/*
WORKDIR /var/lib/redis
USER redis
CMD ["redis-server", "--protected-mode", "no"]
EOF
fi

if ! have safe-path-local/caddy; then
  # Where the official image keeps certificates and settings.
  build safe-path-local/caddy <<EOF
FROM safe-path-local/bookworm
RUN $apt_install caddy ca-certificates && rm -rf /var/lib/apt/lists/*
ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
EOF
fi
docker image ls 'safe-path-local/*'
