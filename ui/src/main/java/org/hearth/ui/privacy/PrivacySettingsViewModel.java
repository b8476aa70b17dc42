package org.hearth.ui.privacy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.RoutingService;

/**
 * The servers a job may go to and, per kind of job, where it may go. Each change is saved at once, off the JavaFX
 * thread; what the service then holds is shown again, so the list never claims what was not saved.
 */
public final class PrivacySettingsViewModel {

    private final RoutingService service;
    private final Background background;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final Map<JobClass, ReadOnlyObjectWrapper<Optional<String>>> policy = new EnumMap<>(JobClass.class);
    private final Map<JobClass, ReadOnlyBooleanWrapper> unasked = new EnumMap<>(JobClass.class);
    private final ReadOnlyBooleanWrapper keepText = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>();

    public PrivacySettingsViewModel(RoutingService service, Background background) {
        this.service = service;
        this.background = background;
        for (JobClass job : JobClass.values()) {
            policy.put(job, new ReadOnlyObjectWrapper<>(Optional.empty()));
            unasked.put(job, new ReadOnlyBooleanWrapper());
        }
    }

    /** What a user typed into the add form, before it is checked. */
    public record TargetForm(String name, TargetKind kind, String url, String model, String context, boolean anonymise,
                             String priceIn, String priceOut) {
    }

    /** Reads the servers and the policy; the dialog calls it when it opens. */
    public void load() {
        background.run(this::snapshot, this::show, this::report);
    }

    /**
     * Saves a new server; the key goes to the keychain, and the form's copy of it is wiped once it is kept.
     *
     * @return false (and {@link #problemProperty()} says why) when the form does not describe a server
     */
    public boolean add(TargetForm form, char[] apiKey) {
        Target target;
        try {
            target = target(form);
        } catch (FormProblem e) {
            Arrays.fill(apiKey, '\0');
            problem.set(e.message);
            return false;
        }
        problem.set(null);
        char[] key = apiKey.clone();
        Arrays.fill(apiKey, '\0');
        background.run(() -> {
            try {
                service.addTarget(target, key);
            } finally {
                Arrays.fill(key, '\0');
            }
            return snapshot();
        }, this::show, this::report);
        return true;
    }

    public void remove(Target target) {
        background.run(() -> {
            service.removeTarget(target.name());
            return snapshot();
        }, this::show, this::report);
    }

    /** @param targetName empty = this kind of job stays on this machine (and nothing goes without asking) */
    public void allow(JobClass job, Optional<String> targetName) {
        save(job, targetName, targetName.isPresent() && unasked.get(job).get());
    }

    /** Lets a kind of job that may leave go without its preview, or asks again; never for one that stays here. */
    public void sendWithoutAsking(JobClass job, boolean withoutAsking) {
        save(job, policy.get(job).get(), withoutAsking && policy.get(job).get().isPresent());
    }

    private void save(JobClass job, Optional<String> targetName, boolean withoutAsking) {
        if (policy.get(job).get().equals(targetName) && unasked.get(job).get() == withoutAsking) {
            return;
        }
        policy.get(job).set(targetName);
        unasked.get(job).set(withoutAsking);
        background.run(() -> {
            service.allow(job, targetName, withoutAsking);
            return snapshot();
        }, this::show, this::report);
    }

    /** Whether the Protokoll keeps the text of each request from now on. */
    public void keepSentText(boolean keep) {
        if (keepText.get() == keep) {
            return;
        }
        keepText.set(keep);
        background.run(() -> {
            service.keepSentText(keep);
            return snapshot();
        }, this::show, this::report);
    }

    public ReadOnlyBooleanProperty keepSentTextProperty() {
        return keepText.getReadOnlyProperty();
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ReadOnlyObjectProperty<Optional<String>> allowedProperty(JobClass job) {
        return policy.get(job).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty withoutAskingProperty(JobClass job) {
        return unasked.get(job).getReadOnlyProperty();
    }

    /** Why the last change was refused; null when it went through. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private record Snapshot(List<Target> targets, Map<JobClass, Optional<String>> allowed, Set<JobClass> unasked, boolean keepText) {
    }

    private Snapshot snapshot() {
        Map<JobClass, Optional<String>> allowed = new EnumMap<>(JobClass.class);
        Set<JobClass> withoutAsking = EnumSet.noneOf(JobClass.class);
        for (JobClass job : JobClass.values()) {
            allowed.put(job, service.allowed(job));
            if (service.withoutAsking(job)) {
                withoutAsking.add(job);
            }
        }
        return new Snapshot(service.targets(), allowed, withoutAsking, service.keepsSentText());
    }

    private void show(Snapshot snapshot) {
        targets.setAll(snapshot.targets());
        snapshot.allowed().forEach((job, target) -> policy.get(job).set(target));
        unasked.forEach((job, property) -> property.set(snapshot.unasked().contains(job)));
        keepText.set(snapshot.keepText());
    }

    private void report(Exception failure) {
        problem.set(Message.of("settings.targets.refused", String.valueOf(failure.getMessage())));
        load();
    }

    private static final class FormProblem extends Exception {
        private final transient Message message;

        FormProblem(Message message) {
            super(message.key(), null, false, false);
            this.message = message;
        }
    }

    /** The form as a server; each field checked with a sentence the user can act on. */
    private static Target target(TargetForm form) throws FormProblem {
        if (form.name().isBlank()) {
            throw new FormProblem(Message.of("settings.targets.noName"));
        }
        URI url;
        try {
            url = new URI(form.url().strip());
        } catch (URISyntaxException e) {
            throw new FormProblem(Message.of("settings.targets.badUrl", form.url()));
        }
        if (form.model().isBlank()) {
            throw new FormProblem(Message.of("settings.targets.noModel"));
        }
        int context;
        try {
            context = Integer.parseInt(form.context().strip());
        } catch (NumberFormatException e) {
            throw new FormProblem(Message.of("settings.targets.badContext", form.context()));
        }
        try {
            return new Target(form.name().strip(), form.kind(), url, form.model().strip(), context,
                    form.kind() == TargetKind.CLOUD || form.anonymise(), price(form.priceIn()), price(form.priceOut()));
        } catch (IllegalArgumentException e) {
            throw new FormProblem(Message.of("settings.targets.invalid", e.getMessage()));
        }
    }

    private static Optional<Double> price(String text) throws FormProblem {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            throw new FormProblem(Message.of("settings.targets.badPrice", text));
        }
    }
}
