// name: activities_of_agreement
// Activities that IMPLEMENT an agreement, one row per lead (LEADS); lead is null when none is known.
// params: $agreement — entity id (required)
// example: hoptac query activities_of_agreement --param agreement=agreement/51bf7f102e6bdc5e
// columns: activity, ref, title, lead
MATCH (act:Activity)-[:IMPLEMENTS]->(a)
WHERE a.id = $agreement
OPTIONAL MATCH (l)-[:LEADS]->(act)
RETURN act.id AS activity, act.ref AS ref, act.name AS title, l.id AS lead
