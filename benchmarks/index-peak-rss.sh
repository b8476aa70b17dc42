#!/usr/bin/env bash
# Peak resident memory of `hearth index FOLDER --json` with a fresh data folder: the app's JVM and
# its document-reader worker separately, from /proc/PID/status VmHWM (sampled every 0.2 s; the
# kernel keeps the peak, so sampling only has to see the process before it ends). `time -v` alone
# is not enough: it reports the largest of the app and its children, i.e. often the worker.
# Run from the repository root after `./mvnw -DskipTests package`.
set -euo pipefail
folder=${1:?usage: benchmarks/index-peak-rss.sh FOLDER}
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
# The JVM options the app is started with (build-tools/java-options says why each is there)
# shellcheck source=SCRIPTDIR/../build-tools/java-options.sh
. build-tools/java-options.sh
read_java_options
home=$(mktemp -d)
HEARTH_HOME=$home "$java" "${java_options[@]}" \
    -cp "app/target/hearth-app.jar:app/target/lib/*" org.hearth.app.Main index "$folder" --json \
    >"$home/out.json" 2>"$home/err.txt" &
app=$!
started=$(date +%s.%N)
app_peak=0
worker_peak=0
while kill -0 "$app" 2>/dev/null; do
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$app/status" 2>/dev/null || true)
    [[ -n "$peak" ]] && app_peak=$peak
    for worker in $(pgrep -P "$app" java || true); do
        peak=$(awk '/VmHWM/ {print $2}' "/proc/$worker/status" 2>/dev/null || true)
        [[ -n "$peak" && "$peak" -gt "$worker_peak" ]] && worker_peak=$peak
    done
    sleep 0.2
done
wait "$app" || true
echo "app peak RSS: $app_peak kB; worker peak RSS: $worker_peak kB; wall: $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $started}") s"
cat "$home/out.json"
rm -rf "$home"
