/**
 * OAuth 2.0 sign-in for Microsoft 365 and Google mailboxes, whose IMAP servers want SASL XOAUTH2 with an access
 * token instead of a password: the authorization code flow with PKCE through the system browser and a loopback
 * redirect ({@link org.hearth.ingest.mail.oauth.AuthorizationCodeFlow}), and token refresh
 * ({@link org.hearth.ingest.mail.oauth.TokenClient}). Plain {@code java.net.http} and the JDK's HTTP server.
 * Tokens, codes, verifiers and the user's address are never logged and never put into exception messages.
 */
package org.hearth.ingest.mail.oauth;
