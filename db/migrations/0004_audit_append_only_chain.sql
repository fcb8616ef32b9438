-- Canonical text of an audit row for its hash: every field as "<length>:<value>" (or "-" for null),
-- joined by "|", so no two different rows share a text. scripts/audit-verify.ts recomputes it
-- independently of this function.
CREATE OR REPLACE FUNCTION audit_canonical(e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(CASE WHEN v IS NULL THEN '-' ELSE length(v)::text || ':' || v END, '|' ORDER BY n)
  FROM unnest(ARRAY[
    e.chain_seq::text,
    e.id::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_id::text,
    e.actor_role,
    e.action,
    e.entity,
    e.entity_id,
    e.ip,
    e.detail::text,
    e.flagged::text
  ]) WITH ORDINALITY AS t(v, n)
$$;
--> statement-breakpoint
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Rows written before the chain existed are chained in id order.
DO $$
DECLARE
  r audit_events;
  prev text := repeat('0', 64);
  seq bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    prev := encode(sha256(convert_to(prev || audit_canonical(r), 'UTF8')), 'hex');
    UPDATE audit_events SET chain_seq = seq, prev_hash = r.prev_hash, hash = prev WHERE id = r.id;
  END LOOP;
  UPDATE audit_chain_head SET last_seq = seq, last_hash = prev WHERE id = 1;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_events_chain_seq_key ON audit_events (chain_seq);
--> statement-breakpoint
-- Runs as the migration owner (SECURITY DEFINER) so the application role needs no right on the head.
-- The head row lock serialises writers until commit, which keeps the chain linear.
CREATE OR REPLACE FUNCTION audit_chain_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit chain head is missing';
  END IF;
  NEW.chain_seq := head.last_seq + 1;
  NEW.prev_hash := head.last_hash;
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_keep BEFORE DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- Changed values may be erased by retention (DELETE) but never rewritten.
CREATE TRIGGER audit_event_values_no_update BEFORE UPDATE ON audit_event_values FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- The application's role (README, "Database roles"): created here if missing, without login; the
-- login role the app connects with is made a member of it.
DO $$
BEGIN
  CREATE ROLE sanad_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO sanad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sanad_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sanad_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sanad_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sanad_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM sanad_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM sanad_app;
--> statement-breakpoint
REVOKE UPDATE, TRUNCATE ON audit_event_values FROM sanad_app;
