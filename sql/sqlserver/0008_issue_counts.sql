-- Issues counted per rule. Mirrors sql/sqlite/0007_issue_counts.sql column for column.

-- dq_issue keeps the first issues of a file (IssueWriter.MaxStoredIssues); a file of a million bad
-- rows must not add a million rows each time it is dropped. Every issue is still counted here, by
-- rule and severity, so the sender's report can say how many more there were of each kind.
CREATE TABLE dbo.dq_issue_count (
    submission_id       int             NOT NULL,
    rule_id             nvarchar(50)    NOT NULL,
    severity            nvarchar(20)    NOT NULL,
    issues              int             NOT NULL,
    issues_stored       int             NOT NULL,
    CONSTRAINT pk_dq_issue_count PRIMARY KEY (submission_id, rule_id, severity),
    CONSTRAINT fk_dq_issue_count_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id)
);
GO
