package org.hearth.ui.tab;

import javafx.beans.value.ObservableValue;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.SettingsService.Settings;

/**
 * What the window shares with every tab: the thread for blocking service calls, the list of running jobs
 * the status bar shows, the way to the model set-up page (e.g. for a file that needs a model first), and the
 * settings as the user last saved them.
 */
public record TabContext(RunningTasks runningTasks, Background background, Runnable openSetup, ObservableValue<Settings> settings) {
}
