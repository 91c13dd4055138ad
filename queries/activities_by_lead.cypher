// name: activities_by_lead
// Activities an agency (or a place) LEADS.
// params: $agency — entity id (required)
// example: hoptac query activities_by_lead --param agency=agency/VN-54/so-ngoai-vu
// columns: activity, ref, title, sector
MATCH (l)-[:LEADS]->(act:Activity)
WHERE l.id = $agency
RETURN act.id AS activity, act.ref AS ref, act.name AS title, act.sector AS sector
