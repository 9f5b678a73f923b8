SELECT "s".code, "s".name, "p".depositary_name, "p".signed, "p".joined, "p".joined_by, "p".withdrawal_effective, "p".sources, "rs".spellings, "rs".note FROM state "s" LEFT JOIN participation "p" ON "p".state_code = "s".code LEFT JOIN report_state "rs" ON "rs".state_code = "s".code AND "rs".report_id = $1 WHERE "s".code = ANY($2);
-- params: ["beirut-progress-report-2011",["LAO"]]

SELECT DISTINCT ON ("a".state_code, "f".position) "a".state_code, "f".report_id, "f".id, "f".position, "f".paragraph_number, "f".footnote_number, "f"."group", "f".theme, "f".stated_count, "f".stated_count_text, "f".unit, "f".list_is_partial, "f".articles, "f".actions, "f".quote, "f".summary, "f".note, "f".listed_count FROM assertion "a" JOIN finding "f" ON "f".report_id = "a".report_id AND "f".id = "a".finding_id WHERE "a".report_id = $1 AND "a".state_code = ANY($2) AND "f".theme = ANY($3::text[]) ORDER BY "a".state_code, "f".position;
-- params: ["beirut-progress-report-2011",["LAO"],["CLEARANCE"]]
