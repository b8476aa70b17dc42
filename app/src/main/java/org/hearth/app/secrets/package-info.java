/**
 * Passwords and refresh tokens in the operating system's keychain ({@link org.hearth.app.secrets.SecretStore},
 * chosen by {@link org.hearth.app.secrets.SecretStores#forThisSystem()}), driven through each system's own command
 * line tool with the secret on stdin, never in arguments or the environment. Secrets are never logged and never put
 * into exception messages.
 */
package org.hearth.app.secrets;
