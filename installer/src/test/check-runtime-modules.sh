#!/usr/bin/env bash
# Checks an installed app's jlink runtime against jdeps, independently of what package.sh computed:
# the runtime must hold exactly the modules jdeps finds in the installed jars, plus those in
# extra-modules.txt, plus what these require; and keep bin/java, which the document reader starts.
#
#   check-runtime-modules.sh APP_FOLDER RUNTIME_FOLDER     e.g. /opt/hearth/lib/app /opt/hearth/lib/runtime
# Needs JAVA_HOME (a JDK 25 with jdeps). Exit 0 when they match; otherwise prints the difference.
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 APP_FOLDER RUNTIME_FOLDER" >&2; exit 2; }
app="$1"; runtime="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
extra_file="$here/../main/jpackage/extra-modules.txt"
jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin"
fail() { echo "check-runtime-modules: $*" >&2; exit 1; }

classpath="$(cd "$app" && printf '%s:' ./*.jar)"
found="$(cd "$app" && "$jdk/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$classpath" hearth-app.jar)"
extra="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$extra_file" | paste -sd, -)"
# The JDK resolves the closure: --limit-modules leaves exactly these modules and what they require.
expected="$("$jdk/java" --limit-modules "$found,$extra" --list-modules | sed 's/@.*//' | sort)"
actual="$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$runtime/release" | tr ' ' '\n' | sort)"

[[ -n "$actual" ]] || fail "no MODULES line in $runtime/release"
if [[ "$expected" != "$actual" ]]; then
  echo "check-runtime-modules: the runtime's modules differ from jdeps + extra-modules.txt (< expected, > runtime):" >&2
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") >&2 || true
  exit 1
fi
[[ -x "$runtime/bin/java" ]] || fail "$runtime/bin/java is missing: the document reader's worker cannot start"
echo "runtime modules match jdeps + extra-modules.txt ($(printf '%s\n' "$actual" | wc -l | tr -d ' ') modules; jdeps: $found)"
