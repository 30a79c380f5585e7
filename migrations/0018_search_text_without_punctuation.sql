-- People search ignores punctuation as it ignores accents ("O'Brien" is found by "obrien"):
-- the stored search texts, folded before, lose the characters of SEARCH_PUNCTUATION
-- (src/contracts/fold.ts; the same list, so that this gives what buildSearchText now gives).
UPDATE people SET search_text = btrim(regexp_replace(translate(search_text, '''’‘ʼ`´.-‐‑‒–—_@+,;:!?()[]{}"/\&#*~|«»', ''), ' {2,}', ' ', 'g'))
 WHERE search_text <> btrim(regexp_replace(translate(search_text, '''’‘ʼ`´.-‐‑‒–—_@+,;:!?()[]{}"/\&#*~|«»', ''), ' {2,}', ' ', 'g'));
