-- The period after a period, and the same period a year on, found by index. Mirrors
-- sql/sqlite/0006_period_neighbours.sql, which says why.
CREATE UNIQUE INDEX ux_dim_period_previous ON dbo.dim_period (previous_period_key);
GO
CREATE UNIQUE INDEX ux_dim_period_last_year ON dbo.dim_period (same_period_last_year_key);
GO
