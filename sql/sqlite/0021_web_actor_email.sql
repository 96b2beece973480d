-- The e-mail address, beside the name, of the person who changed a follow-up or added a note to a result on
-- the web pages (the name alone could be anyone's; the address is what the catalogue and web_audit know them
-- by). NULL for changes made before, and for those made by a command or the sweep, which have no address.
-- Mirrors sql/sqlserver/0021_web_actor_email.sql.
ALTER TABLE follow_up_event ADD COLUMN actor_email TEXT NULL;
ALTER TABLE result_note ADD COLUMN written_by_email TEXT NULL;
