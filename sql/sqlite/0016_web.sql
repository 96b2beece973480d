-- The web front door (pmf serve's pages and the Functions app's). service_return_contact holds the
-- Services sheet's optional "Return contacts": the people, besides the head of service and the director,
-- who send a service's returns and so may see its pages; replaced whole on every catalogue load.
-- web_audit records every change made through a page: who (as the host vouched for them), when, what,
-- on which service and about what. Mirrors sql/sqlserver/0016_web.sql.
CREATE TABLE service_return_contact (
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    email               TEXT    NOT NULL,
    PRIMARY KEY (service_key, email)
);
CREATE INDEX ix_service_return_contact_email ON service_return_contact (email);

CREATE TABLE web_audit (
    web_audit_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc              TEXT    NOT NULL,
    actor_email         TEXT    NOT NULL,
    actor_name          TEXT    NOT NULL,
    action              TEXT    NOT NULL,
    service_code        TEXT    NULL,
    subject             TEXT    NULL,
    detail              TEXT    NULL
);
CREATE INDEX ix_web_audit_at ON web_audit (at_utc);
