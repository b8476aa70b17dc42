package org.hearth.app.mail;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ingest.mail.KeywordWriter;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.MailSyncException;

/**
 * The opt-in write-back: IMAP keywords that mail clients show as tags (Thunderbird does), and nothing else.
 * Only for accounts whose user turned it on; the folder is otherwise only ever opened read-only.
 */
final class KeywordWriteBack {

    static final String URGENT = "$Hearth_Urgent";
    static final String NEEDS_REPLY = "$Hearth_NeedsReply";
    static final String DEADLINE = "$Hearth_Deadline";
    static final String PHISHING = "$Hearth_Phishing";

    private KeywordWriteBack() {
    }

    /** The keywords a triaged mail gets; none for a mail without a result. */
    static Set<String> keywords(StoredMail mail) {
        Set<String> keywords = new LinkedHashSet<>();
        mail.triage().ifPresent(triage -> {
            if (mail.priority() >= 4) {
                keywords.add(URGENT);
            }
            if (triage.needsReply()) {
                keywords.add(NEEDS_REPLY);
            }
            if (!triage.deadlines().isEmpty()) {
                keywords.add(DEADLINE);
            }
            if (mail.category().orElse(null) == TriageCategory.SPAM_OR_PHISHING) {
                keywords.add(PHISHING);
            }
        });
        return keywords;
    }

    /** Writes the keywords of {@code mails} (all of one UIDVALIDITY: one run's) to the server. */
    static void write(MailAccount account, MailCredentials credentials, List<StoredMail> mails) throws MailSyncException {
        Map<Long, Map<Long, Set<String>>> byValidity = new HashMap<>();
        for (StoredMail mail : mails) {
            Set<String> keywords = keywords(mail);
            if (!keywords.isEmpty()) {
                byValidity.computeIfAbsent(mail.key().uidValidity(), v -> new HashMap<>()).put(mail.key().uid(), keywords);
            }
        }
        KeywordWriter writer = new KeywordWriter(account.imap());
        for (var entry : byValidity.entrySet()) {
            writer.apply(credentials, entry.getKey(), entry.getValue());
        }
    }
}
