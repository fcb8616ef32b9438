-- Case notes are never deleted, by the application or by hand: DELETE and TRUNCATE are refused,
-- and an edit may change only the body, the edit time and the version, never who wrote the note,
-- on which case, or when.
CREATE OR REPLACE FUNCTION case_notes_protect() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'case notes cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id
     OR NEW.beneficiary_id <> OLD.beneficiary_id
     OR NEW.author_id <> OLD.author_id
     OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'the author, case and time of a case note cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes FOR EACH ROW EXECUTE FUNCTION case_notes_protect();
--> statement-breakpoint
CREATE TRIGGER case_notes_no_truncate BEFORE TRUNCATE ON case_notes FOR EACH STATEMENT EXECUTE FUNCTION case_notes_protect();
--> statement-breakpoint
CREATE TRIGGER case_notes_fixed_authorship BEFORE UPDATE ON case_notes FOR EACH ROW EXECUTE FUNCTION case_notes_protect();
