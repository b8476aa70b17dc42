package org.hearth.app.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.app.state.LocalState;
import org.hearth.app.state.StateConnection;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.assistant.task.triage.TriageExample;
import org.hearth.assistant.task.triage.TriageResult;
import org.hearth.ingest.mail.Attachment;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ingest.mail.MailMessage;
import org.hearth.ingest.mail.SyncCursor;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.InboxService.SignIn;

/**
 * Accounts, fetched mails and triage results: the mail feature's tables in hearth.db.
 *
 * <p>Exactly once, across crashes: a fetched mail is stored together with the account's sync cursor in one
 * transaction ({@link #storeFetched}), so it is never fetched twice and never lost; its triage is stored only
 * while it is still pending ({@link #storeTriage}), so a mail is classified once however often a run restarts.
 * Thread-safe: one connection, one caller at a time.
 */
public final class MailStore implements AutoCloseable {

    /** Corrections beyond this many are not shown to the model (the prompt keeps the newest anyway). */
    private static final int MAX_EXAMPLES = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Addresses never hold a line break: one recipient per line. */
    private static final String RECIPIENT_SEPARATOR = "\n";
    private static final String MAIL_COLUMNS = "account_id, uid_validity, uid, message_id, sender, recipients, subject, sent_at, "
            + "body, attachments, parse_problem, status, error, triage, model_text, corrected_category, corrected_priority";

    private final StateConnection db;

    /** A store on hearth.db; registers the mail tables with its owner on first use. */
    public MailStore(LocalState state) {
        state.register(MailSchema.SCHEMA);
        this.db = state.connect();
    }

    public MailStore(Path file) {
        this(LocalState.open(file));
    }

    // --- accounts ---------------------------------------------------------------------------------

    /** Saves a new account; its name must be unused. */
    public synchronized MailAccount addAccount(MailAccount account) {
        return db.write("save the account", () -> {
            try (PreparedStatement insert = db.prepare("INSERT INTO accounts (id, name, host, port, security, "
                    + "user, folder, sign_in, trusted_certificate, write_back, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, account.id());
                insert.setString(2, account.name());
                insert.setString(3, account.host());
                insert.setInt(4, account.port());
                insert.setString(5, account.security().name());
                insert.setString(6, account.user());
                insert.setString(7, account.folder());
                insert.setString(8, account.signIn().name());
                insert.setString(9, account.trustedCertificatePem().orElse(null));
                insert.setInt(10, account.writeBack() ? 1 : 0);
                insert.setLong(11, Instant.now().toEpochMilli());
                insert.executeUpdate();
            }
            return account;
        });
    }

    public synchronized List<MailAccount> accounts() {
        return db.read("read the accounts", () -> {
            try (PreparedStatement select = db.prepare("SELECT * FROM accounts ORDER BY created_at, name");
                 ResultSet rows = select.executeQuery()) {
                List<MailAccount> accounts = new ArrayList<>();
                while (rows.next()) {
                    accounts.add(account(rows));
                }
                return accounts;
            }
        });
    }

    /** The account with this id or, failing that, this name. */
    public synchronized Optional<MailAccount> account(String idOrName) {
        return accounts().stream().filter(a -> a.id().equals(idOrName)).findFirst()
                .or(() -> accounts().stream().filter(a -> a.name().equals(idOrName)).findFirst());
    }

    /** Deletes the account and everything stored for it. */
    public synchronized void removeAccount(String accountId) {
        db.write("remove the account", () -> {
            try (PreparedStatement delete = db.prepare("DELETE FROM accounts WHERE id = ?")) {
                delete.setString(1, accountId);
                delete.executeUpdate();
            }
            return null;
        });
    }

    public synchronized MailAccount setWriteBack(String accountId, boolean enabled) {
        MailAccount account = requireAccount(accountId);
        db.write("change the account", () -> {
            try (PreparedStatement change = db.prepare("UPDATE accounts SET write_back = ? WHERE id = ?")) {
                change.setInt(1, enabled ? 1 : 0);
                change.setString(2, accountId);
                change.executeUpdate();
            }
            return null;
        });
        return account.withWriteBack(enabled);
    }

    /** Where the next sync of the account starts. */
    public synchronized SyncCursor cursor(String accountId) {
        return db.read("read the sync state", () -> {
            try (PreparedStatement select = db.prepare("SELECT uid_validity, highest_uid FROM accounts WHERE id = ?")) {
                select.setString(1, accountId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("no such account: " + accountId);
                    }
                    return new SyncCursor(row.getLong(1), row.getLong(2));
                }
            }
        });
    }

    // --- mails ------------------------------------------------------------------------------------

    /**
     * Stores a fetched mail as pending, and moves the account's cursor past it, in one transaction. A mail of a
     * new UIDVALIDITY first drops the mails of the old one (their UIDs are void; the server sends them again).
     *
     * @param body the text triage will work from
     * @return false if the mail was already stored (nothing changes then)
     */
    public synchronized boolean storeFetched(String accountId, MailMessage message, String body) {
        return db.write("store a fetched mail", () -> {
            SyncCursor cursor = cursor(accountId);
            if (!cursor.isNone() && cursor.uidValidity() != message.uidValidity()) {
                try (PreparedStatement drop = db.prepare(
                        "DELETE FROM mails WHERE account_id = ? AND uid_validity <> ?")) {
                    drop.setString(1, accountId);
                    drop.setLong(2, message.uidValidity());
                    drop.executeUpdate();
                }
            }
            int inserted;
            try (PreparedStatement insert = db.prepare("INSERT OR IGNORE INTO mails (account_id, uid_validity, uid, "
                    + "message_id, sender, subject, sent_at, body, attachments, parse_problem, status, recipients) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, accountId);
                insert.setLong(2, message.uidValidity());
                insert.setLong(3, message.uid());
                insert.setString(4, message.messageId() == null ? "" : message.messageId());
                insert.setString(5, message.from() == null ? "" : message.from());
                insert.setString(6, message.subject() == null ? "" : message.subject());
                if (message.date().isPresent()) {
                    insert.setLong(7, message.date().get().toEpochMilli());
                } else {
                    insert.setNull(7, java.sql.Types.INTEGER);
                }
                insert.setString(8, body);
                insert.setString(9, JSON.writeValueAsString(message.attachments()));
                insert.setString(10, message.parseProblem().orElse(null));
                insert.setString(11, InboxService.Status.PENDING.name());
                insert.setString(12, String.join(RECIPIENT_SEPARATOR, message.to()));
                inserted = insert.executeUpdate();
            }
            try (PreparedStatement advance = db.prepare(
                    "UPDATE accounts SET uid_validity = ?, highest_uid = MAX(CASE WHEN uid_validity = ? THEN highest_uid ELSE 0 END, ?) WHERE id = ?")) {
                advance.setLong(1, message.uidValidity());
                advance.setLong(2, message.uidValidity());
                advance.setLong(3, message.uid());
                advance.setString(4, accountId);
                advance.executeUpdate();
            }
            return inserted == 1;
        });
    }

    /** Mails fetched but not triaged yet, oldest first: the work a run (or a run after a crash) still has to do. */
    public synchronized List<StoredMail> pending(String accountId) {
        return mailsWhere(accountId, "AND status = 'PENDING' ORDER BY uid_validity, uid");
    }

    public synchronized List<StoredMail> mails(String accountId) {
        return mailsWhere(accountId, "ORDER BY uid_validity, uid");
    }

    public synchronized Optional<StoredMail> mail(String accountId, MailKey key) {
        List<StoredMail> found = mailsWhere(accountId, "AND uid_validity = " + key.uidValidity() + " AND uid = " + key.uid());
        return found.stream().findFirst();
    }

    /**
     * Stores the model's answer for a pending mail.
     *
     * @param json      the schema-valid answer as the model wrote it
     * @param modelText the mail exactly as the model saw it
     * @return false if the mail was not pending (already triaged, or gone after a resync): nothing changes then
     */
    public synchronized boolean storeTriage(String accountId, MailKey key, String json, String modelText) {
        TriageResult.fromJson(parse(json)); // refuse anything that would not read back
        return finish(accountId, key, InboxService.Status.OK, null, json, modelText);
    }

    /** Records why a pending mail has no triage; same once-only rule as {@link #storeTriage}. */
    public synchronized boolean storeFailure(String accountId, MailKey key, String error, Optional<String> modelText) {
        return finish(accountId, key, InboxService.Status.FAILED, error, null, modelText.orElse(null));
    }

    /**
     * The user's label for a mail: it replaces the model's, and becomes an example the model sees for later mails.
     */
    public synchronized StoredMail relabel(String accountId, MailKey key, TriageCategory category, int priority) {
        StoredMail mail = mail(accountId, key).orElseThrow(() -> new IllegalArgumentException("no such mail: " + key));
        StoredMail.Correction correction = new StoredMail.Correction(category, priority);
        db.write("store the label", () -> {
            try (PreparedStatement change = db.prepare("UPDATE mails SET corrected_category = ?, "
                    + "corrected_priority = ? WHERE account_id = ? AND uid_validity = ? AND uid = ?")) {
                change.setString(1, category.name());
                change.setInt(2, priority);
                change.setString(3, accountId);
                change.setLong(4, key.uidValidity());
                change.setLong(5, key.uid());
                change.executeUpdate();
            }
            try (PreparedStatement insert = db.prepare(
                    "INSERT INTO corrections (excerpt, category, priority) VALUES (?,?,?)")) {
                insert.setString(1, mail.from() + ": " + mail.subject());
                insert.setString(2, category.name());
                insert.setInt(3, priority);
                insert.executeUpdate();
            }
            return null;
        });
        return mail(accountId, key).orElseThrow();
    }

    /** The user's newest corrections, oldest of them first, as examples for the model. */
    public synchronized List<TriageExample> examples() {
        return db.read("read the corrections", () -> {
            try (PreparedStatement select = db.prepare(
                    "SELECT excerpt, category, priority FROM corrections ORDER BY id DESC LIMIT " + MAX_EXAMPLES);
                 ResultSet rows = select.executeQuery()) {
                List<TriageExample> examples = new ArrayList<>();
                while (rows.next()) {
                    examples.addFirst(new TriageExample(rows.getString(1), TriageCategory.valueOf(rows.getString(2)), rows.getInt(3)));
                }
                return examples;
            }
        });
    }

    @Override
    public synchronized void close() {
        db.close();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private boolean finish(String accountId, MailKey key, InboxService.Status status, String error, String json, String modelText) {
        return db.write("store a triage result", () -> {
            try (PreparedStatement change = db.prepare("UPDATE mails SET status = ?, error = ?, triage = ?, "
                    + "model_text = COALESCE(?, model_text) WHERE account_id = ? AND uid_validity = ? AND uid = ? AND status = 'PENDING'")) {
                change.setString(1, status.name());
                change.setString(2, error);
                change.setString(3, json);
                change.setString(4, modelText);
                change.setString(5, accountId);
                change.setLong(6, key.uidValidity());
                change.setLong(7, key.uid());
                return change.executeUpdate() == 1;
            }
        });
    }

    private MailAccount requireAccount(String accountId) {
        return account(accountId).orElseThrow(() -> new IllegalArgumentException("no such account: " + accountId));
    }

    private List<StoredMail> mailsWhere(String accountId, String condition) {
        return db.read("read the mails", () -> {
            try (PreparedStatement select = db.prepare(
                    "SELECT " + MAIL_COLUMNS + " FROM mails WHERE account_id = ? " + condition)) {
                select.setString(1, accountId);
                try (ResultSet rows = select.executeQuery()) {
                    List<StoredMail> mails = new ArrayList<>();
                    while (rows.next()) {
                        mails.add(mail(rows));
                    }
                    return mails;
                }
            }
        });
    }

    private static StoredMail mail(ResultSet row) throws SQLException, JsonProcessingException {
        long sentAt = row.getLong("sent_at");
        Optional<Instant> sent = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sentAt));
        List<Attachment> attachments = JSON.readValue(row.getString("attachments"), new TypeReference<>() { });
        Optional<String> json = Optional.ofNullable(row.getString("triage"));
        String correctedCategory = row.getString("corrected_category");
        Optional<StoredMail.Correction> correction = correctedCategory == null ? Optional.empty()
                : Optional.of(new StoredMail.Correction(TriageCategory.valueOf(correctedCategory), row.getInt("corrected_priority")));
        return new StoredMail(row.getString("account_id"), new MailKey(row.getLong("uid_validity"), row.getLong("uid")),
                row.getString("message_id"), row.getString("sender"), recipients(row.getString("recipients")),
                row.getString("subject"), sent, row.getString("body"),
                attachments, Optional.ofNullable(row.getString("parse_problem")), InboxService.Status.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("error")), json.map(j -> TriageResult.fromJson(parse(j))), json,
                Optional.ofNullable(row.getString("model_text")), correction);
    }

    private static List<String> recipients(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(RECIPIENT_SEPARATOR));
    }

    private static MailAccount account(ResultSet row) throws SQLException {
        return new MailAccount(row.getString("id"), row.getString("name"), row.getString("host"), row.getInt("port"),
                ImapAccount.Security.valueOf(row.getString("security")), row.getString("user"), row.getString("folder"),
                SignIn.valueOf(row.getString("sign_in")), Optional.ofNullable(row.getString("trusted_certificate")),
                row.getInt("write_back") == 1);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored triage is not JSON", e);
        }
    }
}
