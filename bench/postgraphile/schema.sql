-- PostGraphile has no full-text search of its own: the idiomatic way is a SQL function, which
-- it exposes as a root field. This one mirrors ccm-graph's search (server/resolvers/counts.ts):
-- the same tsquery, rank, headline options and order. The bench creates it in each database.
CREATE SCHEMA IF NOT EXISTS bench_pgl;

DROP FUNCTION IF EXISTS bench_pgl.search(text, text, integer);
DROP TYPE IF EXISTS bench_pgl.search_hit;
CREATE TYPE bench_pgl.search_hit AS (
  kind text,
  paragraph_number integer,
  footnote_number integer,
  rank real,
  snippet text,
  section_key text,
  section_title text
);

CREATE FUNCTION bench_pgl.search(report_id text, query text, hit_limit integer)
RETURNS SETOF bench_pgl.search_hit LANGUAGE sql STABLE AS $$
  WITH q AS (SELECT websearch_to_tsquery('english', query) AS q),
  hits AS (
    SELECT 'PARAGRAPH' AS kind, p.number AS paragraph_number, NULL::int AS footnote_number,
      ts_rank(p.search, q.q) AS rank,
      ts_headline('english', p.text, q.q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "') AS snippet
    FROM paragraph p, q WHERE p.report_id = search.report_id AND p.search @@ q.q
    UNION ALL
    SELECT 'FOOTNOTE', f.paragraph_number, f.number, ts_rank(f.search, q.q),
      ts_headline('english', f.text, q.q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "')
    FROM footnote f, q WHERE f.report_id = search.report_id AND f.search @@ q.q
  )
  SELECT h.kind, h.paragraph_number, h.footnote_number, h.rank, h.snippet, s.key, s.title
  FROM hits h
  JOIN paragraph p ON p.report_id = search.report_id AND p.number = h.paragraph_number
  JOIN section s ON s.report_id = p.report_id AND s.key = p.section_key
  ORDER BY h.rank DESC, h.paragraph_number, h.footnote_number NULLS FIRST
  LIMIT hit_limit
$$;
