-- The history of a return is evidence of who did what and when: rows are added, never changed.
CREATE FUNCTION vhr_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'vhr_events is append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER vhr_events_append_only BEFORE UPDATE OR DELETE ON vhr_events
  FOR EACH ROW EXECUTE FUNCTION vhr_events_append_only();
--> statement-breakpoint
INSERT INTO vhr_settings (id) VALUES (true) ON CONFLICT DO NOTHING;
