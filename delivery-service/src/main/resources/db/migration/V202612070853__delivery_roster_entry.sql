-- The batches' rosters as identity-service announces them (RosterEntriesChanged, issue #18), so the
-- missing list and missing.csv count students who never started. Student number, name and the
-- masked ID number only: delivery never holds a roster line's full or sealed ID number.
create table if not exists delivery_roster_entry (
    roster_entry_id uuid not null,
    batch_id uuid not null,
    school_code varchar(255) not null,
    student_number varchar(255) not null,
    student_name varchar(255),
    id_number_masked varchar(255),
    updated_at timestamp(6) with time zone not null,
    primary key (roster_entry_id)
);

create index if not exists delivery_roster_entry_batch
    on delivery_roster_entry (school_code, batch_id);
