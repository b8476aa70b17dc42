#!/usr/bin/env bash
# Signs every Mach-O in Hearth.app with the Developer ID, hardened runtime and a secure timestamp,
# inside out (libraries, then executables, then the bundle), as notarisation demands. The llama.cpp
# libraries from npm are only ad-hoc signed, so libllama and every libggml-* backend are re-signed;
# Mach-O files inside jars (JavaFX's, sqlite-jdbc's) are signed and put back, since the notary
# service looks into archives too.
#
#   sign.sh APP IDENTITY      e.g. sign.sh installer/target/image/Hearth.app "Developer ID Application: ..."
# The identity must be in the default keychain (the release workflow imports it).
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 APP IDENTITY" >&2; exit 2; }
app="$1"; identity="$2"
entitlements="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/entitlements.plist"
sign() { codesign --force --timestamp --options runtime --entitlements "$entitlements" --sign "$identity" "$@"; }
is_macho() { file -b "$1" | grep -q 'Mach-O'; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# Mach-O files inside jars: extract, sign, update the jar in place.
while IFS= read -r -d '' jar; do
  entries="$(unzip -Z1 "$jar" | grep -E '\.(dylib|jnilib)$' || true)"
  [[ -n "$entries" ]] || continue
  rm -rf "${scratch:?}"/*
  (cd "$scratch" && printf '%s\n' "$entries" | xargs unzip -q -o "$jar")
  while IFS= read -r entry; do
    if is_macho "$scratch/$entry"; then sign "$scratch/$entry"; fi
  done <<<"$entries"
  (cd "$scratch" && printf '%s\n' "$entries" | xargs zip -q "$jar")
  echo "signed the native libraries in $(basename "$jar")"
done < <(find "$app/Contents" -name '*.jar' -print0)

# Every other Mach-O file: the llama.cpp libraries, the runtime's libraries and bin/java, the launcher.
while IFS= read -r -d '' file; do
  if is_macho "$file"; then sign "$file"; fi
done < <(find "$app/Contents" -type f ! -name '*.jar' -print0)

sign "$app"
codesign --verify --strict --deep --verbose=2 "$app"
echo "signed $app"
