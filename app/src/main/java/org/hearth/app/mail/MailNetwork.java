package org.hearth.app.mail;

import java.net.URI;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.ingest.mail.ImapAccount;

/** What the network gate lets through for mail: the account's own server, and its sign-in provider's token service. */
public final class MailNetwork {

    private MailNetwork() {
    }

    public static NetworkGate.Permit server(ImapAccount account) {
        return NetworkGate.current().allow("mail " + account.host(), new NetworkGate.Rule(account.host(), account.port()));
    }

    public static NetworkGate.Permit signIn(URI tokenEndpoint) {
        return NetworkGate.current().allow("sign-in " + tokenEndpoint.getHost(), tokenEndpoint);
    }
}
