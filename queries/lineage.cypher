// name: lineage
// Documents a document refers to (direction "out") and documents that refer to it ("in"): every
// edge between it and another Document, relation = the edge's schema type (e.g. LEGAL_BASIS).
// params: $document — entity id (required)
// example: hoptac query lineage --param document=document/3d7abae918555c07
// columns: direction, relation, other, number, date
MATCH (d:Document)-[r]->(o:Document)
WHERE d.id = $document
RETURN 'out' AS direction, r.type AS relation, o.id AS other, o.number AS number, o.date AS date
UNION
MATCH (d:Document)<-[r]-(o:Document)
WHERE d.id = $document
RETURN 'in' AS direction, r.type AS relation, o.id AS other, o.number AS number, o.date AS date
