package org.hearth.domain;

import java.util.function.Supplier;

/** A value made when it is first asked for and kept from then on: for what costs time to make and may never be used. */
public final class OnFirstUse<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private T value;

    public OnFirstUse(Supplier<? extends T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
