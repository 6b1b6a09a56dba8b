#!/usr/bin/env bash
# The write path alone (docs/explanation/performance.md, "Where the time per event goes"): the state owner,
# the group commit and a real SQLite file, with T senders that each record an agent event and wait for its commit,
# on two event loops as the server's routes (the commit's completion hands each answer to its loop). Prints one JSON
# line: commits, their wall and CPU time, events per commit, the store writer thread's CPU per event, events per
# second, process CPU per event, and the bytes handed to write calls per commit (the WAL frames and checkpoints;
# with 1 sender, one event per commit), the bytes the writer thread and the two loops allocate per event and the loops'
# CPU per event (recording the event, the state change and its listeners, handing the answer on), and of those bytes
# the ones the state change itself allocated (the record use case, the state owner and its listeners: applyKiBPerEvent).
# Uses the jars of the last package (server/target/quarkus-app), with the launcher's heap and JIT flags (C1 only, as
# bin/lib/jvm.sh starts the server) unless COMMIT_LOAD_JAVA_OPTS says otherwise.
# Usage: bench/commit-load.sh [threads=16] [warmup seconds=8] [seconds=10]
set -euo pipefail
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIB="$REPO_DIR/server/target/quarkus-app/lib/main"
[[ -d "$LIB" ]] || { echo "commit-load: no server package; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }
# shellcheck source=bench/lib/jdk.sh
source "$REPO_DIR/bench/lib/jdk.sh"
find_jdk 21 || { echo "commit-load: needs a JDK 21 or newer (JAVA_HOME, PATH or /usr/lib/jvm)" >&2; exit 2; }
CP=""
for jar in "$LIB"/dev.opensessions.opensessions-{domain,application,persistence}-*.jar "$LIB"/org.xerial.sqlite-jdbc-*.jar; do
  CP="${CP:+$CP:}$jar"
done
# shellcheck disable=SC2086 # the options are a list of JVM flags, split on purpose.
exec "$JAVA" --enable-native-access=ALL-UNNAMED ${COMMIT_LOAD_JAVA_OPTS:--XX:+UseSerialGC -Xmx64m -Xmn8m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10} \
  -cp "$CP" "$REPO_DIR/bench/commit/CommitLoad.java" "$@"
