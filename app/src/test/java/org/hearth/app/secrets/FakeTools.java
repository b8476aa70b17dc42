package org.hearth.app.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Shell scripts standing in for the keychain tools. Each keeps its items as files in its directory, appends every
 * argument it gets to {@code argv.log} (one a line, {@code --} after each call) and its environment to
 * {@code env.log}, so a test can show the secret went through neither.
 */
public final class FakeTools {

    private FakeTools() {
    }

    /** {@code secret-tool store|lookup|clear ... key K}: stdin to the item, the item to stdout, exit 1 if missing. */
    public static Path secretTool(Path dir) throws IOException {
        return script(dir, "secret-tool", """
                action="$1"; shift
                key=""
                while [ $# -gt 0 ]; do
                  if [ "$1" = key ]; then key="$2"; shift; fi
                  shift
                done
                item="$state/item.$key"
                case "$action" in
                  store) cat > "$item" ;;
                  lookup) [ -f "$item" ] || exit 1; cat "$item" ;;
                  clear) rm -f "$item" ;;
                  *) echo "usage: secret-tool store|lookup|clear" >&2; exit 2 ;;
                esac
                """);
    }

    /**
     * {@code security}: with {@code -i} it reads one command line from stdin (and logs it to {@code stdin.log}),
     * otherwise takes the command from its arguments; exit 44 for a missing item, as the real one.
     * {@code eval} splits the line like {@code security} for what Hearth writes: double quotes, backslash escapes,
     * no {@code $} or backquote inside.
     */
    static Path security(Path dir) throws IOException {
        return script(dir, "security", """
                if [ "$1" = "-i" ]; then
                  IFS= read -r line || exit 1
                  printf '%s\\n' "$line" >> "$state/stdin.log"
                  eval "set -- $line"
                fi
                command="$1"; shift
                account=""; service=""; password=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -a) account="$2"; shift ;;
                    -s) service="$2"; shift ;;
                    -l) shift ;;
                    -w) if [ "$command" = add-generic-password ]; then password="$2"; shift; fi ;;
                  esac
                  shift
                done
                item="$state/item.$service.$account"
                case "$command" in
                  add-generic-password) printf '%s' "$password" > "$item" ;;
                  find-generic-password)
                    if [ ! -f "$item" ]; then
                      echo "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain." >&2
                      exit 44
                    fi
                    cat "$item"; echo ;;
                  delete-generic-password) [ -f "$item" ] || exit 44; rm "$item" ;;
                  *) exit 2 ;;
                esac
                """);
    }

    /** A tool that does whatever {@code body} says, after logging its call like the others. */
    static Path script(Path dir, String name, String body) throws IOException {
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n"
                + "state='" + dir.toAbsolutePath() + "'\n"
                + "for arg in \"$@\"; do printf '%s\\n' \"$arg\" >> \"$state/argv.log\"; done\n"
                + "printf '%s\\n' '--' >> \"$state/argv.log\"\n"
                + "env >> \"$state/env.log\"\n"
                + body);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    static String argv(Path dir) throws IOException {
        return Files.readString(dir.resolve("argv.log"));
    }

    static String env(Path dir) throws IOException {
        return Files.readString(dir.resolve("env.log"));
    }
}
