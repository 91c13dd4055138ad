// name: agreements_in_force
// Agreements whose period covers the year (period_start <= year <= period_end) and whose status is
// signed, implemented or renewed.
// params: $year — integer (required)
// example: hoptac query agreements_in_force --param year=2023
// columns: agreement, title, instrument, period_start, period_end, status
MATCH (a:Agreement)
WHERE a.period_start <= $year AND a.period_end >= $year
  AND a.status IN ['signed', 'implemented', 'renewed']
RETURN a.id AS agreement, a.name AS title, a.instrument AS instrument,
       a.period_start AS period_start, a.period_end AS period_end, a.status AS status
