package org.hearth.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The window's current language. Texts are bound to it, so switching the language re-labels the open
 * window without rebuilding it (and without losing the queue).
 */
public final class Localization {

    private static final String BUNDLE = "org.hearth.ui.messages";

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>();
    private ResourceBundle bundle;

    public Localization(Locale locale) {
        setLocale(locale);
    }

    /** The language for a settings value: "de" or "en", or "" for the system's; anything else is English. */
    public static Locale resolve(String setting, Locale system) {
        String language = setting.isBlank() ? system.getLanguage() : setting;
        return language.equals(Locale.GERMAN.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }

    public void setLocale(Locale newLocale) {
        // No fallback to the JVM's default locale: English must mean the base bundle even on a German system.
        bundle = ResourceBundle.getBundle(BUNDLE, newLocale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        locale.set(newLocale);
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /** "de" or "en". */
    public String language() {
        return locale.get().getLanguage();
    }

    /** The worded text; an argument that is itself a {@link Message} is worded first. */
    public String get(String key, Object... args) {
        Object[] worded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            worded[i] = args[i] instanceof Message nested ? get(nested) : args[i];
        }
        return new MessageFormat(bundle.getString(key), locale.get()).format(worded);
    }

    public String get(Message message) {
        return get(message.key(), message.args().toArray());
    }

    /** A text that follows the language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A text that follows both the language and the message; no message shows as empty. */
    public StringBinding text(ObservableValue<Message> message) {
        return Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : get(message.getValue()), locale, message);
    }
}
