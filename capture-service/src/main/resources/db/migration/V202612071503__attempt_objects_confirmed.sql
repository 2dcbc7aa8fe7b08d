-- Issue #21: an attempt's original and cut-out are written after the upload's answer (the student
-- waits for the preview only). A write that fails for good, or an instance that stops before it
-- ends, would leave the attempt naming an object that was never stored. The repair sweep looks at
-- each attempt once its writes must have ended: objects_confirmed once it saw them in the bucket
-- (a lost cut-out is rendered again from the original), original_lost when the original is not
-- there (nothing can bring it back: the attempt cannot be submitted or adjusted, the student is
-- told to upload again).
alter table capture_attempt add column if not exists objects_confirmed boolean not null default false;
alter table capture_attempt add column if not exists original_lost boolean not null default false;
-- Attempts from before the sweep are taken as confirmed, not checked: until 2026-12-07 every object
-- was written before the answer, and for an old attempt an absent original is the bucket's
-- lifecycle rule at work (originals expire), not a lost write.
update capture_attempt set objects_confirmed = true;
-- The sweep reads only the few attempts not yet confirmed, oldest rendering first.
create index if not exists capture_attempt_unconfirmed on capture_attempt (rendered_at)
    where not objects_confirmed;
