-- Overseas numbers typed in the national form ("0692 12 34 56") were stored with France's
-- country code (+33692123456): SMS and calls to them fail. The national prefix decides the
-- country code (src/contracts/phone.ts holds the same table, checked against libphonenumber):
-- Réunion and Mayotte +262, Guadeloupe, Saint-Barthélemy and Saint-Martin +590, Guyane +594,
-- Martinique +596, Saint-Pierre-et-Miquelon +508 (0508 then its 6-digit number). The fiction
-- range 0639 98 stays metropolitan. The search text holds the number's digits: they change
-- with it (its national form, "0692123456", is the same before and after).
UPDATE people p
   SET phone = f.new_phone,
       search_text = regexp_replace(p.search_text,
                                    '(^| )' || substr(f.old_phone, 2) || '( |$)',
                                    '\1' || substr(f.new_phone, 2) || '\2')
  FROM (SELECT campaign_id, id, phone AS old_phone,
               CASE
                 WHEN phone ~ '^\+3363998' THEN NULL
                 WHEN phone ~ '^\+33508\d{6}$' THEN '+508' || substr(phone, 7)
                 WHEN phone ~ '^\+33(26[239]|268[89]|639|69[23]|7092|7093[5-7])' THEN '+262' || substr(phone, 4)
                 WHEN phone ~ '^\+33(590|5987|69[01]|7090)' THEN '+590' || substr(phone, 4)
                 WHEN phone ~ '^\+33(594|5988|694|7093[0-3])' THEN '+594' || substr(phone, 4)
                 WHEN phone ~ '^\+33(596|5989|69[67]|7091)' THEN '+596' || substr(phone, 4)
               END AS new_phone
          FROM people
         WHERE phone ~ '^\+33\d{9}$') f
 WHERE p.campaign_id = f.campaign_id AND p.id = f.id AND f.new_phone IS NOT NULL;
--> statement-breakpoint
-- Sign-ups not yet confirmed keep the submission they will apply: its phone too.
UPDATE signups s
   SET data = jsonb_set(s.data, '{phone}', to_jsonb(f.new_phone))
  FROM (SELECT campaign_id, id,
               CASE
                 WHEN data->>'phone' ~ '^\+3363998' THEN NULL
                 WHEN data->>'phone' ~ '^\+33508\d{6}$' THEN '+508' || substr(data->>'phone', 7)
                 WHEN data->>'phone' ~ '^\+33(26[239]|268[89]|639|69[23]|7092|7093[5-7])' THEN '+262' || substr(data->>'phone', 4)
                 WHEN data->>'phone' ~ '^\+33(590|5987|69[01]|7090)' THEN '+590' || substr(data->>'phone', 4)
                 WHEN data->>'phone' ~ '^\+33(594|5988|694|7093[0-3])' THEN '+594' || substr(data->>'phone', 4)
                 WHEN data->>'phone' ~ '^\+33(596|5989|69[67]|7091)' THEN '+596' || substr(data->>'phone', 4)
               END AS new_phone
          FROM signups
         WHERE data->>'phone' ~ '^\+33\d{9}$') f
 WHERE s.campaign_id = f.campaign_id AND s.id = f.id AND f.new_phone IS NOT NULL;
