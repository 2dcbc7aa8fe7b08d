-- f1f8c9d (staff console): operators free a roster entry from its WeChat account; who, when, why.
-- As Hibernate's `update` would have made it (databases it already extended keep theirs).
create table if not exists roster_unbinding (
    id uuid not null,
    at timestamp(6) with time zone not null,
    operator_id varchar(255) not null,
    reason text,
    roster_entry_id uuid not null,
    student_id uuid not null,
    primary key (id)
);

create index if not exists roster_unbinding_entry
   on roster_unbinding (roster_entry_id, at);
