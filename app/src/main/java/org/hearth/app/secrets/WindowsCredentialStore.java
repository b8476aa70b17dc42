package org.hearth.app.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.app.secrets.SecretStoreException.Kind;

/**
 * Windows: the Credential Manager (generic credentials {@code hearth:<key>}) through Windows PowerShell, which
 * calls {@code CredWriteW}, {@code CredReadW} and {@code CredDeleteW} via {@code Add-Type} P/Invoke.
 *
 * <p>UNTESTED: written without a Windows machine to run it on. The script goes in as {@code -EncodedCommand} (it
 * holds the key, never the secret); the secret goes in on stdin and comes back on stdout as raw UTF-8 bytes, which
 * are also what the credential blob holds, so no console code page touches it. The Credential Manager takes at most
 * 2560 bytes a credential; a longer secret is refused by {@code CredWriteW}.
 */
public final class WindowsCredentialStore implements SecretStore {

    private static final String TOOL = "PowerShell";
    /** Add-Type compiles C# on every run: seconds, not milliseconds. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int OK = 0;
    private static final int NOT_FOUND = 3;

    private static final String PRELUDE = """
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
            Add-Type -Namespace Hearth -Name Cred -MemberDefinition @'
            [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
            public struct CREDENTIAL {
                public int Flags;
                public int Type;
                public string TargetName;
                public string Comment;
                public System.Runtime.InteropServices.ComTypes.FILETIME LastWritten;
                public int CredentialBlobSize;
                public IntPtr CredentialBlob;
                public int Persist;
                public int AttributeCount;
                public IntPtr Attributes;
                public string TargetAlias;
                public string UserName;
            }
            [DllImport("advapi32.dll", EntryPoint = "CredWriteW", CharSet = CharSet.Unicode, SetLastError = true)]
            public static extern bool CredWrite(ref CREDENTIAL credential, int flags);
            [DllImport("advapi32.dll", EntryPoint = "CredReadW", CharSet = CharSet.Unicode, SetLastError = true)]
            public static extern bool CredRead(string target, int type, int flags, out IntPtr credential);
            [DllImport("advapi32.dll", EntryPoint = "CredDeleteW", CharSet = CharSet.Unicode, SetLastError = true)]
            public static extern bool CredDelete(string target, int type, int flags);
            [DllImport("advapi32.dll")]
            public static extern void CredFree(IntPtr buffer);
            '@
            $Marshal = [System.Runtime.InteropServices.Marshal]
            $CRED_TYPE_GENERIC = 1
            $ERROR_NOT_FOUND = 1168
            """;

    /** Reads all of stdin into the blob; wipes the unmanaged copy and the byte array afterwards. */
    private static final String WRITE = """
            $buffer = New-Object System.IO.MemoryStream
            [Console]::OpenStandardInput().CopyTo($buffer)
            $bytes = $buffer.ToArray()
            [Array]::Clear($buffer.GetBuffer(), 0, $buffer.GetBuffer().Length)
            $credential = New-Object Hearth.Cred+CREDENTIAL
            $credential.Type = $CRED_TYPE_GENERIC
            $credential.TargetName = $target
            $credential.UserName = 'hearth'
            $credential.Persist = 2
            $credential.CredentialBlobSize = $bytes.Length
            $credential.CredentialBlob = $Marshal::AllocHGlobal([Math]::Max(1, $bytes.Length))
            try {
                $Marshal::Copy($bytes, 0, $credential.CredentialBlob, $bytes.Length)
                if (-not [Hearth.Cred]::CredWrite([ref]$credential, 0)) {
                    [Console]::Error.WriteLine('CredWrite failed: Win32 error ' + $Marshal::GetLastWin32Error())
                    exit 4
                }
            } finally {
                $Marshal::Copy((New-Object byte[] $bytes.Length), 0, $credential.CredentialBlob, $bytes.Length)
                $Marshal::FreeHGlobal($credential.CredentialBlob)
                [Array]::Clear($bytes, 0, $bytes.Length)
            }
            exit 0
            """;

    private static final String READ = """
            $pointer = [IntPtr]::Zero
            if (-not [Hearth.Cred]::CredRead($target, $CRED_TYPE_GENERIC, 0, [ref]$pointer)) {
                $code = $Marshal::GetLastWin32Error()
                if ($code -eq $ERROR_NOT_FOUND) { exit 3 }
                [Console]::Error.WriteLine('CredRead failed: Win32 error ' + $code)
                exit 4
            }
            try {
                $credential = $Marshal::PtrToStructure($pointer, [type][Hearth.Cred+CREDENTIAL])
                $bytes = New-Object byte[] $credential.CredentialBlobSize
                if ($bytes.Length -gt 0) { $Marshal::Copy($credential.CredentialBlob, $bytes, 0, $bytes.Length) }
                $stdout = [Console]::OpenStandardOutput()
                $stdout.Write($bytes, 0, $bytes.Length)
                $stdout.Flush()
                [Array]::Clear($bytes, 0, $bytes.Length)
            } finally {
                [Hearth.Cred]::CredFree($pointer)
            }
            exit 0
            """;

    private static final String DELETE = """
            if (-not [Hearth.Cred]::CredDelete($target, $CRED_TYPE_GENERIC, 0)) {
                $code = $Marshal::GetLastWin32Error()
                if ($code -eq $ERROR_NOT_FOUND) { exit 3 }
                [Console]::Error.WriteLine('CredDelete failed: Win32 error ' + $code)
                exit 4
            }
            exit 0
            """;

    private final Path powershell;

    public WindowsCredentialStore(Path powershell) {
        this.powershell = Objects.requireNonNull(powershell, "powershell");
    }

    @Override
    public void put(String key, char[] secret) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        byte[] bytes = SecretBytes.utf8(secret);
        try {
            KeychainProcess.Result result = run(WRITE, checked, bytes);
            if (result.exitCode() != OK) {
                throw failure("store", checked, result);
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public Optional<char[]> get(String key) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        KeychainProcess.Result result = run(READ, checked, new byte[0]);
        try {
            if (result.exitCode() == NOT_FOUND) {
                return Optional.empty();
            }
            if (result.exitCode() != OK) {
                throw failure("read", checked, result);
            }
            char[] secret = SecretBytes.fromUtf8(result.stdout(), result.stdout().length);
            if (secret == null) {
                throw new SecretStoreException(Kind.FAILED, "The credential " + checked + " was not written by Hearth");
            }
            return Optional.of(secret);
        } finally {
            result.wipe();
        }
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        KeychainProcess.Result result = run(DELETE, checked, new byte[0]);
        if (result.exitCode() != OK && result.exitCode() != NOT_FOUND) {
            throw failure("remove", checked, result);
        }
    }

    /** The key is safe between single quotes: {@link SecretKeys} allows no quote. */
    private KeychainProcess.Result run(String operation, String key, byte[] stdin) throws SecretStoreException {
        String script = PRELUDE + "$target = 'hearth:" + key + "'\n" + operation;
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        return KeychainProcess.run(TOOL, List.of(powershell.toString(), "-NoLogo", "-NoProfile", "-NonInteractive",
                "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded), stdin, TIMEOUT);
    }

    /** Only the script's own "Cred... failed: Win32 error N" line is passed on; PowerShell's noise is not. */
    private static SecretStoreException failure(String action, String key, KeychainProcess.Result result) {
        String detail = result.detail();
        return new SecretStoreException(Kind.FAILED, "The Credential Manager could not " + action + " " + key
                + " (exit " + result.exitCode() + ")" + (detail.startsWith("Cred") ? ": " + detail : ""));
    }
}
