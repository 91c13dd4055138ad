// name: path_between
// How two entities are connected through at most three edges, any direction: every simple path
// (intermediate nodes distinct from each other and from a and b) as
// path = [a, EDGE_TYPE, node, EDGE_TYPE, ..., b] (node ids and schema edge types alternating, from
// a to b), hops = number of edges; rows are distinct.
// params: $a, $b — entity ids (required)
// example: hoptac query path_between --param a=province/VN-54 --param b=foreign/LA-XS
// columns: hops, path
// dialect: fixed-length patterns, one per length (variable-length patterns with acyclicity checks
// were measured 15x slower on LadybugDB), walked from a one hop at a time with WITH DISTINCT, so
// parallel edges of one type do not multiply the rows (and LadybugDB 0.22 loses rows of the
// one-pattern 3-hop form on large answers; this form matches the reference).
MATCH (a)-[r1]-(b)
WHERE a.id = $a AND b.id = $b
RETURN 1 AS hops, [a.id, r1.type, b.id] AS path
UNION
MATCH (a)-[r1]-(m)
WHERE a.id = $a AND m.id <> a.id AND m.id <> $b
WITH DISTINCT a, r1.type AS t1, m
MATCH (m)-[r2]-(b)
WHERE b.id = $b
RETURN DISTINCT 2 AS hops, [a.id, t1, m.id, r2.type, b.id] AS path
UNION
MATCH (a)-[r1]-(m1)
WHERE a.id = $a AND m1.id <> a.id AND m1.id <> $b
WITH DISTINCT a, r1.type AS t1, m1
MATCH (m1)-[r2]-(m2)
WHERE m2.id <> a.id AND m2.id <> m1.id AND m2.id <> $b
WITH DISTINCT a, t1, m1, r2.type AS t2, m2
MATCH (m2)-[r3]-(b)
WHERE b.id = $b
RETURN DISTINCT 3 AS hops, [a.id, t1, m1.id, t2, m2.id, r3.type, b.id] AS path
