-- The chain head was updated once per audit row, so a transaction writing many rows (a bulk import)
-- piled up versions of the one head row and slowed quadratically. The running head now lives in
-- transaction-local settings after the first row has locked the head; the head row is written
-- once, by a deferred trigger that fires for the transaction's last row. A rolled-back
-- subtransaction reverts its settings together with its rows, so the chain stays linear.
CREATE OR REPLACE FUNCTION audit_chain_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head;
  last_seq bigint;
  last_hash text;
BEGIN
  IF current_setting('sanad.audit_chain_seq', true) IS NULL OR current_setting('sanad.audit_chain_seq', true) = '' THEN
    SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'audit chain head is missing';
    END IF;
    last_seq := head.last_seq;
    last_hash := head.last_hash;
  ELSE
    last_seq := current_setting('sanad.audit_chain_seq')::bigint;
    last_hash := current_setting('sanad.audit_chain_hash');
  END IF;
  NEW.chain_seq := last_seq + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || audit_canonical(NEW), 'UTF8')), 'hex');
  PERFORM set_config('sanad.audit_chain_seq', NEW.chain_seq::text, true);
  PERFORM set_config('sanad.audit_chain_hash', NEW.hash, true);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_store_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Only the transaction's last row moves the head.
  IF NEW.chain_seq = current_setting('sanad.audit_chain_seq')::bigint THEN
    UPDATE audit_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.hash WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_chain_head AFTER INSERT ON audit_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_store_head();
