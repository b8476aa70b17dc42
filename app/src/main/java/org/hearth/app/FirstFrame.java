package org.hearth.app;

import javafx.scene.Scene;

/** Work that waits for the window's first frame: the first pulse after the window shows lays it out and renders it. */
final class FirstFrame {

    private FirstFrame() {
    }

    /** Runs {@code work} once, on the JavaFX thread, after the first layout of {@code scene}'s shown window. */
    static void then(Scene scene, Runnable work) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                work.run();
            }
        });
    }
}
