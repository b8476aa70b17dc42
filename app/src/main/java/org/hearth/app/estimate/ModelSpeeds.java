package org.hearth.app.estimate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.hearth.app.state.FeatureSchema;
import org.hearth.app.state.LocalState;
import org.hearth.app.state.StateConnection;

/**
 * The speed each model file showed on its last measured job on this machine, in hearth.db. The newest
 * measurement replaces the older one: the machine's load and the thread setting change, and the latest job is
 * the best guess for the next.
 */
public final class ModelSpeeds implements SpeedBook, AutoCloseable {

    static final FeatureSchema SCHEMA = new FeatureSchema("model_speed", List.of("""
            CREATE TABLE model_speeds (
                model TEXT PRIMARY KEY,
                prompt_tokens_per_second REAL NOT NULL,
                generated_tokens_per_second REAL NOT NULL,
                answer_share REAL NOT NULL,
                measured_at INTEGER NOT NULL)"""));

    private final StateConnection db;

    public ModelSpeeds(LocalState state) {
        state.register(SCHEMA);
        this.db = state.connect();
    }

    /** @param model the model's file name, e.g. {@code Qwen3.5-4B-Q4_K_M.gguf} */
    @Override
    public synchronized Optional<ModelSpeed> of(String model) {
        return db.read("read the speed of " + model, () -> {
            try (PreparedStatement select = db.prepare("SELECT prompt_tokens_per_second, generated_tokens_per_second, answer_share "
                    + "FROM model_speeds WHERE model = ?")) {
                select.setString(1, model);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new ModelSpeed(row.getDouble(1), row.getDouble(2), row.getDouble(3), true)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public synchronized void record(String model, ModelSpeed speed) {
        db.write("save the speed of " + model, () -> {
            try (PreparedStatement upsert = db.prepare("INSERT INTO model_speeds (model, prompt_tokens_per_second, "
                    + "generated_tokens_per_second, answer_share, measured_at) VALUES (?,?,?,?,?) ON CONFLICT(model) DO UPDATE SET "
                    + "prompt_tokens_per_second = excluded.prompt_tokens_per_second, generated_tokens_per_second = "
                    + "excluded.generated_tokens_per_second, answer_share = excluded.answer_share, measured_at = excluded.measured_at")) {
                upsert.setString(1, model);
                upsert.setDouble(2, speed.promptTokensPerSecond());
                upsert.setDouble(3, speed.generatedTokensPerSecond());
                upsert.setDouble(4, speed.answerShare());
                upsert.setLong(5, System.currentTimeMillis());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
