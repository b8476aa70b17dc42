package org.hearth.app.mail;

import org.hearth.ui.service.InboxService.SignIn;
import org.hearth.ingest.mail.oauth.OAuthProvider;

/** The OAuth apps Hearth signs in with; the firm may register its own and set their client ids. */
@FunctionalInterface
public interface OAuthApps {
    OAuthProvider provider(SignIn method);
}
