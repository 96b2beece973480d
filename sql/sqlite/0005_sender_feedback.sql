-- The sender's report, owed by mail. Mirrors sql/sqlserver/0005_sender_feedback.sql column for column.

-- One row per return submission from this version on (submissions loaded before it were reported
-- by the .report.eml beside their file, so an upgrade mails nobody about old files). sent_at stays
-- NULL until the message went: the ingest that made it sends it at once when a transport is set,
-- and every sweep sends what is still owed, so a failed send is never lost.
CREATE TABLE sender_feedback (
    submission_id       INTEGER NOT NULL PRIMARY KEY REFERENCES submission (submission_id),
    owed_since          TEXT    NOT NULL,
    sent_at             TEXT    NULL,
    attempts            INTEGER NOT NULL,
    last_error          TEXT    NULL
);

-- The submission a feedback message was about (NULL for digests, which carry follow_up_ids).
ALTER TABLE alert_log ADD COLUMN submission_id INTEGER NULL REFERENCES submission (submission_id);
