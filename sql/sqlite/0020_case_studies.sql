-- Case studies for the annual strategic review: a return row whose Case study column holds a title marks the
-- row's commentary (the story) for the annual report. The title is kept on the result it came with, so a
-- correction without it replaces it as it replaces the figure. Mirrors sql/sqlserver/0020_case_studies.sql.
ALTER TABLE fact_result ADD COLUMN case_study_title TEXT NULL;
