// name: partners_including_predecessors
// Like partners_of, for a post-2025 province: the place itself and every unit that SUCCEEDED_BY it
// (the provinces merged into it) are roots; partners of each root and of the units and agencies
// within it, up to two levels down.
// params: $place — entity id (required)
// example: hoptac query partners_including_predecessors --param place=province/VN2025-24
// columns: vn_party, partner, country, level, status, agreement
MATCH (v)-[r:PARTNERS_WITH]->(f)
WHERE v.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:SUCCEEDED_BY]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:LOCATED_IN|PART_OF]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:LOCATED_IN|PART_OF]->(q)-[:SUCCEEDED_BY]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:LOCATED_IN|PART_OF]->(u)-[:LOCATED_IN|PART_OF]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:LOCATED_IN|PART_OF]->(u)-[:LOCATED_IN|PART_OF]->(q)-[:SUCCEEDED_BY]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
