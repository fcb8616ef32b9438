-- The service catalogue and the single settings row are configuration every installation needs.
INSERT INTO "referral_services" ("service") VALUES
  ('vhr'), ('reintegration'), ('mhpss'), ('child_protection'), ('bid'), ('health'),
  ('direct_assistance'), ('atd'), ('counter_trafficking'), ('legal')
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "referral_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The referral history is append-only: a transition is corrected by another transition, never by an edit.
-- Deletes stay possible so that removing a person's record (retention) cascades.
CREATE OR REPLACE FUNCTION referral_events_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'referral_events is append-only';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON "referral_events"
  FOR EACH ROW EXECUTE FUNCTION referral_events_refuse_update();
--> statement-breakpoint
REVOKE UPDATE ON "referral_events" FROM sanad_app;
