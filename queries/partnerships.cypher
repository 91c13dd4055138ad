// name: partnerships
// Partnerships (PARTNERS_WITH edges) filtered by the partner's country (ISO 3166-1 alpha-2), the
// edge's status and a year range overlapping the edge's period: period_end >= year_from and
// period_start <= year_to; an edge without the compared end never matches a year filter.
// params: $country, $status — strings; $year_from, $year_to — integers; all optional (null = no filter)
// example: hoptac query partnerships --param country=LA --param year_from=2021 --param year_to=2025
// columns: vn_party, partner, country, status, agreement, period_start, period_end
// dialect: each optional parameter is first used in a typed comparison, then tested with IS NULL
// (LadybugDB types a parameter at its first use; a bare `$x IS NULL` first would make it BOOL).
MATCH (v)-[r:PARTNERS_WITH]->(f)
WHERE (f.country = $country OR $country IS NULL)
  AND (r.status = $status OR $status IS NULL)
  AND (r.period_end >= $year_from OR $year_from IS NULL)
  AND (r.period_start <= $year_to OR $year_to IS NULL)
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, r.status AS status,
       r.agreement AS agreement, r.period_start AS period_start, r.period_end AS period_end
