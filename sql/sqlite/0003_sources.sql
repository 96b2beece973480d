-- Sources: each pull from a service system is recorded as a run, so the sweep can raise a
-- freshness follow-up for a source that keeps failing or returns nothing; a watermark per source
-- says up to which day periods are final and are never asked for again.

CREATE TABLE source_run (
    source_run_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    source_name         TEXT    NOT NULL,
    source_kind         TEXT    NOT NULL,           -- rest | sql
    as_of               TEXT    NOT NULL,
    started_at          TEXT    NOT NULL,
    finished_at         TEXT    NOT NULL,
    outcome             TEXT    NOT NULL,           -- Loaded | LoadedWithWarnings | Unchanged | Empty | Rejected | Failed
    periods_from        TEXT    NULL,               -- first open period asked for, e.g. 2026/27 M04
    periods_to          TEXT    NULL,
    requests            INTEGER NOT NULL,
    attempts            INTEGER NOT NULL,
    records_read        INTEGER NOT NULL,
    submission_id       INTEGER NULL REFERENCES submission (submission_id),
    message             TEXT    NULL
);
CREATE INDEX ix_source_run_source ON source_run (source_name, started_at);

CREATE TABLE source_watermark (
    source_name         TEXT    NOT NULL PRIMARY KEY,
    final_through       TEXT    NOT NULL,           -- periods ending on or before this day are final
    last_success_at     TEXT    NOT NULL,
    last_run_id         INTEGER NOT NULL REFERENCES source_run (source_run_id)
);
