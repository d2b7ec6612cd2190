#!/usr/bin/env bash
# Builds Temporal's production server (the multi-service `server` binary the compose file's
# engine runs) and its schema tool `temporal-sql-tool` from their Go module, without Docker,
# for `npm run production` and its smoke test (docs/decisions/026-production-topology.md).
#   .tools/temporal-server/bin/server     -> `server --root DIR --config config --env E start`
#   .tools/temporal-server/bin/sql        -> `sql --plugin postgres12 … setup-schema/update-schema`
#   .tools/temporal-server/schema/        -> the module's schema/ (versioned PostgreSQL schemas)
#   .tools/temporal-server/config/        -> the module's config/ (templates, dynamicconfig)
# Idempotent: does nothing when the pinned version is present (.tools/temporal-server/VERSION).
# Needs `go` (any 1.2x: GOTOOLCHAIN fetches the pinned toolchain through the Go module proxy)
# and access to the Go module proxy. About 2 minutes on 2 cores the first time, 0 s after.
set -euo pipefail

# Pinned: v1.31.x does not build here (one of its dependencies is refused by the proxy).
TEMPORAL_SERVER_VERSION=v1.30.9
GO_TOOLCHAIN=go1.27.3

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target="$repo_root/.tools/temporal-server"

if [ -f "$target/VERSION" ] && [ "$(cat "$target/VERSION")" = "$TEMPORAL_SERVER_VERSION" ] \
  && [ -x "$target/bin/server" ] && [ -x "$target/bin/sql" ] && [ -d "$target/schema" ]; then
  echo "Temporal production server ready: $target/bin/server ($TEMPORAL_SERVER_VERSION)"
  exit 0
fi

go_bin=$(command -v go || true)
if [ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ]; then go_bin=/usr/local/go/bin/go; fi
if [ -z "$go_bin" ]; then
  echo "temporal-server.sh: needs Go (https://go.dev/dl/ or Debian's golang-go); none found" >&2
  exit 1
fi

started=$(date +%s)
rm -rf "$target"
mkdir -p "$target/bin"
export GOTOOLCHAIN="$GO_TOOLCHAIN"
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"
GOBIN="$target/bin" "$go_bin" install "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION"
GOBIN="$target/bin" "$go_bin" install "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION"

# The schema and config folders ship in the module, read-only in the module cache: copy them.
module_dir="$("$go_bin" env GOMODCACHE)/go.temporal.io/server@$TEMPORAL_SERVER_VERSION"
cp -R "$module_dir/schema" "$target/schema"
cp -R "$module_dir/config" "$target/config"
chmod -R u+w "$target/schema" "$target/config"
echo "$TEMPORAL_SERVER_VERSION" >"$target/VERSION"
echo "Temporal production server built in $(($(date +%s) - started)) s: $target/bin/server ($TEMPORAL_SERVER_VERSION)"
