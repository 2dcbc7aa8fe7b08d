-- The kernel's test app: the kernel tables exactly as in every service's baseline, and the test
-- app's own two tables.
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

create index outbox_event_pending
   on outbox_event (published_at, seq);

create table TestAccount (
    id uuid not null,
    name varchar(255),
    primary key (id)
);

create table Tally (
    aggregateId uuid not null,
    applied integer not null,
    primary key (aggregateId)
);
