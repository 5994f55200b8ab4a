-- Roster jobs wait in a queue until a node has a free solving slot (roster.RosterJobService). The queue lives in these
-- rows, not in a node's memory, so that nodes sharing one database share one queue: a QUEUED row waits, its id is its
-- place in line, and it keeps its own budget, which starts only when it runs (started_at).
ALTER TABLE roster_job ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
UPDATE roster_job SET queued_at = started_at;
ALTER TABLE roster_job ALTER COLUMN queued_at SET NOT NULL;
-- Null while the job waits, and for ever for a job stopped before its turn.
ALTER TABLE roster_job ALTER COLUMN started_at DROP NOT NULL;
ALTER TABLE roster_job ADD COLUMN unimproved_limit_millis BIGINT;
UPDATE roster_job SET unimproved_limit_millis = spent_limit_millis;
ALTER TABLE roster_job ALTER COLUMN unimproved_limit_millis SET NOT NULL;
-- One job at a time per week, queued or solving, kept by the database itself: the week while the job is QUEUED or
-- SOLVING, null once it has ended (any number of nulls may share a unique column).
ALTER TABLE roster_job ADD COLUMN active_week DATE;
CREATE UNIQUE INDEX roster_job_active_week ON roster_job (active_week);
CREATE INDEX roster_job_queue ON roster_job (status, id);
