#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the file must load as Docker Compose
# would load it (YAML, variable interpolation, Compose Specification schema, consistency such
# as depends_on targets and config references), and every image must have an explicit tag
# other than `latest` (or a digest).
#
# Validators, first available wins:
#   1. `docker compose` (plugin) or a v2 `docker-compose`: `config --quiet` needs no engine.
#   2. Go toolchain: compose-go (the library inside Docker Compose v2) at a pinned version,
#      built once into .tools/compose-check/ (Go module proxy; then offline).
#   3. Node.js: dclint (npm, pinned, via npx) - Compose Specification schema only (no
#      consistency checks such as undefined depends_on targets), its style rules off.
# None available: prints "skipped: no validator" and exits 0.
#
# Usage: bash scripts/ci/check-compose.sh [compose-file]   (path from the repository root;
#        default: docker-compose.yml)
# Required variables that are unset get placeholder values unless a .env file is present next
# to the compose file (then the real .env is checked, as `docker compose` would read it).
set -euo pipefail
cd "$(dirname "$0")/../.."

COMPOSE_FILE=${1:-docker-compose.yml}
COMPOSE_GO_VERSION=v2.16.2
DCLINT_VERSION=3.1.0
TOOLS_DIR=.tools/compose-check

[ -f "$COMPOSE_FILE" ] || { echo "check-compose: $COMPOSE_FILE not found" >&2; exit 1; }

if [ ! -f "$(dirname "$COMPOSE_FILE")/.env" ]; then
  # Placeholders for the `${VAR:?}` variables: the structure is checked, not the secrets.
  for name in POSTGRES_PASSWORD INCLUSION_DB_PASSWORD TEMPORAL_DB_PASSWORD ADMIN_PASSWORD; do
    export "$name=${!name:-check-compose-placeholder}"
  done
  export ADMIN_EMAIL=${ADMIN_EMAIL:-admin@example.org}
fi

# Prints one image per line on stdout, or fails with the loader's message on stderr.
images_with_docker_compose() { "$@" -f "$COMPOSE_FILE" config --quiet && "$@" -f "$COMPOSE_FILE" config --images; }

compose_go() {
  local bin=$TOOLS_DIR/compose-check-$COMPOSE_GO_VERSION
  if [ ! -x "$bin" ]; then
    mkdir -p "$TOOLS_DIR/src"
    # Every requirement pinned (the versions compose-go $COMPOSE_GO_VERSION resolves to).
    cat > "$TOOLS_DIR/src/go.mod" <<EOF
module compose-check

go 1.24

require github.com/compose-spec/compose-go/v2 $COMPOSE_GO_VERSION

require (
	github.com/distribution/reference v0.5.0 // indirect
	github.com/docker/go-connections v0.4.0 // indirect
	github.com/docker/go-units v0.5.0 // indirect
	github.com/go-viper/mapstructure/v2 v2.4.0 // indirect
	github.com/mattn/go-shellwords v1.0.12 // indirect
	github.com/opencontainers/go-digest v1.0.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.1 // indirect
	github.com/sirupsen/logrus v1.10.1 // indirect
	github.com/xhit/go-str2duration/v2 v2.1.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	go.yaml.in/yaml/v4 v4.0.0-rc.4 // indirect
	golang.org/x/sync v0.3.0 // indirect
	golang.org/x/sys v0.13.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)
EOF
    cat > "$TOOLS_DIR/src/main.go" <<'EOF'
// Loads compose files the way `docker compose config` does (interpolation, schema,
// normalization, consistency checks) and prints each service's image.
package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	options, err := cli.NewProjectOptions(os.Args[1:], cli.WithOsEnv, cli.WithDotEnv)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	names := project.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		fmt.Println(project.Services[name].Image)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
EOF
    echo "check-compose: building compose-go $COMPOSE_GO_VERSION validator into $TOOLS_DIR (first run only)" >&2
    (cd "$TOOLS_DIR/src" && GOFLAGS=-mod=mod go build -o "../$(basename "$bin")" .) >&2 || return 1
  fi
  "$bin" "$COMPOSE_FILE"
}

dclint() {
  # Schema validation only: dclint's style rules (key order, etc.) are not this project's rules.
  # (`|| return`: errexit does not apply inside `if ! images=$(run)`.)
  npx --yes "dclint@$DCLINT_VERSION" "$COMPOSE_FILE" --color=false --quiet \
    --disable-rule service-keys-order services-alphabetical-order top-level-properties-order \
    service-container-name-regex no-unbound-port-interfaces require-quotes-in-ports >&2 || return 1
  # No resolved model here: check the image references as written.
  sed -n 's/^[[:space:]]*image:[[:space:]]*//p' "$COMPOSE_FILE" | tr -d "\"'"
}

validator=''
if docker compose version >/dev/null 2>&1; then
  validator="docker compose $(docker compose version --short 2>/dev/null)"
  run() { images_with_docker_compose docker compose; }
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version --short 2>/dev/null | grep -q '^v\?2\.'; then
  validator="docker-compose $(docker-compose version --short)"
  run() { images_with_docker_compose docker-compose; }
elif command -v go >/dev/null 2>&1; then
  validator="compose-go $COMPOSE_GO_VERSION ($(go env GOVERSION))"
  run() { compose_go; }
elif command -v npx >/dev/null 2>&1; then
  validator="dclint $DCLINT_VERSION (schema only)"
  run() { dclint; }
fi

if [ -z "$validator" ]; then
  echo "check-compose: skipped: no validator (needs docker compose v2, Go or Node.js)"
  exit 0
fi

echo "check-compose: $COMPOSE_FILE with $validator"
if ! images=$(run); then
  echo "check-compose: FAILED: $COMPOSE_FILE is not a valid Compose file (see above)" >&2
  exit 1
fi

unpinned=0
while IFS= read -r image; do
  [ -n "$image" ] || continue
  name=${image%@sha256:*}
  last=${name##*/}
  if [[ "$image" != *@sha256:* ]] && { [[ "$last" != *:* ]] || [[ "$last" == *:latest ]]; }; then
    echo "check-compose: image not pinned to an explicit tag or digest: $image" >&2
    unpinned=1
  fi
done <<<"$images"
if [ "$unpinned" -ne 0 ]; then
  echo "check-compose: FAILED: unpinned images" >&2
  exit 1
fi

echo "check-compose: OK, images:"
sort -u <<<"$images" | sed 's/^/  /'
