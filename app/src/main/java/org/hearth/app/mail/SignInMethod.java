package org.hearth.app.mail;

/** How an account logs in: a password, or OAuth2 (XOAUTH2) with one of the supported providers. */
public enum SignInMethod {
    PASSWORD, MICROSOFT_365, GOOGLE
}
