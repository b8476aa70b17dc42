package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A tab is added by registering it, nothing else: a tab the window was not built for takes its place in the
 * rail where it was registered, shows its badge, opens its page and hears when it is opened and closed.
 */
@ExtendWith(ApplicationExtension.class)
class TabRegistryTest {

    private final SimpleIntegerProperty notesBadge = new SimpleIntegerProperty(3);
    private final AtomicInteger notesOpened = new AtomicInteger();
    private final AtomicInteger notesClosed = new AtomicInteger();
    private final AtomicInteger notesBuilt = new AtomicInteger();
    private Stage window;

    /** A tab the ui does not know, as Drafts will be. */
    private final class NotesTab implements Tab {

        @Override
        public String id() {
            return "notes";
        }

        @Override
        public String labelKey() {
            return "app.name";
        }

        @Override
        public Node icon() {
            return Icons.document();
        }

        @Override
        public ObservableIntegerValue badge() {
            return notesBadge;
        }

        @Override
        public Node createView(Localization localization) {
            notesBuilt.incrementAndGet();
            Label page = new Label("the notes page");
            page.setId("notes-page");
            return page;
        }

        @Override
        public void opened() {
            notesOpened.incrementAndGet();
        }

        @Override
        public void close() {
            notesClosed.incrementAndGet();
        }
    }

    @Start
    void start(Stage stage) {
        window = stage;
        List<TabDefinition> tabs = new ArrayList<>(AppTabs.of(new FakeSummaryService(), new FakeExportService(),
                new FakeInboxService(), new FakeSearchService()));
        tabs.add(3, context -> new NotesTab());
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                tabs, Locale.ENGLISH).show(stage);
    }

    @Test
    void a_registered_tab_stands_in_the_rail_where_it_was_registered_and_opens_its_page(FxRobot robot) {
        List<String> entries = robot.lookup(".rail-entry").queryAll().stream()
                .filter(entry -> entry instanceof ToggleButton && visible(robot, "#" + entry.getId()))
                .map(Node::getId).toList();
        assertThat(entries).containsExactly("nav-inbox", "nav-documents", "nav-drafting", "nav-notes", "nav-search");
        assertThat(text(robot, "#nav-notes")).isEqualTo("Hearth");
        assertThat(badge(robot).getText()).isEqualTo("3");
        assertThat(robot.lookup("#notes-page").tryQuery()).as("not even built until chosen").isEmpty();
        assertThat(visible(robot, "#documents-style")).as("the window opens on Documents").isTrue();

        robot.clickOn("#nav-notes");

        assertThat(visible(robot, "#notes-page")).isTrue();
        assertThat(visible(robot, "#documents-style")).as("the page it replaced").isFalse();
        assertThat(notesOpened).hasValue(1);

        robot.interact(() -> notesBadge.set(0));
        assertThat(badge(robot).isVisible()).as("no badge at zero").isFalse();

        robot.clickOn("#nav-inbox");
        assertThat(visible(robot, "#notes-page")).isFalse();
        robot.interact(window::hide);
        assertThat(notesClosed).as("closing the window closes the tab").hasValue(1);
    }

    @Test
    void a_page_is_built_the_first_time_it_opens_and_kept_from_then_on(FxRobot robot) {
        assertThat(notesBuilt).as("not built for the window's start").hasValue(0);

        robot.clickOn("#nav-notes");
        robot.clickOn("#nav-inbox");
        robot.clickOn("#nav-notes");

        assertThat(notesBuilt).hasValue(1);
        assertThat(robot.lookup("#notes-page").queryAll()).hasSize(1);
        assertThat(visible(robot, "#notes-page")).isTrue();
    }

    private static Labeled badge(FxRobot robot) {
        return robot.from(robot.lookup("#nav-notes").query().getParent()).lookup(".rail-badge").queryLabeled();
    }
}
