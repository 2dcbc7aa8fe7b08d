-- Baseline of delivery-service: the schema as Hibernate's `update` created it before Flyway took over
-- (tables, indexes, unique constraints and the kernel's outbox_event / processed_event tables,
-- statement for statement). A database that already has these tables is recorded at this version
-- without running it (baseline-on-migrate). Never edit this file: add V<yyyyMMddHHmm>__what.sql.

create table delivery_collection (
    collection_id uuid not null,
    batch_id uuid,
    batch_name varchar(255),
    completed_at timestamp(6) with time zone,
    delivered_at timestamp(6) with time zone,
    delivered_package_id uuid,
    dpi integer,
    height_px integer,
    id_number_masked varchar(255),
    id_number_sealed text,
    id_type varchar(255),
    layout_keys text,
    school_code varchar(255),
    school_name varchar(255),
    sha256 varchar(255),
    size_bytes bigint,
    source_key text,
    spec_profile varchar(255),
    standard_key varchar(255),
    status varchar(255) not null check ((status in ('COLLECTING','REVIEW_PASSED','REJECTED','COMPLETED','DELIVERED'))),
    student_id uuid,
    student_name varchar(255),
    student_number varchar(255),
    updated_at timestamp(6) with time zone not null,
    width_px integer,
    primary key (collection_id)
);

create table delivery_package (
    package_id uuid not null,
    batch_id uuid not null,
    failure varchar(255),
    file_name varchar(255),
    lease_until timestamp(6) with time zone,
    missing_count integer,
    naming varchar(255) not null check ((naming in ('ID_NUMBER','STUDENT_NUMBER'))),
    object_key varchar(255),
    photo_count integer,
    ready_at timestamp(6) with time zone,
    requested_at timestamp(6) with time zone not null,
    requested_by varchar(255),
    school_code varchar(255) not null,
    sha256 varchar(255),
    size_bytes bigint,
    status varchar(255) not null check ((status in ('REQUESTED','BUILDING','READY','FAILED'))),
    primary key (package_id)
);

create table notification_attempt (
    attempt_id uuid not null,
    attempted_at timestamp(6) with time zone not null,
    channel varchar(255) not null,
    collection_id uuid not null,
    detail text,
    event_id uuid,
    kind varchar(255) not null check ((kind in ('REVIEW_PASSED','REVIEW_REJECTED'))),
    outcome varchar(255) not null check ((outcome in ('SENT','SKIPPED_NO_CONSENT','FAILED'))),
    student_id uuid,
    primary key (attempt_id)
);

create table notification_consent (
    student_id uuid not null,
    accepted integer not null,
    available integer not null,
    decided_at timestamp(6) with time zone,
    declined integer not null,
    open_id varchar(255),
    primary key (student_id)
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

create index delivery_collection_student
   on delivery_collection (student_id);

create index delivery_collection_batch
   on delivery_collection (school_code, batch_id);

create index delivery_package_batch
   on delivery_package (school_code, batch_id);

create index delivery_package_queue
   on delivery_package (status, requested_at);

create index notification_attempt_collection
   on notification_attempt (collection_id);

create index outbox_event_pending
   on outbox_event (published_at, seq);
