# shellcheck shell=bash
# Sourced by ./hearth, installer/package.sh and benchmarks/index-peak-rss.sh, so that all three read
# build-tools/java-options the same way. Bash 3.2 (macOS's own) is enough.

# Sets the array java_options to the options in build-tools/java-options: one per line, without the
# comment lines, the blank ones and a Windows line end.
read_java_options() {
  local option
  java_options=()
  while IFS= read -r option || [[ -n $option ]]; do
    option="${option%$'\r'}"
    [[ -z $option || $option == \#* ]] || java_options+=("$option")
  done < "$(dirname "${BASH_SOURCE[0]}")/java-options"
}
