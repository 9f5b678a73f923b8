WITH matched AS (SELECT "p".report_id, "p".number, "p".section_key, "p".subheading, "p".text FROM paragraph "p" WHERE "p".report_id = $1) SELECT (SELECT count(*) FROM matched) AS total, page.* FROM (SELECT 1) one LEFT JOIN LATERAL ( SELECT "p".* FROM matched "p" ORDER BY "p".number LIMIT $2 OFFSET $3 ) page ON true;
-- params: ["beirut-progress-report-2011",5,80]
