-- The capture trigger runs the same few statements for every row written to a replicated table. A PGlite session
-- plans every execution with its values (see platform/db/pglite-connection.ts), and so every statement of this
-- function; none of them needs that, and planning was a quarter of the trigger's cost there.
alter function sync.capture() set plan_cache_mode = force_generic_plan;
