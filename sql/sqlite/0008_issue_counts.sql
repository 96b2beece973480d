-- Issues counted per rule. Mirrors sql/sqlserver/0007_issue_counts.sql column for column.

-- dq_issue keeps the first issues of a file (IssueWriter.MaxStoredIssues); a file of a million bad
-- rows must not add a million rows each time it is dropped. Every issue is still counted here, by
-- rule and severity, so the sender's report can say how many more there were of each kind.
CREATE TABLE dq_issue_count (
    submission_id       INTEGER NOT NULL REFERENCES submission (submission_id),
    rule_id             TEXT    NOT NULL,
    severity            TEXT    NOT NULL,
    issues              INTEGER NOT NULL,
    issues_stored       INTEGER NOT NULL,
    PRIMARY KEY (submission_id, rule_id, severity)
);
