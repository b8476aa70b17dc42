package org.hearth.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** State of the main window, updated on the JavaFX thread by whoever knows it. */
public final class MainWindowViewModel {

    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper();

    public MainWindowViewModel(String initialModelStatus) {
        modelStatus.set(initialModelStatus);
    }

    public ReadOnlyStringProperty modelStatusProperty() {
        return modelStatus.getReadOnlyProperty();
    }

    public void setModelStatus(String status) {
        modelStatus.set(status);
    }
}
