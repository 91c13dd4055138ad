// name: partners_of
// Foreign partners of a Vietnamese place and of the units and agencies within it, up to two levels
// down (LOCATED_IN / PART_OF): one row per distinct (vn_party, partner, country, level, status, agreement).
// params: $place — entity id (required)
// example: hoptac query partners_of --param place=province/VN-54   (or --param place="Bắc Giang")
// columns: vn_party, partner, country, level, status, agreement
MATCH (v)-[r:PARTNERS_WITH]->(f)
WHERE v.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:LOCATED_IN|PART_OF]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
UNION
MATCH (v)-[:LOCATED_IN|PART_OF]->(u)-[:LOCATED_IN|PART_OF]->(p), (v)-[r:PARTNERS_WITH]->(f)
WHERE p.id = $place
RETURN v.id AS vn_party, f.id AS partner, f.country AS country, f.level AS level,
       r.status AS status, r.agreement AS agreement
