-- Baseline of capture-service: the schema as Hibernate's `update` created it before Flyway took over
-- (tables, indexes, unique constraints and the kernel's outbox_event / processed_event tables,
-- statement for statement). A database that already has these tables is recorded at this version
-- without running it (baseline-on-migrate). Never edit this file: add V<yyyyMMddHHmm>__what.sql.

create table capture_attempt (
    id uuid not null,
    background_colour varchar(255) not null,
    client_key varchar(255),
    collection_id uuid not null,
    created_at timestamp(6) with time zone not null,
    crop_height float(53),
    crop_width float(53),
    crop_x float(53),
    crop_y float(53),
    cutout_key varchar(255) not null,
    findings text not null,
    geometry text not null,
    number integer not null,
    original_bytes bigint not null,
    original_key varchar(255) not null,
    original_media_type varchar(255) not null,
    rendered_at timestamp(6) with time zone not null,
    standardized_key varchar(255) not null,
    status varchar(255) not null check ((status in ('READY','SUBMITTED','REJECTED','PASSED'))),
    primary key (id)
);

create table capture_collection (
    id uuid not null,
    allow_submit_with_findings boolean not null,
    background_colours text,
    batch_id uuid,
    eligible boolean not null,
    paid boolean not null,
    payment_policy varchar(255),
    review_reasons text,
    school_code varchar(255),
    spec_profile varchar(255),
    state varchar(255) not null check ((state in ('CAPTURING','UNDER_REVIEW','PASSED','COMPLETED','DELIVERED'))),
    student_id uuid,
    submitted_attempt_id uuid,
    upload_max_bytes bigint not null,
    upload_min_bytes bigint not null,
    version bigint,
    window_closes_at timestamp(6) with time zone,
    primary key (id)
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

create index capture_attempt_collection
   on capture_attempt (collection_id, created_at);

alter table capture_attempt
   add constraint capture_attempt_client_key unique (collection_id, client_key);

create index capture_collection_student
   on capture_collection (student_id);

create index outbox_event_pending
   on outbox_event (published_at, seq);
