package org.hearth.ui.search;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.Tone;
import org.hearth.ui.search.AnswerTask.Phase;
import org.hearth.ui.service.SearchService.AnswerJob.Citation;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.Location;

/**
 * The answer: the question, what is happening with cancel, the text as it streams with each [n] a link to
 * its source, the passages it is based on, and the citations with whether each quote was found verbatim.
 * An unverified quote is marked as such, never shown as a fact; "the documents do not answer this" is an
 * answer of its own, not an error.
 */
final class AnswerPane extends StackPane {

    private final Localization localization;
    private final SearchViewModel viewModel;
    private final AnswerTask answer;
    private final TextFlow text = new TextFlow();
    private final FlowPane sources = new FlowPane(12, 4);
    private final VBox citations = new VBox(8);

    AnswerPane(Localization localization, SearchViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        this.answer = viewModel.answer();
        getStyleClass().add("answer-pane");

        Label question = new Label();
        question.setId("search-answer-question");
        question.textProperty().bind(answer.questionProperty());
        question.getStyleClass().add(Styles.TITLE_4);
        question.setWrapText(true);

        text.setId("search-answer-text");
        text.getStyleClass().add("answer-text");
        sources.setId("search-sources");
        citations.setId("search-citations");

        InvalidationListener redraw = obs -> redraw();
        answer.textProperty().addListener(redraw);
        answer.phaseProperty().addListener(redraw);
        answer.sources().addListener((ListChangeListener<Hit>) change -> showSources());
        answer.citations().addListener((ListChangeListener<Citation>) change -> showCitations());

        BooleanBinding hasSources = Bindings.isNotEmpty(answer.sources());
        BooleanBinding hasCitations = Bindings.isNotEmpty(answer.citations());
        BooleanBinding refused = answer.phaseProperty().isEqualTo(Phase.REFUSED);
        VBox content = new VBox(16, question, statusRow(), refusal(refused), shownUnless(text, refused),
                section("search.answer.sources", sources, hasSources),
                section("search.answer.citations", citations, hasCitations));
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        Label empty = new Label();
        empty.setId("search-answer-empty");
        empty.textProperty().bind(localization.text("search.answer.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.setMaxWidth(360);
        BooleanBinding idle = answer.phaseProperty().isEqualTo(Phase.IDLE);
        empty.visibleProperty().bind(idle);
        scroll.visibleProperty().bind(idle.not());
        getChildren().addAll(empty, scroll);
    }

    /** What is happening (or how it ended), with a spinner and cancel while the model works. */
    private HBox statusRow() {
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(16, 16);
        working.setMaxSize(16, 16);
        working.visibleProperty().bind(answer.runningProperty());
        working.managedProperty().bind(answer.runningProperty());

        Label status = new Label();
        status.setId("search-answer-status");
        status.setWrapText(true);
        status.textProperty().bind(localization.text(answer.statusProperty()));
        answer.phaseProperty().addListener((obs, old, now) -> tone(status, now));

        Button cancel = new Button();
        cancel.setId("search-answer-cancel");
        cancel.textProperty().bind(localization.text("search.cancel"));
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.visibleProperty().bind(answer.runningProperty());
        cancel.managedProperty().bind(answer.runningProperty());
        cancel.setOnAction(e -> answer.cancel());

        HBox row = new HBox(8, working, status, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void tone(Label status, Phase phase) {
        boolean unverified = answer.citations().stream().anyMatch(c -> !c.verified());
        Tone tone = switch (phase) {
            case DONE -> unverified || answer.citations().isEmpty() ? Tone.WARNING : Tone.SUCCESS;
            case FAILED -> Tone.DANGER;
            default -> Tone.NEUTRAL;
        };
        tone.applyTo(status);
    }

    /** The documents hold no answer: said plainly, in the calm style of a result. */
    private VBox refusal(BooleanBinding refused) {
        Label heading = new Label();
        heading.textProperty().bind(localization.text("search.answer.refused"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label reason = new Label();
        reason.setId("search-refusal-text");
        reason.textProperty().bind(answer.textProperty());
        reason.setWrapText(true);
        VBox box = new VBox(4, heading, reason);
        box.setId("search-refusal");
        box.getStyleClass().add("answer-refusal");
        box.visibleProperty().bind(refused);
        box.managedProperty().bind(refused);
        return box;
    }

    /** The text with each citation mark as a link; redrawn as pieces arrive (answers are short). */
    private void redraw() {
        List<Node> nodes = new ArrayList<>();
        for (CitedText.Part part : CitedText.parse(answer.textProperty().get())) {
            switch (part) {
                case CitedText.Plain plain -> {
                    Text piece = new Text(plain.text());
                    piece.getStyleClass().add("answer-words");
                    nodes.add(piece);
                }
                case CitedText.Mark mark -> nodes.add(mark(mark.n()));
            }
        }
        text.getChildren().setAll(nodes);
        text.getStyleClass().remove("answer-partial");
        if (answer.phaseProperty().get() == Phase.CANCELLED || answer.phaseProperty().get() == Phase.FAILED) {
            text.getStyleClass().add("answer-partial");
        }
    }

    /**
     * "[n]": before the citations are checked it leads to the source; afterwards it shows whether the quote was
     * found. A mark without a checked quote counts as unverified.
     */
    private Hyperlink mark(int n) {
        Hyperlink link = new Hyperlink("[" + n + "]");
        link.getStyleClass().add("citation-mark");
        Optional<Citation> citation = answer.citation(n);
        Optional<Location> location = citation.map(Citation::location).or(() -> answer.source(n).map(Hit::location));
        boolean checked = answer.phaseProperty().get() == Phase.DONE;
        if (checked) {
            link.getStyleClass().add(citation.filter(Citation::verified).isPresent() ? "verified" : "unverified");
        }
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> markTip(citation, location, checked))));
        link.setTooltip(tip);
        location.ifPresentOrElse(where -> link.setOnAction(e -> viewModel.open(where)), () -> link.setDisable(true));
        return link;
    }

    private static Message markTip(Optional<Citation> citation, Optional<Location> location, boolean checked) {
        if (citation.isPresent() && checked) {
            Citation c = citation.get();
            return Message.of(c.verified() ? "search.citation.tip.verified" : "search.citation.tip.unverified",
                    SearchWording.fileAndPlace(c.location()), c.quote());
        }
        if (checked) {
            return location.map(where -> Message.of("search.citation.tip.noQuote", SearchWording.fileAndPlace(where)))
                    .orElse(Message.of("search.citation.tip.unknown"));
        }
        return location.map(SearchWording::fileAndPlace).orElse(Message.of("search.citation.tip.unknown"));
    }

    private void showSources() {
        List<Node> links = new ArrayList<>();
        List<Hit> found = answer.sources();
        for (int i = 0; i < found.size(); i++) {
            Location where = found.get(i).location();
            Hyperlink link = new Hyperlink();
            link.getStyleClass().add("source-link");
            link.textProperty().bind(localization.text("search.source", i + 1, SearchWording.fileAndPlace(where)));
            link.setOnAction(e -> viewModel.open(where));
            links.add(link);
        }
        sources.getChildren().setAll(links);
    }

    private void showCitations() {
        citations.getChildren().setAll(answer.citations().stream().map(this::citationRow).toList());
        redraw();
    }

    /**
     * "[1] Vertrag.pdf · p. 4  ✓ found verbatim" over the quote. An unverified one says so in the warning
     * colour, and its quote is set back as a claim to check, not a fact.
     */
    private Node citationRow(Citation citation) {
        Label number = new Label("[" + citation.n() + "]");
        number.getStyleClass().addAll(Styles.TEXT_BOLD, "citation-number");
        number.setMinWidth(Region.USE_PREF_SIZE);

        Hyperlink where = new Hyperlink();
        where.getStyleClass().add("citation-link");
        Message place = SearchWording.fileAndPlace(citation.location());
        where.textProperty().bind(localization.text(place.key(), place.args().toArray()));
        where.setOnAction(e -> viewModel.open(citation.location()));
        // The row opens on a click too; the link's own click must not open it a second time.
        where.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        where.setMinWidth(0);

        Label mark = new Label();
        mark.getStyleClass().addAll("citation-check", citation.verified() ? Styles.SUCCESS : Styles.WARNING);
        mark.textProperty().bind(localization.text(citation.verified() ? "search.citation.verified" : "search.citation.unverified"));
        mark.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, where, spacer, mark);
        top.setAlignment(Pos.CENTER_LEFT);

        Label quote = new Label();
        quote.getStyleClass().add("citation-quote");
        quote.textProperty().bind(localization.text("search.citation.quote", citation.quote()));
        quote.setWrapText(true);
        VBox body = new VBox(2, top, quote);
        if (!citation.verified()) {
            Label warning = new Label();
            warning.textProperty().bind(localization.text("search.citation.unverified.hint"));
            warning.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
            warning.setWrapText(true);
            body.getChildren().add(warning);
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);

        HBox row = new HBox(8, number, body);
        row.setId("citation-" + citation.n());
        row.getStyleClass().addAll("citation-row", citation.verified() ? "verified" : "unverified");
        row.setCursor(Cursor.HAND);
        row.setOnMouseClicked(e -> viewModel.open(citation.location()));
        return row;
    }

    private VBox section(String headingKey, Node body, BooleanBinding shown) {
        Label heading = new Label();
        heading.textProperty().bind(localization.text(headingKey));
        heading.getStyleClass().add("detail-heading");
        VBox section = new VBox(6, heading, body);
        section.visibleProperty().bind(shown);
        section.managedProperty().bind(shown);
        return section;
    }

    private static Node shownUnless(Node node, BooleanBinding hidden) {
        node.visibleProperty().bind(hidden.not());
        node.managedProperty().bind(hidden.not());
        return node;
    }
}
