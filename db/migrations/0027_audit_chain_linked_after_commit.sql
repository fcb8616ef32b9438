-- The audit chain is linked after commit by a single linker instead of inside every writer's
-- transaction. Before, the first audit row of a transaction locked the chain head until commit,
-- so every audited use case in the system ran one at a time, each holding the lock across its
-- commit's WAL flush. Now:
--
-- * A writer only appends its row, as "pending" (chain_seq NULL, prev_hash and hash empty): the
--   insert trigger forces those values, so a writer cannot choose its place in the chain. The row
--   is still written in the use case's own transaction, so a change whose audit row cannot be
--   written still fails.
-- * audit_chain_link_pending() is the linker: it locks the head, takes every committed pending
--   row (in id order), gives each the next chain_seq, prev_hash = the previous row's hash and
--   hash = sha256(prev_hash || audit_canonical(row)), exactly as the insert trigger did, and moves
--   the head. Linkers are serialised by the head lock; a writer never waits for it. The
--   application calls it right after an audited transaction commits (lib/dal/audit/link-chain.ts)
--   and the verifier calls it before walking the chain, so a row committed while a linker was
--   running is picked up by the next run, whatever order the writers committed in.
-- * Filling the chain columns of a pending row, and nothing else, is the one change the
--   append-only trigger lets through, and only inside the linker. The application role still holds
--   no UPDATE right on audit_events at all.
--
-- Tamper evidence is unchanged once a row is linked: the chain covers every column of every linked
-- row in chain_seq order and the head holds the last seq and hash, so changing, deleting or
-- inserting a linked row, or cutting the tail, breaks the walk in scripts/audit-verify.ts. The
-- verifier links first and then, in the same snapshot, also requires every row to be in the chain,
-- so a row smuggled in with forged chain columns outside the sequence is reported too. A pending
-- row is protected like any other row by the append-only trigger and the missing UPDATE/DELETE
-- rights; it is covered by the hash once linked, normally milliseconds after its commit.
ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_unlinked_idx" ON "audit_events" USING btree ("id") WHERE "audit_events"."chain_seq" is null;--> statement-breakpoint
DROP TRIGGER audit_events_chain_head ON audit_events;--> statement-breakpoint
DROP FUNCTION audit_chain_store_head();--> statement-breakpoint
DROP TRIGGER audit_events_chain ON audit_events;--> statement-breakpoint
DROP FUNCTION audit_chain_link();--> statement-breakpoint
CREATE FUNCTION audit_chain_mark_pending() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.chain_seq := NULL;
  NEW.prev_hash := '';
  NEW.hash := '';
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_chain_mark_pending();
--> statement-breakpoint
-- audit_events only: other tables keep audit_refuse_change().
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND current_setting('sanad.audit_linking', true) = 'on'
    AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
    AND to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash' = to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash'
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
DROP TRIGGER audit_events_append_only ON audit_events;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- Runs as the migration owner (SECURITY DEFINER): the application role may call it but holds no
-- right on the head or to update audit rows. Returns the number of rows it linked. With
-- max_rows, links at most that many (the oldest pending first); the rest wait for the next call.
CREATE FUNCTION audit_chain_link_pending(max_rows integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head;
  r audit_events;
  seq bigint;
  prev text;
  linked integer := 0;
BEGIN
  -- Nothing pending: no lock, no write.
  IF NOT EXISTS (SELECT 1 FROM audit_events WHERE chain_seq IS NULL) THEN
    RETURN 0;
  END IF;
  SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit chain head is missing';
  END IF;
  seq := head.last_seq;
  prev := head.last_hash;
  PERFORM set_config('sanad.audit_linking', 'on', true);
  -- A new statement, so (in READ COMMITTED) a new snapshot taken after the head lock: rows that
  -- the linker this one waited for has just linked are no longer pending.
  FOR r IN SELECT * FROM audit_events WHERE chain_seq IS NULL ORDER BY id LIMIT max_rows LOOP
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    r.hash := encode(sha256(convert_to(prev || audit_canonical(r), 'UTF8')), 'hex');
    UPDATE audit_events SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
    linked := linked + 1;
  END LOOP;
  PERFORM set_config('sanad.audit_linking', '', true);
  IF linked > 0 THEN
    UPDATE audit_chain_head SET last_seq = seq, last_hash = prev WHERE id = 1;
  END IF;
  RETURN linked;
END $$;
