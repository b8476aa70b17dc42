package org.hearth.ui.privacy;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;

/**
 * "Servers & privacy" in the settings: the servers a job may go to (add, remove) and, per kind of job, "only on
 * this computer" or one of them. Nothing is allowed until the user chooses it here.
 */
public final class PrivacySettingsPane extends VBox {

    private final Localization localization;
    private final PrivacySettingsViewModel viewModel;

    public PrivacySettingsPane(Localization localization, PrivacySettingsViewModel viewModel) {
        super(8);
        this.localization = localization;
        this.viewModel = viewModel;
        setId("settings-privacy");
        Label intro = wrapped(localization.get("settings.privacy.intro"));
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        Label problem = wrapped("");
        problem.setId("settings-targets-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(localization.text(viewModel.problemProperty()));
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Label hint = wrapped(localization.get("settings.policy.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        getChildren().addAll(intro, targetList(), addForm(), problem, policy(), hint, keepText());
        viewModel.load();
    }

    private ListView<Target> targetList() {
        ListView<Target> list = new ListView<>(viewModel.targets());
        list.setId("settings-targets");
        list.setPrefHeight(110);
        Label none = new Label(localization.get("settings.targets.none"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(none);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Target target, boolean empty) {
                super.updateItem(target, empty);
                if (empty || target == null) {
                    setGraphic(null);
                    return;
                }
                Label line = new Label(localization.get("settings.targets.line", target.name(),
                        localization.get("target.kind." + target.kind().name()), target.model(), target.baseUri().toString(),
                        localization.get(target.anonymise() ? "settings.targets.anonymised" : "settings.targets.notAnonymised")));
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button remove = new Button(localization.get("settings.targets.remove"));
                remove.setId("settings-target-remove-" + target.name());
                remove.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
                remove.setOnAction(e -> viewModel.remove(target));
                HBox row = new HBox(8, line, spacer, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        return list;
    }

    private GridPane addForm() {
        TextField name = field("settings-target-name", "settings.targets.name.prompt");
        ComboBox<TargetKind> kind = LocalizedCell.comboBox(localization, List.of(TargetKind.values()), TargetKind.FIRM,
                k -> localization.get("target.kind." + k.name()));
        kind.setId("settings-target-kind");
        TextField url = field("settings-target-url", "settings.targets.url.prompt");
        TextField model = field("settings-target-model", "settings.targets.model.prompt");
        TextField context = field("settings-target-context", "settings.targets.context.prompt");
        context.setText("8192");
        PasswordField apiKey = new PasswordField();
        apiKey.setId("settings-target-key");
        apiKey.setPromptText(localization.get("settings.targets.key.prompt"));
        CheckBox anonymise = new CheckBox(localization.get("settings.targets.anonymise"));
        anonymise.setId("settings-target-anonymise");
        anonymise.setSelected(true);
        // what goes to a cloud provider is always anonymised: the box shows it and cannot be cleared
        kind.valueProperty().addListener((obs, old, now) -> {
            if (now == TargetKind.CLOUD) {
                anonymise.setSelected(true);
            }
        });
        anonymise.disableProperty().bind(kind.valueProperty().isEqualTo(TargetKind.CLOUD));
        TextField priceIn = field("settings-target-price-in", "settings.targets.priceIn.prompt");
        TextField priceOut = field("settings-target-price-out", "settings.targets.priceOut.prompt");
        Button add = new Button(localization.get("settings.targets.add"));
        add.setId("settings-target-add");
        add.setOnAction(e -> {
            boolean accepted = viewModel.add(new PrivacySettingsViewModel.TargetForm(name.getText(), kind.getValue(), url.getText(),
                    model.getText(), context.getText(), anonymise.isSelected(), priceIn.getText(), priceOut.getText()),
                    apiKey.getText().toCharArray());
            apiKey.clear();
            if (accepted) {
                List.of(name, url, model, priceIn, priceOut).forEach(TextField::clear);
            }
        });

        GridPane form = new GridPane(8, 6);
        form.addRow(0, label("settings.targets.name"), name, label("settings.targets.kind"), kind);
        form.addRow(1, label("settings.targets.url"), url, label("settings.targets.model"), model);
        form.addRow(2, label("settings.targets.context"), context, label("settings.targets.key"), apiKey);
        form.addRow(3, label("settings.targets.priceIn"), priceIn, label("settings.targets.priceOut"), priceOut);
        form.add(anonymise, 1, 4);
        form.add(add, 3, 4);
        for (TextField field : List.of(name, url, model, context, apiKey, priceIn, priceOut)) {
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        kind.setMinWidth(Region.USE_PREF_SIZE);
        anonymise.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        return form;
    }

    /** Per kind of job: "only on this computer" or a server, the servers following the list above. */
    private GridPane policy() {
        GridPane grid = new GridPane(8, 6);
        Label title = label("settings.policy");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        grid.add(title, 0, 0, 2, 1);
        int row = 1;
        for (JobClass job : JobClass.values()) {
            ComboBox<String> where = LocalizedCell.comboBox(localization, choices(), "",
                    name -> name.isEmpty() ? localization.get("settings.policy.localOnly") : name);
            where.setId("settings-policy-" + job.name().toLowerCase(java.util.Locale.ROOT));
            Runnable refresh = () -> {
                where.getItems().setAll(choices());
                where.setValue(viewModel.allowedProperty(job).get().orElse(""));
            };
            viewModel.targets().addListener((ListChangeListener<Target>) change -> refresh.run());
            viewModel.allowedProperty(job).addListener((obs, old, now) -> refresh.run());
            where.setOnAction(e -> {
                if (where.getValue() != null) {
                    viewModel.allow(job, where.getValue().isEmpty() ? Optional.empty() : Optional.of(where.getValue()));
                }
            });
            CheckBox withoutAsking = new CheckBox(localization.get("settings.policy.withoutAsking"));
            withoutAsking.setId("settings-unasked-" + job.name().toLowerCase(java.util.Locale.ROOT));
            withoutAsking.setTooltip(new Tooltip(localization.get("settings.policy.withoutAsking.tip")));
            withoutAsking.setMinWidth(Region.USE_PREF_SIZE);
            withoutAsking.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.allowedProperty(job).get().isEmpty(),
                    viewModel.allowedProperty(job)));
            withoutAsking.selectedProperty().bindBidirectional(unaskedChoice(job));
            grid.addRow(row++, label("settings.policy." + job.name()), where, withoutAsking);
        }
        return grid;
    }

    /** Whether the Protokoll keeps what was sent: off by default, as the text is client data even when anonymised. */
    private CheckBox keepText() {
        CheckBox keep = new CheckBox(localization.get("settings.keepText"));
        keep.setId("settings-keep-text");
        keep.setWrapText(true);
        keep.setTooltip(new Tooltip(localization.get("settings.keepText.tip")));
        keep.setSelected(viewModel.keepSentTextProperty().get());
        viewModel.keepSentTextProperty().addListener((obs, old, now) -> keep.setSelected(now));
        keep.selectedProperty().addListener((obs, old, now) -> viewModel.keepSentText(now));
        return keep;
    }

    /** The check box's state, following what was saved and saving what the user ticks. */
    private BooleanProperty unaskedChoice(JobClass job) {
        BooleanProperty choice = new SimpleBooleanProperty(viewModel.withoutAskingProperty(job).get());
        viewModel.withoutAskingProperty(job).addListener((obs, old, now) -> choice.set(now));
        choice.addListener((obs, old, now) -> viewModel.sendWithoutAsking(job, now));
        return choice;
    }

    private List<String> choices() {
        List<String> choices = new ArrayList<>();
        choices.add("");
        viewModel.targets().forEach(target -> choices.add(target.name()));
        return choices;
    }

    private TextField field(String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(localization.get(promptKey));
        return field;
    }

    private Label label(String key) {
        Label label = new Label(localization.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A label that wraps and keeps every line, however narrow the dialog. */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
