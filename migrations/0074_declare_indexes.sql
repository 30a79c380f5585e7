-- Declares in the schema the indexes 0070 and 0071 created by hand; they exist wherever those ran.
CREATE INDEX IF NOT EXISTS "import_changes_person_idx" ON "import_changes" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "caught_mail_address_idx" ON "caught_mail" USING btree ("campaign_id",lower("to_address"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_mail_outbox_sent_idx" ON "mail_outbox" USING btree ("campaign_id","sent_at") WHERE sent_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_field_visits_received_idx" ON "field_visits" USING btree ("campaign_id","received_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_attempts_number_idx" ON "call_attempts" USING btree ("campaign_id","to_e164");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_call_attempts_listened_idx" ON "call_attempts" USING btree ("campaign_id","ended_at") WHERE listened_to_end;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_callbacks_to_idx" ON "call_callbacks" USING btree ("campaign_id",("params"->>'To'));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_list_numbers_number_idx" ON "call_list_numbers" USING btree ("campaign_id","e164");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_phone_bank_calls_called_idx" ON "phone_bank_calls" USING btree ("campaign_id","called_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "phone_bank_targets_claimed_by_idx" ON "phone_bank_targets" USING btree ("campaign_id","claimed_by") WHERE claimed_by IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "content_items_author_idx" ON "content_items" USING btree ("campaign_id","author_id") WHERE author_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "caught_sms_number_idx" ON "caught_sms" USING btree ("campaign_id","to_number");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_sms_outbox_sent_idx" ON "sms_outbox" USING btree ("campaign_id","sent_at") WHERE sent_at IS NOT NULL;