-- The period after a period, and the same period a year on, found by index. Mirrors
-- sql/sqlserver/0006_period_neighbours.sql.
--
-- Completing a submission re-judges direction of travel for current rows of other submissions in the
-- next period, or the same period next year, of one of its rows: it goes from the submission's rows to
-- dim_period by previous_period_key and same_period_last_year_key. Each is unique (a period is the
-- previous of one period and the year-ago of one period of its own frequency, and frequencies have
-- disjoint keys). Unique, SQLite's planner knows the look-up gives one row and takes it before
-- fact_result; without these it reads every period of the indicator for each row of the submission
-- (25-35 s instead of 1.4 s at a million rows).
CREATE UNIQUE INDEX ux_dim_period_previous ON dim_period (previous_period_key);
CREATE UNIQUE INDEX ux_dim_period_last_year ON dim_period (same_period_last_year_key);
