package org.hearth.ui.privacy;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.Verification;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.RoutingService;

/** The Protokoll: every request that left this machine, and whether the record is still as it was written. */
public final class EgressLogViewModel {

    private final RoutingService service;
    private final Background background;
    private final ObservableList<EgressEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Message> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> intact = new ReadOnlyObjectWrapper<>();

    public EgressLogViewModel(RoutingService service, Background background) {
        this.service = service;
        this.background = background;
    }

    /** Reads the entries anew, newest first. */
    public void load() {
        background.run(() -> service.egressEntries().reversed(), this::show,
                failure -> show(false, Message.of("egress.unreadable", String.valueOf(failure.getMessage()))));
    }

    /** Checks the chain; the verdict says "intact" with the count, or the first line that does not fit and why. */
    public void verify() {
        verdict.set(Message.of("egress.verifying"));
        intact.set(null);
        background.run(service::verifyEgress, this::show,
                failure -> show(false, Message.of("egress.unreadable", String.valueOf(failure.getMessage()))));
    }

    public ObservableList<EgressEntry> entries() {
        return entries;
    }

    /** The outcome of the last check; null before the first. */
    public ReadOnlyObjectProperty<Message> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True or false after a check; null before one and while it runs. */
    public ReadOnlyObjectProperty<Boolean> intactProperty() {
        return intact.getReadOnlyProperty();
    }

    private void show(List<EgressEntry> read) {
        entries.setAll(read);
    }

    private void show(Verification verification) {
        show(verification.intact(), verification.broken()
                .map(at -> Message.of("egress.broken", at.line(), at.reason()))
                .orElseGet(() -> Message.of("egress.intact", verification.entries())));
    }

    private void show(boolean whole, Message message) {
        intact.set(whole);
        verdict.set(message);
    }
}
