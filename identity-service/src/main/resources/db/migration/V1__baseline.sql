-- Baseline of identity-service: the schema as Hibernate's `update` created it before Flyway took over
-- (tables, indexes, unique constraints and the kernel's outbox_event / processed_event tables,
-- statement for statement). A database that already has these tables is recorded at this version
-- without running it (baseline-on-migrate). Never edit this file: add V<yyyyMMddHHmm>__what.sql.

create table batch (
    id uuid not null,
    allow_submit_with_findings boolean not null,
    background_colours varchar(255) not null,
    closes_at timestamp(6) with time zone not null,
    modes varchar(255) not null,
    name varchar(255) not null,
    opens_at timestamp(6) with time zone not null,
    payment_policy varchar(255) not null,
    price_fen bigint not null,
    review_promise varchar(255) not null,
    school_code varchar(255) not null,
    service_description text,
    shooting_requirements text,
    spec_profile varchar(255) not null,
    updated_at timestamp(6) with time zone not null,
    upload_max_bytes bigint not null,
    upload_min_bytes bigint not null,
    primary key (id)
);

create table collection (
    id uuid not null,
    batch_id uuid not null,
    granted_at timestamp(6) with time zone not null,
    paid boolean not null,
    paid_at timestamp(6) with time zone,
    price_fen bigint not null,
    rejection_reasons text,
    revoked_at timestamp(6) with time zone,
    roster_entry_id uuid not null,
    status varchar(255) not null,
    status_at timestamp(6) with time zone not null,
    student_id uuid not null,
    updated_at timestamp(6) with time zone not null,
    primary key (id)
);

create table eligibility_attempt (
    id uuid not null,
    at timestamp(6) with time zone not null,
    mode varchar(255) not null,
    student_id uuid not null,
    subject_key varchar(255) not null,
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

create table pending_match (
    id uuid not null,
    expires_at timestamp(6) with time zone not null,
    roster_entry_id uuid not null,
    student_id uuid not null,
    primary key (id)
);

create table processed_event (
    consumer varchar(255) not null,
    event_id uuid not null,
    processed_at timestamp(6) with time zone not null,
    primary key (consumer, event_id)
);

create table roster_entry (
    id uuid not null,
    batch_id uuid not null,
    bound_at timestamp(6) with time zone,
    bound_student_id uuid,
    chsi_code varchar(255),
    created_at timestamp(6) with time zone not null,
    degree_level varchar(255) not null,
    id_hash varchar(255) not null,
    id_masked varchar(255) not null,
    id_sealed text not null,
    id_type varchar(255) not null,
    name varchar(255) not null,
    phone_hash varchar(255),
    school_code varchar(255) not null,
    student_number varchar(255) not null,
    updated_at timestamp(6) with time zone not null,
    primary key (id)
);

create table school (
    code varchar(255) not null,
    created_at timestamp(6) with time zone not null,
    name varchar(255) not null,
    primary key (code)
);

create table signing_key (
    kid varchar(255) not null,
    created_at timestamp(6) with time zone not null,
    private_key_sealed text not null,
    public_key text not null,
    retired_at timestamp(6) with time zone,
    primary key (kid)
);

create table student (
    id uuid not null,
    created_at timestamp(6) with time zone not null,
    last_login_at timestamp(6) with time zone not null,
    openid_hash varchar(255) not null,
    openid_sealed text not null,
    primary key (id)
);

create index batch_school
   on batch (school_code);

create index collection_student
   on collection (student_id);

create index collection_entry
   on collection (roster_entry_id);

create index attempt_student
   on eligibility_attempt (student_id, at);

create index attempt_subject
   on eligibility_attempt (subject_key, at);

create index outbox_event_pending
   on outbox_event (published_at, seq);

create index roster_entry_id_hash
   on roster_entry (id_hash);

create index roster_entry_chsi
   on roster_entry (chsi_code);

create index roster_entry_batch
   on roster_entry (batch_id, student_number);

alter table roster_entry
   add constraint roster_entry_school_number unique (school_code, student_number);

alter table student
   add constraint UKkuuit20uhvkpu30nyirq0dps9 unique (openid_hash);
