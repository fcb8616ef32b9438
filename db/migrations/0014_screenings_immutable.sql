-- A saved screening is a record of what was asked and answered on a day: a correction is a new
-- screening. Only the retention job (which sets sanad.retention = 'on' in its transaction) may
-- anonymise or remove rows.
CREATE FUNCTION screenings_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('sanad.retention', true), '') = 'on' THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'screenings are immutable: record a new screening instead' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER screenings_immutable BEFORE UPDATE OR DELETE ON screenings
  FOR EACH ROW EXECUTE FUNCTION screenings_immutable();
--> statement-breakpoint
-- A suggestion is decided once: pending becomes confirmed or dismissed, and nothing else changes.
CREATE FUNCTION screening_suggestions_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('sanad.retention', true), '') = 'on' THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'screening suggestions cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.status <> 'pending' OR NEW.status = 'pending'
     OR NEW.screening_id <> OLD.screening_id OR NEW.service <> OLD.service
     OR NEW.urgency <> OLD.urgency OR NEW.reason_key <> OLD.reason_key THEN
    RAISE EXCEPTION 'a screening suggestion is decided once' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER screening_suggestions_decided_once BEFORE UPDATE OR DELETE ON screening_suggestions
  FOR EACH ROW EXECUTE FUNCTION screening_suggestions_decided_once();
