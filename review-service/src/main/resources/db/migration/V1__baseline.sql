-- Baseline of review-service: the schema as Hibernate's `update` created it before Flyway took over
-- (tables, indexes, unique constraints and the kernel's outbox_event / processed_event tables,
-- statement for statement). A database that already has these tables is recorded at this version
-- without running it (baseline-on-migrate). Never edit this file: add V<yyyyMMddHHmm>__what.sql.

create table collection_review (
    collection_id uuid not null,
    awaiting_payment boolean not null,
    batch_id uuid,
    batch_name varchar(255),
    comparison_matched boolean,
    comparison_note varchar(255),
    completed_at timestamp(6) with time zone,
    current_task_id uuid,
    degree_level varchar(255),
    granted_at timestamp(6) with time zone,
    id_number_masked varchar(255),
    order_id uuid,
    paid_at timestamp(6) with time zone,
    passed_task_id uuid,
    payment_policy varchar(255),
    review_promise varchar(255),
    roster_entry_id uuid,
    roster_known boolean not null,
    school_code varchar(255),
    school_name varchar(255),
    spec_profile varchar(255),
    state varchar(255) not null check ((state in ('AWAITING_PHOTO','IN_REVIEW','REJECTED','PASSED','COMPLETED'))),
    student_id uuid,
    student_name varchar(255),
    student_number varchar(255),
    primary key (collection_id)
);

create table outbox_event (
    event_id uuid not null,
    attempts integer not null,
    created_at timestamp(6) with time zone not null,
    locked_until timestamp(6) with time zone,
    message text not null,
    message_key varchar(255),
    published_at timestamp(6) with time zone,
    seq bigserial,
    topic varchar(255) not null,
    type varchar(255) not null,
    primary key (event_id)
);

create table processed_event (
    consumer varchar(255) not null,
    event_id uuid not null,
    processed_at timestamp(6) with time zone not null,
    primary key (consumer, event_id)
);

create table review_audit (
    id uuid not null,
    action varchar(255) not null check ((action in ('OPENED','CLAIMED','RELEASED','PASSED','REJECTED','REOPENED','SUPERSEDED','COMPARED','COMPLETED'))),
    actor_id varchar(255) not null,
    actor_name varchar(255),
    collection_id uuid,
    note text,
    occurred_at timestamp(6) with time zone not null,
    reasons text,
    school_code varchar(255),
    seq bigserial,
    task_id uuid,
    primary key (id)
);

create table review_task (
    id uuid not null,
    attempt_id uuid not null,
    background_colour varchar(255),
    batch_id uuid,
    claimed_by varchar(255),
    claimed_by_name varchar(255),
    collection_id uuid not null,
    correlation_id varchar(255),
    cutout_key varchar(255),
    decided_at timestamp(6) with time zone,
    decided_by varchar(255),
    decided_by_name varchar(255),
    due_at timestamp(6) with time zone not null,
    findings text,
    flagged boolean not null,
    geometry text,
    lease_until timestamp(6) with time zone,
    note text,
    original_key varchar(255),
    outcome varchar(255) check ((outcome in ('PASS','REJECT'))),
    promise_known boolean not null,
    reasons text,
    reopen_count integer not null,
    school_code varchar(255),
    spec_profile varchar(255),
    standardized_key varchar(255),
    status varchar(255) not null check ((status in ('OPEN','DECIDED','SUPERSEDED'))),
    student_id uuid,
    submitted_at timestamp(6) with time zone not null,
    primary key (id)
);

create index collection_review_batch
   on collection_review (school_code, batch_id);

create index outbox_event_pending
   on outbox_event (published_at, seq);

create index review_audit_task
   on review_audit (task_id, seq);

create index review_audit_collection
   on review_audit (collection_id, seq);

create index review_task_queue
   on review_task (status, due_at);

create index review_task_collection
   on review_task (collection_id);
