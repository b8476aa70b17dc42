package org.hearth.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.Verification;
import org.hearth.ui.service.RoutingService;

/** Servers, policy and an egress log the test sets up and reads back; the keys it was given, to check them. */
final class FakeRoutingService implements RoutingService {

    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<JobClass, String> policy = new EnumMap<>(JobClass.class);
    private final Set<JobClass> unasked = EnumSet.noneOf(JobClass.class);
    private volatile boolean keepText;
    private final List<EgressEntry> entries;
    private final Verification verification;

    FakeRoutingService() {
        this(List.of(), new Verification(0, Optional.empty()));
    }

    FakeRoutingService(List<EgressEntry> entries, Verification verification) {
        this.entries = List.copyOf(entries);
        this.verification = verification;
    }

    @Override
    public synchronized List<Target> targets() {
        return List.copyOf(targets);
    }

    @Override
    public synchronized void addTarget(Target target, char[] apiKey) {
        targets.add(target);
        keys.put(target.name(), new String(apiKey));
    }

    @Override
    public synchronized void removeTarget(String name) {
        targets.removeIf(target -> target.name().equals(name));
        keys.remove(name);
        policy.entrySet().removeIf(allowed -> {
            boolean toThisServer = allowed.getValue().equals(name);
            if (toThisServer) {
                unasked.remove(allowed.getKey());
            }
            return toThisServer;
        });
    }

    @Override
    public synchronized Optional<String> allowed(JobClass job) {
        return Optional.ofNullable(policy.get(job));
    }

    @Override
    public synchronized boolean withoutAsking(JobClass job) {
        return unasked.contains(job);
    }

    @Override
    public synchronized void allow(JobClass job, Optional<String> targetName, boolean withoutAsking) {
        targetName.ifPresentOrElse(name -> policy.put(job, name), () -> policy.remove(job));
        if (withoutAsking && targetName.isPresent()) {
            unasked.add(job);
        } else {
            unasked.remove(job);
        }
    }

    @Override
    public boolean keepsSentText() {
        return keepText;
    }

    @Override
    public void keepSentText(boolean keep) {
        keepText = keep;
    }

    @Override
    public List<EgressEntry> egressEntries() {
        return entries;
    }

    @Override
    public Verification verifyEgress() {
        return verification;
    }

    /** The API key the window handed over for a server, as the keychain would have got it. */
    String key(String target) {
        return keys.get(target);
    }
}
