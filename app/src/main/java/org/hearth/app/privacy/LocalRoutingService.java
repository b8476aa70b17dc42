package org.hearth.app.privacy;

import java.util.List;
import java.util.Optional;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.assistant.route.egress.EgressLogException;
import org.hearth.assistant.route.egress.Verification;
import org.hearth.ui.service.RoutingService;

/** The window's servers and policy over hearth.db, API keys in the keychain, and the egress log in audit/. */
public final class LocalRoutingService implements RoutingService {

    private final RoutingStore store;
    private final Keychain keychain;
    private final EgressLog log;

    public LocalRoutingService(RoutingStore store, Keychain keychain, EgressLog log) {
        this.store = store;
        this.keychain = keychain;
        this.log = log;
    }

    @Override
    public List<Target> targets() {
        return store.targets().stream().map(RoutingStore.StoredTarget::target).toList();
    }

    /** The key goes to the keychain first: a target whose key could not be kept is not saved. */
    @Override
    public void addTarget(Target target, char[] apiKey) {
        boolean hasKey = apiKey.length > 0;
        String secretKey = store.add(target, hasKey);
        if (hasKey) {
            try {
                keychain.open().put(secretKey, apiKey);
            } catch (SecretStoreException e) {
                store.remove(target.name());
                throw new IllegalArgumentException("the API key could not be kept in the keychain: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void removeTarget(String name) {
        Optional<RoutingStore.StoredTarget> stored = store.find(name);
        if (stored.isEmpty()) {
            return;
        }
        store.remove(name);
        if (stored.get().hasKey()) {
            try {
                keychain.open().delete(stored.get().secretKey());
            } catch (SecretStoreException e) {
                throw new IllegalArgumentException("\"" + name + "\" was removed, but its API key is still in the keychain: "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<String> allowed(JobClass job) {
        return store.allowed(job).stream().map(Target::name).findFirst();
    }

    @Override
    public boolean withoutAsking(JobClass job) {
        return store.withoutAsking(job);
    }

    @Override
    public void allow(JobClass job, Optional<String> targetName, boolean withoutAsking) {
        store.allow(job, targetName.stream().toList(), withoutAsking && targetName.isPresent());
    }

    @Override
    public boolean keepsSentText() {
        return store.keepsSentText();
    }

    @Override
    public void keepSentText(boolean keep) {
        store.keepSentText(keep);
    }

    @Override
    public List<EgressEntry> egressEntries() {
        try {
            return log.entries();
        } catch (EgressLogException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Verification verifyEgress() {
        try {
            return log.verify();
        } catch (EgressLogException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
