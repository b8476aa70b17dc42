package org.hearth.ui.tab;

import org.hearth.ui.common.Background;
import org.hearth.ui.common.RunningTasks;

/**
 * What the window shares with every tab: the thread for blocking service calls and the list of running jobs
 * the status bar shows.
 */
public record TabContext(RunningTasks runningTasks, Background background) {
}
