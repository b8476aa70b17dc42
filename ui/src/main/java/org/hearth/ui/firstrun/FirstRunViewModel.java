package org.hearth.ui.firstrun;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.ModelService.Offer;
import org.hearth.ui.service.ModelService.Recommendation;
import org.hearth.ui.settings.SettingsViewModel;
import org.hearth.ui.settings.UiLanguage;

/** First run: the recommended model and why, its download, or a GGUF file the user already has. */
public final class FirstRunViewModel {

    private final ModelService models;
    private final ReadOnlyObjectProperty<ModelState> modelState;
    private final SettingsViewModel settings;
    private final Localization localization;
    private final ModelDownload download;
    private final ReadOnlyObjectWrapper<Recommendation> recommendation = new ReadOnlyObjectWrapper<>();
    private final List<Offer> offers;
    private final ObjectProperty<Offer> choice = new SimpleObjectProperty<>();

    public FirstRunViewModel(ModelService models, ReadOnlyObjectProperty<ModelState> modelState, SettingsViewModel settings,
            Localization localization, RunningTasks runningTasks) {
        this.models = models;
        this.modelState = modelState;
        this.settings = settings;
        this.localization = localization;
        this.download = new ModelDownload(models, runningTasks);
        download.follow(modelState.get());
        modelState.addListener((obs, old, state) -> download.follow(state));
        // The reason is worded by the service, so it is asked again in the new language.
        recommendation.set(models.recommend(localization.language()));
        offers = models.offers();
        String recommended = recommendation.get().modelName();
        choice.set(offers.stream().filter(offer -> offer.modelName().equals(recommended)).findFirst()
                .orElse(offers.getFirst()));
        localization.localeProperty().addListener((obs, old, locale) -> recommendation.set(models.recommend(localization.language())));
    }

    public ReadOnlyObjectProperty<Recommendation> recommendationProperty() {
        return recommendation.getReadOnlyProperty();
    }

    public ModelDownload download() {
        return download;
    }

    /** True while a download is under way or paused: the panel shows its progress instead of the button. */
    public BooleanBinding downloading() {
        return Bindings.createBooleanBinding(() -> modelState.get() instanceof ModelState.Downloading, modelState);
    }

    /** What went wrong when setting the model up, in the user's words; null otherwise. */
    public ObjectBinding<Message> problem() {
        return Bindings.createObjectBinding(
                () -> modelState.get() instanceof ModelState.Failed failed ? ModelWording.failure(failed) : null, modelState);
    }

    /** The technical cause of that failure, labelled as such (for the firm's IT); null when there is none. */
    public ObjectBinding<Message> problemDetail() {
        return Bindings.createObjectBinding(
                () -> modelState.get() instanceof ModelState.Failed failed ? ModelWording.detail(failed) : null, modelState);
    }

    /** The models to choose from: every chat model size and the search model. */
    public List<Offer> offers() {
        return offers;
    }

    /** The model the download button gets; the recommended one until the user picks another. */
    public ObjectProperty<Offer> choiceProperty() {
        return choice;
    }

    public void startDownload() {
        download.start(choice.get().id());
    }

    public void pause() {
        download.pause();
    }

    public void resume() {
        download.start(choice.get().id());
    }

    public void cancel() {
        download.cancel();
    }

    public void importModel(Path ggufFile) {
        models.importModel(ggufFile);
    }

    public UiLanguage language() {
        return UiLanguage.of(localization.localeProperty().get());
    }

    public void changeLanguage(UiLanguage language) {
        settings.changeLanguage(language);
    }
}
