-- The batches' rosters as identity-service announces them (RosterEntriesChanged, issue #18), so the
-- per-batch progress counts students who never started. Only ids and the student number: review
-- matches a roster line to a collection of the same batch by student number.
create table if not exists review_roster_entry (
    roster_entry_id uuid not null,
    batch_id uuid not null,
    school_code varchar(255) not null,
    student_number varchar(255) not null,
    updated_at timestamp(6) with time zone not null,
    primary key (roster_entry_id)
);

create index if not exists review_roster_entry_batch
    on review_roster_entry (school_code, batch_id);
