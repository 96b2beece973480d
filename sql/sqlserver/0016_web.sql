-- The web front door (pmf serve's pages and the Functions app's). service_return_contact holds the
-- Services sheet's optional "Return contacts": the people, besides the head of service and the director,
-- who send a service's returns and so may see its pages; replaced whole on every catalogue load.
-- web_audit records every change made through a page: who (as the host vouched for them), when, what,
-- on which service and about what. Mirrors sql/sqlite/0016_web.sql.
CREATE TABLE dbo.service_return_contact (
    service_key         int             NOT NULL,
    email               nvarchar(320)   NOT NULL,
    CONSTRAINT pk_service_return_contact PRIMARY KEY (service_key, email),
    CONSTRAINT fk_service_return_contact_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key)
);
GO
CREATE INDEX ix_service_return_contact_email ON dbo.service_return_contact (email);
GO

CREATE TABLE dbo.web_audit (
    web_audit_id        int             NOT NULL IDENTITY(1, 1),
    at_utc              datetime2(3)    NOT NULL,
    actor_email         nvarchar(320)   NOT NULL,
    actor_name          nvarchar(200)   NOT NULL,
    action              nvarchar(100)   NOT NULL,
    service_code        nvarchar(50)    NULL,
    subject             nvarchar(400)   NULL,
    detail              nvarchar(4000)  NULL,
    CONSTRAINT pk_web_audit PRIMARY KEY (web_audit_id)
);
GO
CREATE INDEX ix_web_audit_at ON dbo.web_audit (at_utc);
GO
