// name: expiring_agreements
// Agreements whose period ends in the year, with no later agreement between the same parties: no
// other agreement with a greater period_end to which two distinct parties of this one are party.
// params: $year — integer (required)
// example: hoptac query expiring_agreements --param year=2025
// columns: agreement, title, period_end
// dialect: no EXISTS { } subquery (FalkorDB has none): an OPTIONAL MATCH counted per agreement for
// agreements with two or more parties, UNION those with fewer (nothing can supersede them). Starting
// from the pairs of parties is 10-20x faster on LadybugDB than one OPTIONAL MATCH over every agreement.
MATCH (x)-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-(y)
WHERE a.period_end = $year AND x.id < y.id
OPTIONAL MATCH (x)-[:PARTY_TO]->(b:Agreement)<-[:PARTY_TO]-(y)
WHERE b.period_end > $year
WITH a, count(b) AS later
WHERE later = 0
RETURN a.id AS agreement, a.name AS title, a.period_end AS period_end
UNION
MATCH (a:Agreement)
WHERE a.period_end = $year
OPTIONAL MATCH (x)-[:PARTY_TO]->(a)<-[:PARTY_TO]-(y)
WHERE x.id < y.id
WITH a, count(y) AS pairs
WHERE pairs = 0
RETURN a.id AS agreement, a.name AS title, a.period_end AS period_end
