-- Committees that receive performance reports (the catalogue's optional Committees sheet) and what each
-- receives, resolved at catalogue load. Mirrors sql/sqlserver/0012_committees.sql column for column.

-- One row per committee; a committee dropped from the catalogue stays, with is_current = 0.
-- performance_monitors: the members who monitor performance for it, separated by '; '.
CREATE TABLE dim_committee (
    committee_key       INTEGER PRIMARY KEY AUTOINCREMENT,
    committee_code      TEXT    NOT NULL UNIQUE,
    committee_name      TEXT    NOT NULL,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    committee_kind      TEXT    NOT NULL CHECK (committee_kind IN ('Executive', 'Scrutiny', 'Advisory', 'Audit')),
    performance_monitors TEXT   NULL,
    is_current          INTEGER NOT NULL DEFAULT 1
);

-- What each current committee receives: indicators (and delivery-plan actions) by code, rewritten at
-- every catalogue load from the Committee items sheet and the indicators' Committee column.
CREATE TABLE committee_item (
    committee_key       INTEGER NOT NULL REFERENCES dim_committee (committee_key),
    item_kind           TEXT    NOT NULL CHECK (item_kind IN ('Indicator', 'Action')),
    item_code           TEXT    NOT NULL,
    PRIMARY KEY (committee_key, item_kind, item_code)
);

CREATE VIEW v_committee AS
SELECT m.committee_key      AS "Committee key",
       m.committee_code     AS "Committee code",
       m.committee_name     AS "Committee",
       c.council_code       AS "Council code",
       m.committee_kind     AS "Kind",
       m.performance_monitors AS "Performance monitors"
FROM dim_committee AS m
INNER JOIN dim_council AS c ON c.council_key = m.council_key
WHERE m.is_current = 1;

CREATE VIEW v_committee_item AS
SELECT m.committee_code     AS "Committee code",
       i.item_kind          AS "Item kind",
       i.item_code          AS "Item code"
FROM committee_item AS i
INNER JOIN dim_committee AS m ON m.committee_key = i.committee_key;
