package org.hearth.app.estimate;

import java.util.Optional;

/** Where measured model speeds are kept between jobs. */
public interface SpeedBook {

    /** Nothing known, nothing kept: every estimate is rough. */
    SpeedBook NONE = new SpeedBook() {
        @Override
        public Optional<ModelSpeed> of(String model) {
            return Optional.empty();
        }

        @Override
        public void record(String model, ModelSpeed speed) {
        }
    };

    Optional<ModelSpeed> of(String model);

    void record(String model, ModelSpeed speed);
}
