-- v_date gains [Day number] (Monday 1 .. Sunday 7), the sort key Power BI sorts [Day of week] by,
-- so the days read Monday to Sunday rather than alphabetically. Mirrors sql/sqlite/0009_date_day_number.sql.
-- 1 January 1900 was a Monday, so the days since then, modulo 7, count from Monday whatever DATEFIRST says.
CREATE OR ALTER VIEW dbo.v_date AS
SELECT d.date_key           AS [Date key],
       d.calendar_date      AS [Date],
       d.financial_year     AS [Financial year],
       d.financial_quarter  AS [Financial quarter],
       d.quarter_code       AS [Quarter],
       d.financial_month    AS [Financial month],
       d.month_code         AS [Month code],
       d.month_name         AS [Month],
       d.calendar_year      AS [Calendar year],
       d.calendar_month     AS [Calendar month],
       d.day_of_week        AS [Day of week],
       CAST(DATEDIFF(day, CAST('19000101' AS date), d.calendar_date) % 7 + 1 AS int) AS [Day number],
       CASE WHEN d.is_working_day = 1 THEN 'Yes' ELSE 'No' END AS [Working day],
       d.holiday_name       AS [Bank holiday]
FROM dbo.dim_date AS d
GO
