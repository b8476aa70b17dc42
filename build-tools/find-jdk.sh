# Finds a JDK 25 or newer. Sourced (not run) by ./hearth, ./mvnw and .ci/run, so the three agree on
# which JDK a machine uses. POSIX sh, because ./mvnw runs under /bin/sh (dash on Debian).
#
#   hearth_is_jdk25 DIR   succeeds when DIR is a JDK (java and javac) of feature version 25 or newer
#   hearth_find_jdk       prints JAVA_HOME if that is a JDK 25+, else the first JDK 25+ among the
#                         default java on PATH and the usual install folders; fails when there is none
#
# Windows (mvnw.cmd) does not use this: set JAVA_HOME to a JDK 25 there.

hearth_java_major() { # the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  _hearth_v=""
  if [ -f "$1/release" ]; then
    _hearth_v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
  fi
  if [ -z "$_hearth_v" ]; then
    _hearth_v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
  fi
  echo "$_hearth_v"
}

hearth_is_jdk25() {
  _hearth_major="$(hearth_java_major "$1")"
  [ -n "$_hearth_major" ] && [ "$_hearth_major" -ge 25 ]
}

# A subshell body: the callers run with `set -f` (mvnw) or `set -u`, and the globs below need
# globbing on; nothing leaks into the caller.
hearth_find_jdk() (
  set +f
  if [ -n "${JAVA_HOME:-}" ] && hearth_is_jdk25 "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
  default_home=""
  if default_javac="$(command -v javac 2>/dev/null)"; then
    default_home="$(dirname "$(dirname "$(readlink -f "$default_javac" 2>/dev/null || echo "$default_javac")")")"
  fi
  for c in "$default_home" /usr/lib/jvm/*25* /usr/lib/jvm/* \
    /Library/Java/JavaVirtualMachines/*25*/Contents/Home /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -n "$c" ] && [ -d "$c" ] && hearth_is_jdk25 "$c"; then echo "$c"; exit 0; fi
  done
  if [ -x /usr/libexec/java_home ] && c="$(/usr/libexec/java_home -v 25+ 2>/dev/null)" && hearth_is_jdk25 "$c"; then
    echo "$c"; exit 0
  fi
  exit 1
)
