package org.hearth.ui.settings;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.hearth.domain.Release;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;
import org.hearth.ui.privacy.PrivacySettingsPane;
import org.hearth.ui.privacy.PrivacySettingsViewModel;
import org.hearth.ui.common.FolderChooser;
import org.hearth.ui.service.SettingsService.Settings;
import org.hearth.ui.service.SettingsService.Theme;

/**
 * Model, threads, context length, language and theme, saved and applied when the user clicks Save; and, where the
 * window routes jobs, "Servers & privacy", whose changes are saved as they are made (a server's key must not wait
 * in a dialog for a Save).
 */
public final class SettingsDialog extends Dialog<Settings> {

    /** Context lengths a user can sensibly pick; more needs more memory, fewer loses detail in long files. */
    private static final List<Integer> CONTEXT_LENGTHS = List.of(2048, 4096, 8192, 16384, 32768);

    /** @param openSetup shows the set-up page, where the user downloads another model */
    public SettingsDialog(Window owner, Localization localization, SettingsViewModel viewModel, Runnable openSetup,
                          Optional<PrivacySettingsViewModel> privacy) {
        initOwner(owner);
        Settings current = viewModel.current();
        setTitle(localization.get("settings.title"));

        ComboBox<String> model = LocalizedCell.comboBox(localization, viewModel.modelChoices(), current.model(),
                name -> name.isEmpty() ? localization.get("settings.model.automatic") : name);
        model.setId("settings-model");
        // Getting another model happens on the set-up page, where its download shows; the dialog makes way for it.
        Hyperlink moreModels = new Hyperlink(localization.get("settings.model.more"));
        moreModels.setId("settings-more-models");
        moreModels.setOnAction(e -> {
            close();
            openSetup.run();
        });
        Spinner<Integer> threads = new Spinner<>(0, viewModel.availableCores(), current.threads());
        threads.setId("settings-threads");
        threads.setEditable(true);
        ComboBox<Integer> contextLength = LocalizedCell.comboBox(localization, contextLengths(current.contextLength()),
                current.contextLength(), tokens -> localization.get("settings.contextLength.tokens", tokens));
        contextLength.setId("settings-context");
        ComboBox<UiLanguage> language = LocalizedCell.comboBox(localization, List.of(UiLanguage.values()),
                UiLanguage.of(current.language()), l -> localization.get("settings.language." + l.name()));
        language.setId("settings-language");
        ComboBox<Theme> theme = LocalizedCell.comboBox(localization, List.of(Theme.values()), current.theme(),
                t -> localization.get("settings.theme." + t.name()));
        theme.setId("settings-theme");
        TextField templates = new TextField(current.templates());
        templates.setId("settings-templates");
        templates.setPromptText(localization.get("settings.templates.prompt"));
        templates.setPrefColumnCount(28);
        Button chooseTemplates = new Button(localization.get("settings.templates.choose"));
        chooseTemplates.setId("settings-templates-choose");
        chooseTemplates.setMinWidth(Region.USE_PREF_SIZE);
        chooseTemplates.setOnAction(e -> FolderChooser.system().choose(getDialogPane().getScene().getWindow(),
                localization.get("settings.templates.chooserTitle")).ifPresent(folder -> templates.setText(folder.toString())));
        HBox templatesLine = new HBox(8, templates, chooseTemplates);
        HBox.setHgrow(templates, Priority.ALWAYS);

        GridPane form = new GridPane(16, 8);
        form.setPadding(new Insets(16));
        // the labels keep their whole text ("Kontextlänge", "Vorlagenordner"); the fields take what is left
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label(localization.get("settings.model")), new VBox(4, model, moreModels));
        form.addRow(1, new Label(localization.get("settings.threads")), threads);
        form.add(hint(localization.get("settings.threads.hint")), 1, 2);
        form.addRow(3, new Label(localization.get("settings.contextLength")), contextLength);
        form.addRow(4, new Label(localization.get("settings.language")), language);
        form.addRow(5, new Label(localization.get("settings.theme")), theme);
        form.addRow(6, new Label(localization.get("settings.templates")), templatesLine);
        form.add(hint(localization.get("settings.templates.hint")), 1, 7);
        Label version = new Label(localization.get("settings.version.value", Release.version()));
        version.setId("settings-version");
        form.addRow(8, new Label(localization.get("settings.version")), new VBox(2, version, hint(localization.get("settings.version.hint"))));
        getDialogPane().setContent(privacy.<Node>map(routing -> sections(localization, form, routing)).orElse(form));
        // the servers' form needs the room; the general settings alone keep their compact dialog
        privacy.ifPresent(routing -> {
            getDialogPane().setPrefWidth(840);
            getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        });

        ButtonType save = new ButtonType(localization.get("settings.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(localization.get("settings.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(save, cancel);
        getDialogPane().lookupButton(save).setId("settings-save");
        getDialogPane().lookupButton(cancel).setId("settings-cancel");
        setResultConverter(button -> button == save
                ? new Settings(model.getValue(), threads.getValue(), contextLength.getValue(),
                        language.getValue().code(), theme.getValue(), templates.getText().strip())
                : null);
    }

    /** Shows the dialog and applies what the user saved. */
    public static void open(Window owner, Localization localization, SettingsViewModel viewModel, Runnable openSetup,
                            Optional<PrivacySettingsViewModel> privacy) {
        new SettingsDialog(owner, localization, viewModel, openSetup, privacy).showAndWait().ifPresent(viewModel::apply);
    }

    private static TabPane sections(Localization localization, GridPane general, PrivacySettingsViewModel privacy) {
        Tab generalTab = new Tab(localization.get("settings.section.general"), general);
        PrivacySettingsPane pane = new PrivacySettingsPane(localization, privacy);
        pane.setPadding(new Insets(16));
        Tab privacyTab = new Tab(localization.get("settings.section.privacy"), pane);
        TabPane sections = new TabPane(generalTab, privacyTab);
        sections.setId("settings-sections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return sections;
    }

    /** The usual choices, plus the current value if the user's settings file holds another one. */
    private static List<Integer> contextLengths(int current) {
        return CONTEXT_LENGTHS.contains(current)
                ? CONTEXT_LENGTHS
                : java.util.stream.Stream.concat(CONTEXT_LENGTHS.stream(), java.util.stream.Stream.of(current)).sorted().toList();
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().addAll("text-small", "text-muted");
        hint.setWrapText(true);
        return hint;
    }
}
