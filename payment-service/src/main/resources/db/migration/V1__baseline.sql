-- Baseline of payment-service: the schema as Hibernate's `update` created it before Flyway took over
-- (tables, indexes, unique constraints and the kernel's outbox_event / processed_event tables,
-- statement for statement). A database that already has these tables is recorded at this version
-- without running it (baseline-on-migrate). Never edit this file: add V<yyyyMMddHHmm>__what.sql.

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

create table payment_collection (
    collection_id uuid not null,
    batch_id uuid not null,
    batch_name varchar(255),
    granted_at timestamp(6) with time zone not null,
    policy varchar(255) not null,
    price_fen bigint not null,
    school_code varchar(255) not null,
    student_id uuid not null,
    primary key (collection_id)
);

create table payment_order (
    order_id uuid not null,
    amount_fen bigint not null,
    anomaly text,
    batch_id uuid not null,
    closed_at timestamp(6) with time zone,
    collection_id uuid not null,
    created_at timestamp(6) with time zone not null,
    paid_at timestamp(6) with time zone,
    prepaid_at timestamp(6) with time zone,
    prepay_id varchar(255),
    refund_reason varchar(255),
    refund_requested_at timestamp(6) with time zone,
    refund_status varchar(255) not null,
    refunded_at timestamp(6) with time zone,
    refunded_by varchar(255),
    school_code varchar(255) not null,
    state varchar(255) not null,
    student_id uuid not null,
    transaction_id varchar(255),
    primary key (order_id)
);

create table payment_review_passed (
    collection_id uuid not null,
    passed_at timestamp(6) with time zone not null,
    primary key (collection_id)
);

create table processed_event (
    consumer varchar(255) not null,
    event_id uuid not null,
    processed_at timestamp(6) with time zone not null,
    primary key (consumer, event_id)
);

create index outbox_event_pending
   on outbox_event (published_at, seq);

create index payment_order_collection
   on payment_order (collection_id, created_at);

create index payment_order_batch
   on payment_order (batch_id, created_at);

create index payment_order_state
   on payment_order (state, created_at);
