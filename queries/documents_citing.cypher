// name: documents_citing
// Documents that state a fact about an entity: every Document whose id is in the evidence of the
// entity itself or of an edge that touches it (either direction).
// params: $entity — entity id (required)
// example: hoptac query documents_citing --param entity=foreign/LA-XS
// columns: document, doc_type, number, date
MATCH (n)
WHERE n.id = $entity
UNWIND n.ev_document AS doc_id
MATCH (d:Document)
WHERE d.id = doc_id
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.date AS date
UNION
MATCH (n)-[r]-()
WHERE n.id = $entity
UNWIND r.ev_document AS doc_id
MATCH (d:Document)
WHERE d.id = doc_id
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.date AS date
