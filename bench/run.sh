#!/usr/bin/env bash
# Benchmarks of the ledger against raw baselines measured in the same run.
#   bench/run.sh                      # H2 (embedded default), quick mode (~10 minutes on 2 cores)
#   bench/run.sh --db postgresql      # PostgreSQL: fresh database ledger_bench_<ts> on LEDGER_DB_URL's server
#   bench/run.sh --full               # one million events, longer repetitions
#   bench/run.sh --help               # every option
# Results: bench/results/<timestamp>-<db>-<mode>.{md,json} and latest-<db>-<mode>.{md,json}.
set -euo pipefail
cd "$(dirname "$0")/.."
# Build the whole reactor, so that the service under test is this working tree's (never a jar of
# another checkout left in the local Maven repository).
./mvnw -q -B -Pbench -DskipTests -Dspotless.check.skip=true package
# the JDK's HTTP client keeps idle connections 1,200 s by default, the service 10 s: a fixture's request
# sent on a connection the service had just closed failed ("HTTP/1.1 header parser received no bytes")
exec java -Xms1g -Xmx2g -XX:+UseG1GC -Djdk.httpclient.keepalive.timeout=5 -jar bench/target/bench.jar "$@"
