package org.hearth.app.state;

import java.util.List;
import java.util.Objects;

/**
 * The tables of one feature in {@code hearth.db}, as the migrations that create and change them. Migrations are
 * append-only: a released step never changes, a later step alters what an earlier one made. The feature's version
 * in the database is the number of its steps that ran.
 *
 * @param feature    the name the feature's version is kept under, e.g. {@code mail}
 * @param migrations SQL scripts of statements separated by {@code ;}, oldest first
 */
public record FeatureSchema(String feature, List<String> migrations) {

    public FeatureSchema {
        Objects.requireNonNull(feature, "feature");
        if (feature.isBlank()) {
            throw new IllegalArgumentException("a feature needs a name");
        }
        migrations = List.copyOf(migrations);
    }

    public int version() {
        return migrations.size();
    }
}
