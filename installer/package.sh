#!/usr/bin/env bash
# Builds Hearth's installer for the platform it runs on (./hearth package calls this).
#
#   installer/package.sh [image|installer|all] [--app-version X.Y.Z]
#
#   image      build the app, a jlink runtime with the modules jdeps finds (+ extra-modules.txt), and
#              a jpackage app image with the hash-checked llama.cpp libraries and a start-up cache
#              trained by opening its window once (Linux: xvfb-run without a display): installer/target/image/
#   installer  the .deb (Linux), .dmg (macOS) or .msi (Windows) from that image: installer/target/dist/
#              (on macOS the release workflow signs the image in between)
#   all        both (the default)
#
# Environment: JAVA_HOME as for ./hearth; HEARTH_APP_VERSION instead of --app-version (default: the
# project version without -SNAPSHOT; macOS wants a first number above 0, the release workflow passes the tag).
set -euo pipefail

installer="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(dirname "$installer")"
target="$installer/target"
resources="$installer/src/main/jpackage"
icons="$installer/src/main/icons"

die() { echo "package: $*" >&2; exit 1; }
say() { echo "[package] $*" >&2; }

step="all"
app_version="${HEARTH_APP_VERSION:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    image|installer|all) step="$1" ;;
    --app-version) [[ $# -ge 2 ]] || die "--app-version needs a value"; app_version="$2"; shift ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see installer/package.sh --help)" ;;
  esac
  shift
done

# shellcheck source=SCRIPTDIR/../build-tools/find-jdk.sh
. "$root/build-tools/find-jdk.sh"
# shellcheck source=SCRIPTDIR/../build-tools/java-options.sh
. "$root/build-tools/java-options.sh"
JAVA_HOME="$(hearth_find_jdk)" || die "needs a JDK 25 or newer (with jpackage): set JAVA_HOME to one"
export JAVA_HOME
jdk_bin="$JAVA_HOME/bin"

case "$(uname -s)" in
  Linux)                os=linux;   name=hearth; installer_type=deb; path_sep=":" ;;
  Darwin)               os=mac;     name=Hearth; installer_type=dmg; path_sep=":" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; name=Hearth; installer_type=msi; path_sep=";" ;;
  *) die "no installer for $(uname -s)" ;;
esac
case "$os" in
  mac)     image="$target/image/$name.app"; app_folder="$image/Contents/app" ;;
  windows) image="$target/image/$name";     app_folder="$image/app" ;;
  *)       image="$target/image/$name";     app_folder="$image/lib/app" ;;
esac

# Java tools on Windows take Windows paths; Git Bash's own are /c/... (cygpath ships with it).
native_path() { if [[ $os == windows ]]; then cygpath -m "$1"; else printf '%s' "$1"; fi; }

build_props="$root/app/target/hearth-build.properties"
prop() { sed -n "s/^$1=//p" "$build_props" | tr -d '\r'; }

build_app() {
  say "building the app (tests skipped; ./mvnw verify runs them)"
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl app -am) || die "the build failed; see the output above"
}

# The libraries that go into the image come from a fresh fetch checked against the pinned tarball
# hash, not straight from the shared cache, whose marker only says that it was checked once.
fetch_natives() {
  local platform release version sha256
  platform="$(prop hearth.natives.platform)"; release="$(prop llama.natives.release)"
  version="$(prop llama.natives.package.version)"; sha256="$(prop hearth.natives.sha256)"
  [[ -n "$platform" && -n "$sha256" && "$sha256" != none ]] || die "$build_props names no natives platform or hash"
  rm -rf "$target/natives"
  "$jdk_bin/java" "$(native_path "$root/build-tools/FetchLlamaNatives.java")" --platform "$platform" \
    --package-version "$version" --release "$release" --sha256 "$sha256" --dest "$(native_path "$target/natives")" >&2 \
    || die "could not fetch the llama.cpp libraries (npm needed, see docs/decisions/0002-llama-natives.md)"
}

stage_input() {
  say "staging the app's jars and the llama.cpp libraries"
  rm -rf "$target/input"
  mkdir -p "$target/input"
  cp "$root/app/target/hearth-app.jar" "$root"/app/target/lib/*.jar "$target/input/"
  # NativesFolder finds them as natives/ beside the jars; the marker is not a library
  cp -R "$target/natives" "$target/input/natives"
  rm -f "$target/input/natives/.complete"
  stage_sqlite_library
}

# SQLite's library for this platform, out of the driver's jar into natives/sqlite/: the driver would
# otherwise unpack it into the temp folder at every start (app.state.SqliteLibrary points it here).
stage_sqlite_library() {
  local jar folder file arch unpacked
  jar="$(find "$target/input" -maxdepth 1 -name 'sqlite-jdbc-*.jar' | head -n 1)"
  [[ -n "$jar" ]] || die "no sqlite-jdbc jar among the app's jars"
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;;
    arm64|aarch64) arch=aarch64 ;;
    *) die "no SQLite library for $(uname -m)" ;;
  esac
  case "$os" in
    linux) folder=Linux; file=libsqlitejdbc.so ;;
    mac) folder=Mac; file=libsqlitejdbc.dylib ;;
    windows) folder=Windows; file=sqlitejdbc.dll ;;
  esac
  unpacked="$target/sqlite-unpacked"
  rm -rf "$unpacked" && mkdir -p "$unpacked" "$target/input/natives/sqlite"
  (cd "$unpacked" && "$jdk_bin/jar" xf "$(native_path "$jar")" "org/sqlite/native/$folder/$arch/$file") \
    || die "could not unpack SQLite's library from $jar"
  [[ -f "$unpacked/org/sqlite/native/$folder/$arch/$file" ]] || die "$jar has no org/sqlite/native/$folder/$arch/$file"
  cp "$unpacked/org/sqlite/native/$folder/$arch/$file" "$target/input/natives/sqlite/"
}

# jdeps over the app and every jar it runs with; it cannot see modules only reached by name
# (locale data, charsets), which extra-modules.txt lists with the reason for each.
runtime_modules() {
  local found extra
  found="$(cd "$target/input" && "$jdk_bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
    --class-path "$(printf "%s$path_sep" ./*.jar)" hearth-app.jar)" || die "jdeps failed"
  printf '%s\n' "$found" | tr -d '\r' > "$target/jdeps-modules.txt"
  extra="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$resources/extra-modules.txt" | paste -sd, -)"
  printf '%s,%s\n' "$(tr -d '\r' < "$target/jdeps-modules.txt")" "$extra" > "$target/runtime-modules.txt"
  say "runtime modules: $(cat "$target/runtime-modules.txt")"
}

# Not --strip-native-commands: the document reader starts the runtime's bin/java for its worker.
# Not compressed: every class loaded at start-up would be inflated first, and the installers
# compress the runtime anyway.
build_runtime() {
  rm -rf "$target/runtime"
  "$jdk_bin/jlink" --add-modules "$(cat "$target/runtime-modules.txt")" --include-locales=en,de \
    --strip-debug --no-header-files --no-man-pages \
    --output "$(native_path "$target/runtime")" || die "jlink failed"
}

# The Java options are ./hearth's too: build-tools/java-options says why each is there.
build_image() {
  local icon=(--icon "$(native_path "$icons/hearth.png")") extra=() java_options=() jpackage_options=() option
  read_java_options
  for option in "${java_options[@]}"; do
    jpackage_options+=(--java-options "$option")
  done
  case "$os" in
    mac) icon=(--icon "$(native_path "$target/hearth.icns")"); make_icns; extra=(--mac-package-identifier org.hearth.app --mac-package-name Hearth) ;;
    windows) icon=(--icon "$(native_path "$icons/hearth.ico")")
      # the window's launcher has no console; this second one is for the command line
      extra=(--add-launcher "hearth-cli=$(native_path "$resources/windows-cli.properties")") ;;
  esac
  rm -rf "$target/image"
  say "jpackage app image $name $app_version"
  "$jdk_bin/jpackage" --type app-image --dest "$(native_path "$target/image")" --name "$name" \
    --app-version "$app_version" --vendor "Hearth" --description "A private office assistant for law firms" \
    --copyright "Hearth contributors" \
    --runtime-image "$(native_path "$target/runtime")" --input "$(native_path "$target/input")" \
    --main-jar hearth-app.jar --main-class org.hearth.app.Main \
    "${jpackage_options[@]}" "${icon[@]}" "${extra[@]}" || die "jpackage (app image) failed"
  [[ -d "$app_folder/natives" ]] || die "the app image has no natives folder at $app_folder/natives"
}

# A start-up cache (the JDK's AOT cache): the classes the window loads and links at start, with their
# profiles, recorded by starting the image's own launcher once and then named in its options. The window
# reports its first frame and closes by itself (HEARTH_STARTUP_REPORT); the JVM writes the cache as it ends.
# The cache belongs to this runtime and these jars: it is made after them and before the installer.
# Without a display the image is left without one: it works the same, the window only starts slower.
train_startup_cache() {
  local cache="$app_folder/hearth.aot" cfg="$app_folder/$name.cfg" scratch run
  if [[ $os != linux ]]; then
    say "no start-up cache on $os yet: its installer copies the jars with new times, which the JVM refuses (installer/README.md)"
    return 0
  fi
  # The JVM uses the cache only while every jar keeps the size and time it had in training; the .deb
  # gets these times back after jpackage has copied the image (repack_deb_with_jar_times).
  find "$app_folder" -name '*.jar' -exec touch -d "@$jar_time" {} +
  printf '%s\n' "$jar_time" > "$target/jar-time"
  run=("$image/bin/$name")
  if [[ -z "${DISPLAY:-}" ]]; then
    if ! command -v xvfb-run >/dev/null; then
      say "WARNING: no display and no xvfb-run: the image has no start-up cache; its window starts slower"
      return 0
    fi
    run=(xvfb-run -a -s "-screen 0 1280x1024x24" "$image/bin/$name")
  fi
  scratch="$(mktemp -d)"
  say "training the start-up cache: the window opens once and closes by itself"
  if HEARTH_HOME="$(native_path "$scratch/home")" HEARTH_STARTUP_REPORT="$(native_path "$scratch/report.json")" \
       HEARTH_STARTUP_IDLE_SECONDS=1 JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$(native_path "$cache")" \
       "${run[@]}" >"$scratch/output.txt" 2>&1 && [[ -f "$scratch/report.json" && -f "$cache" ]]; then
    # When the JVM meets an error while it makes the cache, it still writes one, but without linked classes,
    # and most of the gain is lost. An incubator module among the JVM options did that (build-tools/java-options).
    if grep -q '\[error\]\[aot' "$scratch/output.txt"; then
      grep '\[error\]\[aot' "$scratch/output.txt" >&2
      die "the start-up cache was made with errors (above); run the image with -Xlog:aot to see why"
    fi
    # $APPDIR is the launcher's own variable for the folder it runs from, wherever the app was installed
    awk '{ print } /^\[JavaOptions\]/ { print "java-options=-XX:AOTCache=$APPDIR/hearth.aot" }' "$cfg" > "$cfg.new"
    mv "$cfg.new" "$cfg"
    say "start-up cache: $(du -h "$cache" | cut -f1)"
  else
    say "WARNING: the training run failed, the image has no start-up cache; its window starts slower. Its output:"
    tail -n 5 "$scratch/output.txt" >&2 || true
    rm -f "$cache"
  fi
  rm -rf "$scratch"
}

# jpackage copies the image into the package with the copy's times; the start-up cache wants the jars'
# times from its training, so the .deb is unpacked, given them back and packed again.
repack_deb_with_jar_times() {
  local deb tree
  [[ -f "$app_folder/hearth.aot" ]] || return 0
  deb="$(ls "$target/dist/"*.deb)"
  tree="$target/deb-tree"
  rm -rf "$tree"
  dpkg-deb -R "$deb" "$tree" || die "dpkg-deb -R failed"
  find "$tree/opt/$name/lib/app" -name '*.jar' -exec touch -d "@$(cat "$target/jar-time")" {} +
  dpkg-deb --root-owner-group -b "$tree" "$deb" >/dev/null || die "dpkg-deb -b failed"
  rm -rf "$tree"
}

# macOS wants .icns; sips and iconutil come with the system.
make_icns() {
  local set="$target/hearth.iconset" size
  rm -rf "$set"; mkdir -p "$set"
  for size in 16 32 128 256 512; do
    sips -z "$size" "$size" "$icons/hearth.png" --out "$set/icon_${size}x${size}.png" >/dev/null
    sips -z $((size * 2)) $((size * 2)) "$icons/hearth.png" --out "$set/icon_${size}x${size}@2x.png" >/dev/null
  done
  iconutil -c icns "$set" -o "$target/hearth.icns"
}

build_installer() {
  [[ -d "$image" ]] || die "no app image at $image: run installer/package.sh image first"
  local extra=()
  case "$os" in
    linux) extra=(--linux-package-name hearth --linux-shortcut --linux-menu-group Office
             --resource-dir "$resources/linux"  # the .desktop entry (Name, %F) and its install scripts
             --linux-deb-maintainer "hearth@localhost" --linux-app-category office
             # what jpackage cannot compute: JavaFX loads GTK 3 and GL with dlopen ("Unable to load glass GTK
             # library" without them), and the keychain is reached through secret-tool
             --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1, libsecret-tools") ;;
    windows) extra=(--win-per-user-install --win-menu --win-menu-group Hearth --win-shortcut
               --win-upgrade-uuid 9d1f3c1e-5d0b-4c55-9a55-3c2b7f0e8a11) ;;
  esac
  rm -rf "$target/dist"
  say "jpackage $installer_type"
  "$jdk_bin/jpackage" --type "$installer_type" --dest "$(native_path "$target/dist")" --name "$name" \
    --app-version "$app_version" --vendor "Hearth" --description "A private office assistant for law firms" \
    --app-image "$(native_path "$image")" \
    --file-associations "$(native_path "$resources/pdf.properties")" \
    --file-associations "$(native_path "$resources/docx.properties")" \
    "${extra[@]}" || die "jpackage ($installer_type) failed"
  [[ $os != linux ]] || repack_deb_with_jar_times
  say "done: $(ls "$target/dist")"
}

project_version() {
  sed -n 's/^version=//p' "$root/app/target/maven-archiver/pom.properties" | tr -d '\r' | sed 's/-SNAPSHOT$//'
}

mkdir -p "$target"
# The jars' time in the image and the installed app (see train_startup_cache); whole seconds, as a .deb keeps them.
jar_time="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}"
if [[ $step == image || $step == all ]]; then
  build_app
  [[ -n "$app_version" ]] || app_version="$(project_version)"
  fetch_natives
  stage_input
  runtime_modules
  build_runtime
  build_image
  train_startup_cache
fi
if [[ $step == installer || $step == all ]]; then
  [[ -n "$app_version" ]] || app_version="$(project_version)"
  build_installer
fi
