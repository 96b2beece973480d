-- The sender's report, owed by mail. Mirrors sql/sqlite/0005_sender_feedback.sql column for column.

-- One row per return submission from this version on (submissions loaded before it were reported
-- by the .report.eml beside their file, so an upgrade mails nobody about old files). sent_at stays
-- NULL until the message went: the ingest that made it sends it at once when a transport is set,
-- and every sweep sends what is still owed, so a failed send is never lost.
CREATE TABLE dbo.sender_feedback (
    submission_id       int             NOT NULL,
    owed_since          datetime2(3)    NOT NULL,
    sent_at             datetime2(3)    NULL,
    attempts            int             NOT NULL,
    last_error          nvarchar(4000)  NULL,
    CONSTRAINT pk_sender_feedback PRIMARY KEY (submission_id),
    CONSTRAINT fk_sender_feedback_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id)
);
GO

-- The submission a feedback message was about (NULL for digests, which carry follow_up_ids).
ALTER TABLE dbo.alert_log ADD
    submission_id       int             NULL;
GO
ALTER TABLE dbo.alert_log ADD CONSTRAINT fk_alert_log_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id);
GO
