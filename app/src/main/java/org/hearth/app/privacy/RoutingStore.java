package org.hearth.app.privacy;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hearth.app.state.LocalState;
import org.hearth.app.state.StateConnection;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;

/**
 * The targets a job may be routed to and the policy that allows them, per kind of job. A new install has no
 * target and allows nothing: every job runs on this machine until the user adds a server and opts a kind of job in.
 */
public final class RoutingStore implements AutoCloseable {

    private final StateConnection db;

    public RoutingStore(LocalState state) {
        state.register(RoutingSchema.SCHEMA);
        this.db = state.connect();
    }

    /** A target as stored, with the keychain key its API key is under, if it has one. */
    public record StoredTarget(Target target, String secretKey, boolean hasKey) {
    }

    /**
     * Saves a new target; its name must be unused. Returns the keychain key for its API key, which the caller puts
     * there when {@code hasKey}; a target without a key never opens the keychain.
     */
    public synchronized String add(Target target, boolean hasKey) {
        if (find(target.name()).isPresent()) {
            throw new IllegalArgumentException("a target named \"" + target.name() + "\" exists already; remove it first");
        }
        String secretKey = "hearth.target." + UUID.randomUUID();
        db.write("save the target", () -> {
            try (PreparedStatement insert = db.prepare("INSERT INTO targets (name, kind, url, model, context_length, anonymise, "
                    + "price_in, price_out, secret_key, has_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, target.name());
                insert.setString(2, target.kind().name());
                insert.setString(3, target.baseUri().toString());
                insert.setString(4, target.model());
                insert.setInt(5, target.contextLength());
                insert.setInt(6, target.anonymise() ? 1 : 0);
                insert.setObject(7, target.pricePerMillionIn().orElse(null));
                insert.setObject(8, target.pricePerMillionOut().orElse(null));
                insert.setString(9, secretKey);
                insert.setInt(10, hasKey ? 1 : 0);
                insert.setLong(11, Instant.now().toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
        return secretKey;
    }

    public synchronized List<StoredTarget> targets() {
        return db.read("read the targets", () -> {
            try (PreparedStatement select = db.prepare("SELECT * FROM targets ORDER BY name"); ResultSet rows = select.executeQuery()) {
                List<StoredTarget> targets = new ArrayList<>();
                while (rows.next()) {
                    targets.add(target(rows));
                }
                return targets;
            }
        });
    }

    public synchronized Optional<StoredTarget> find(String name) {
        return targets().stream().filter(stored -> stored.target().name().equals(name)).findFirst();
    }

    /**
     * Forgets a target and every permission to use it (a kind of job left with no server asks again before it
     * leaves); the caller removes its key from the keychain.
     */
    public synchronized boolean remove(String name) {
        return db.write("remove the target", () -> {
            try (PreparedStatement delete = db.prepare("DELETE FROM targets WHERE name = ?");
                 PreparedStatement unasked = db.prepare("DELETE FROM without_asking WHERE job_class NOT IN (SELECT job_class FROM policy)")) {
                delete.setString(1, name);
                boolean removed = delete.executeUpdate() > 0;
                unasked.executeUpdate();
                return removed;
            }
        });
    }

    /** Allows exactly these targets for a kind of job, each job shown before it goes; none means it stays here. */
    public synchronized void allow(JobClass job, List<String> targetNames) {
        allow(job, targetNames, false);
    }

    /**
     * Allows exactly these targets for a kind of job; none means it stays on this machine. With {@code withoutAsking}
     * a job of this kind goes without its preview (still anonymised where the target asks for it, still logged).
     */
    public synchronized void allow(JobClass job, List<String> targetNames, boolean withoutAsking) {
        if (withoutAsking && targetNames.isEmpty()) {
            throw new IllegalArgumentException("a job that stays on this machine sends nothing; name a server to send to without asking");
        }
        for (String name : targetNames) {
            if (find(name).isEmpty()) {
                throw new IllegalArgumentException("no target named \"" + name + "\"; add it with `hearth targets add`");
            }
        }
        db.write("save the policy", () -> {
            try (PreparedStatement delete = db.prepare("DELETE FROM policy WHERE job_class = ?")) {
                delete.setString(1, job.name());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = db.prepare("INSERT INTO policy (job_class, target) VALUES (?, ?)")) {
                for (String name : targetNames) {
                    insert.setString(1, job.name());
                    insert.setString(2, name);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement unasked = db.prepare(withoutAsking
                    ? "INSERT OR IGNORE INTO without_asking (job_class) VALUES (?)" : "DELETE FROM without_asking WHERE job_class = ?")) {
                unasked.setString(1, job.name());
                unasked.executeUpdate();
            }
            return null;
        });
    }

    /** The targets a kind of job may go to. */
    public synchronized List<Target> allowed(JobClass job) {
        return db.read("read the policy", () -> {
            try (PreparedStatement select = db.prepare("SELECT t.* FROM policy p JOIN targets t ON t.name = p.target "
                    + "WHERE p.job_class = ? ORDER BY t.name")) {
                select.setString(1, job.name());
                try (ResultSet rows = select.executeQuery()) {
                    List<Target> targets = new ArrayList<>();
                    while (rows.next()) {
                        targets.add(target(rows).target());
                    }
                    return targets;
                }
            }
        });
    }

    /** Whether jobs of this kind go to their allowed servers without a preview. */
    public synchronized boolean withoutAsking(JobClass job) {
        return db.read("read the policy", () -> {
            try (PreparedStatement select = db.prepare("SELECT 1 FROM without_asking WHERE job_class = ?")) {
                select.setString(1, job.name());
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /**
     * What one run may do: go to the server the user named for it (the per-job opt-in, always previewed), else what the
     * policy allows for this kind of job.
     */
    public JobPolicy policyFor(JobClass job, Optional<String> named) {
        if (named.isEmpty()) {
            return new JobPolicy(allowed(job), withoutAsking(job));
        }
        return new JobPolicy(List.of(find(named.get()).orElseThrow(() -> new IllegalArgumentException("no target named \""
                + named.get() + "\"; see `hearth targets list`")).target()), false);
    }

    private static StoredTarget target(ResultSet row) throws SQLException {
        return new StoredTarget(new Target(row.getString("name"), TargetKind.valueOf(row.getString("kind")),
                URI.create(row.getString("url")), row.getString("model"), row.getInt("context_length"), row.getInt("anonymise") == 1,
                price(row, "price_in"), price(row, "price_out")), row.getString("secret_key"),
                row.getInt("has_key") == 1);
    }

    private static Optional<Double> price(ResultSet row, String column) throws SQLException {
        double price = row.getDouble(column);
        return row.wasNull() ? Optional.empty() : Optional.of(price);
    }

    /** Whether the egress log keeps the exact text of each request; off unless the user turned it on. */
    public synchronized boolean keepsSentText() {
        return db.read("read the egress setting", () -> {
            try (PreparedStatement select = db.prepare("SELECT keep FROM egress_text"); ResultSet row = select.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        });
    }

    public synchronized void keepSentText(boolean keep) {
        db.write("save the egress setting", () -> {
            try (PreparedStatement update = db.prepare("UPDATE egress_text SET keep = ?")) {
                update.setInt(1, keep ? 1 : 0);
                return update.executeUpdate();
            }
        });
    }

    /** "summary" or "SUMMARY" → the job class, or a message that lists the valid names. */
    public static JobClass jobClass(String name) {
        try {
            return JobClass.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no kind of job named \"" + name + "\"; use triage, summary, answer or draft");
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
