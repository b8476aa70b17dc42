package org.hearth.ui.tab;

import org.hearth.ui.common.Background;
import org.hearth.ui.common.RunningTasks;

/**
 * What the window shares with every tab: the thread for blocking service calls, the list of running jobs
 * the status bar shows, and the way to the model set-up page (e.g. for a file that needs a model first).
 */
public record TabContext(RunningTasks runningTasks, Background background, Runnable openSetup) {
}
