#!/usr/bin/env bash
# Conformance run on the corpus of real agent records: places every case of the corpus (by default
# ../shared/fixtures/agents-real beside the clone; its README says where each agent writes its records)
# in a private tmux server, one session per case whose pane runs a stand-in process named like the
# agent's binary, starts the packaged server with a private home, and reads /api/state 8 s and 20 s
# after the files land. Prints one row per case, "case|agent|true|shown at 8 s|shown at 20 s|ok", then
# "N of 37 right at 8 s, N of 37 at 20 s"; exits 1 when any case is wrong, 2 when it cannot run.
# The placement and the checks are the Java class AgentsReal of the server's tests, the same that the
# build's AgentsRealIT runs; this script only builds what is missing and starts it.
# Usage: bench/agents-real.sh [corpus-folder]
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=$(cd "${1:-$REPO_DIR/../shared/fixtures/agents-real}" 2>/dev/null && pwd) || {
  printf 'agents-real: no corpus folder %s\n' "${1:-$REPO_DIR/../shared/fixtures/agents-real}" >&2
  exit 2
}
SERVER="$REPO_DIR/server/target"
RUNNER="$SERVER/test-classes/dev/opensessions/server/acceptance/AgentsReal.class"
# The tests' tmux helper lives in the testkit module.
TESTKIT="$REPO_DIR/testkit/target/classes"

# A JDK 21 or newer: JAVA_HOME, then PATH, then the newest under /usr/lib/jvm.
# shellcheck source=bench/lib/jdk.sh
source "$REPO_DIR/bench/lib/jdk.sh"
if ! find_jdk 21; then
  printf 'agents-real: needs a JDK 21 or newer (JAVA_HOME, PATH or /usr/lib/jvm)\n' >&2
  exit 2
fi

if [[ ! -f "$SERVER/quarkus-app/quarkus-run.jar" || ! -f "$RUNNER" || ! -d "$TESTKIT" ]]; then
  printf 'agents-real: no server package or test classes; building them once\n' >&2
  (cd "$REPO_DIR" && JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA")")") \
    ./mvnw -B -q -DskipTests -pl server -am package) >&2 || {
    printf 'agents-real: the server build failed\n' >&2
    exit 2
  }
fi

# Run from server/, where the test helpers find the repository (..) and its package.
cd "$REPO_DIR/server"
exec "$JAVA" --enable-native-access=ALL-UNNAMED \
  -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "target/test-classes:target/classes:$TESTKIT:target/quarkus-app/lib/main/*" \
  dev.opensessions.server.acceptance.AgentsReal "$CORPUS"
