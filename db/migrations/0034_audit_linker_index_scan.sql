-- The linker finds pending rows (chain_seq is null) on every run. Linking a row updates it, and
-- the old version keeps its index entries until vacuum: one in audit_events_unlinked_idx and a
-- null one in audit_events_chain_seq_key. The planner read the pending rows through a bitmap
-- scan of either index, as the statistics fell, which visits the heap for every such stale entry
-- on every run: after a 100,000-row import, 7.7 ms a run to find 7 rows (through
-- audit_events_chain_seq_key), and a run follows every few commits under load. An index scan of audit_events_unlinked_idx marks the entries it finds dead
-- and skips them from then on (0.2 ms for the same rows). Bitmap scans never do, so the linker
-- does without them.
ALTER FUNCTION audit_chain_link_pending(integer) SET enable_bitmapscan = off;
