#!/usr/bin/env bash
# Authenticode-signs files with signtool (SHA-256, RFC 3161 timestamp). Runs in Git Bash on Windows.
#
#   sign.sh PFX FILE...      the PFX's password in WINDOWS_CERTIFICATE_PASSWORD
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 PFX FILE..." >&2; exit 2; }
pfx="$1"; shift
# signtool is not on PATH on the runners; take the newest Windows SDK's.
signtool="$(find "/c/Program Files (x86)/Windows Kits/10/bin" -path '*/x64/signtool.exe' | sort -V | tail -n 1)"
[[ -n "$signtool" ]] || { echo "sign.sh: no signtool.exe in the Windows SDK" >&2; exit 1; }
for file in "$@"; do
  "$signtool" sign /fd SHA256 /td SHA256 /tr http://timestamp.digicert.com \
    /f "$(cygpath -w "$pfx")" /p "${WINDOWS_CERTIFICATE_PASSWORD:?}" "$(cygpath -w "$file")"
done
