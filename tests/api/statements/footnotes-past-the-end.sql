WITH matched AS (SELECT "fn".report_id, "fn".number, "fn".paragraph_number, "fn".anchor, "fn".text FROM footnote "fn" WHERE "fn".report_id = $1) SELECT (SELECT count(*) FROM matched) AS total, page.* FROM (SELECT 1) one LEFT JOIN LATERAL ( SELECT "fn".* FROM matched "fn" ORDER BY "fn".number LIMIT $2 OFFSET $3 ) page ON true;
-- params: ["beirut-progress-report-2011",5,80]
