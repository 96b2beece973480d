-- Case studies for the annual strategic review: a return row whose Case study column holds a title marks the
-- row's commentary (the story) for the annual report. Mirrors sql/sqlite/0020_case_studies.sql.
ALTER TABLE dbo.fact_result ADD case_study_title nvarchar(200) NULL;
GO
