package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Units;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.status.StatusBarViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's memory line follows what the model occupies, refreshed by a timer while the bar runs. */
@ExtendWith(ApplicationExtension.class)
class StatusBarMemoryTest {

    @Test
    void theMemoryLineFollowsTheModelWhileTheBarRunsAndStopsWithIt(FxRobot robot) throws Exception {
        FakeModelService models = new FakeModelService(new ModelState.Ready("Qwen3.5 4B"));
        StatusBarViewModel bar = new StatusBarViewModel(models, new SimpleObjectProperty<>(models.state()), new RunningTasks());

        robot.interact(bar::start);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Message.of("status.memory", Units.gigabytes(3_435_973_837L)).equals(bar.memoryLine().get()));

        models.memoryInUse = 1L << 30;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> bar.memoryLine().get().equals(Message.of("status.memory", Units.gigabytes(1L << 30))));
        robot.interact(bar::stop);
        assertThat(models.memoryReadOnFxThread).as("the reading (a file, or ps on macOS) never blocks the window").isFalse();
    }
}
