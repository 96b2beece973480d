-- Publication: each council's reporting period moves draft → reviewed → approved → published, each step
-- recorded; corrections after publication are restatements. Mirrors sql/sqlserver/0011_publication.sql.

-- One row per step taken (a period with none is a draft). Stage: Reviewed | Approved | Published.
-- results and red_results: what publishing took (every current result of the period, Red ones included).
CREATE TABLE publication_step (
    publication_step_id INTEGER PRIMARY KEY AUTOINCREMENT,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    stage               TEXT    NOT NULL CHECK (stage IN ('Reviewed', 'Approved', 'Published')),
    taken_by            TEXT    NOT NULL,
    taken_at            TEXT    NOT NULL,
    committee           TEXT    NULL,
    note                TEXT    NULL,
    results             INTEGER NOT NULL DEFAULT 0,
    red_results         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_publication_step ON publication_step (council_key, period_key, stage);

-- A published figure changed afterwards: by a corrected return (Correction) or by rescoring against a
-- changed target (Rescore). Never silent: the next report lists it, with its reason.
CREATE TABLE restatement (
    restatement_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    published_period_key INTEGER NOT NULL REFERENCES dim_period (period_key),
    old_result_key      INTEGER NOT NULL REFERENCES fact_result (result_key),
    new_result_key      INTEGER NOT NULL REFERENCES fact_result (result_key),
    old_value           NUMERIC NULL,
    new_value           NUMERIC NULL,
    old_rag             TEXT    NOT NULL,
    new_rag             TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('Correction', 'Rescore')),
    reason              TEXT    NOT NULL,
    recorded_at         TEXT    NOT NULL,
    submission_id       INTEGER NULL REFERENCES submission (submission_id)
);
CREATE INDEX ix_restatement_council ON restatement (council_key, period_key);
-- Foreign keys from fact_result: a rejected submission's rows are deleted, and SQLite checks these.
CREATE INDEX ix_restatement_old_result ON restatement (old_result_key);
CREATE INDEX ix_restatement_new_result ON restatement (new_result_key);

-- The results of published periods only: what Power BI's "published" pages and open data show.
CREATE VIEW v_result_published AS
SELECT v.*
FROM v_result AS v
INNER JOIN dim_period AS rp ON rp.period_key = v."Period key"
WHERE EXISTS (SELECT 1
              FROM publication_step AS ps
              INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = v."Council key" AND ps.stage = 'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date);

-- Each council's periods and the stage they reached, for Power BI and the report's DRAFT mark.
CREATE VIEW v_publication AS
SELECT c.council_code       AS "Council",
       p.period_code        AS "Period",
       ps.stage             AS "Stage",
       ps.taken_by          AS "By",
       ps.taken_at          AS "Taken at",
       ps.committee         AS "Committee",
       ps.note              AS "Note",
       ps.results           AS "Results",
       ps.red_results       AS "Red results"
FROM publication_step AS ps
INNER JOIN dim_council AS c ON c.council_key = ps.council_key
INNER JOIN dim_period AS p ON p.period_key = ps.period_key;
