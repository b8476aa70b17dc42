package org.hearth.ui.tab;

/**
 * A tab as the composition root registers it: given the window's shared machinery, it makes the tab with its
 * view-model. The window shows the registered tabs in the rail in the order they are given.
 */
@FunctionalInterface
public interface TabDefinition {

    Tab open(TabContext context);
}
