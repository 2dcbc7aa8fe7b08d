-- Issue #16 item 5: uploads per student account per hour (each upload costs an engine run). One row
-- per account and hour, counted up in a single conditional upsert so parallel uploads cannot all
-- pass; rows older than a day are deleted by the rendering-expiry round.
create table if not exists upload_budget (
    student_id uuid not null,
    window_start timestamp(6) with time zone not null,
    used integer not null,
    primary key (student_id, window_start)
);
