-- The outbox relay sends a key's events strictly one after another and only from the key's
-- earliest unsent row (shared-kernel OutboxRelay); this index finds that row per key.
create index outbox_event_key_pending
   on outbox_event ((coalesce(message_key, event_id::text)), seq)
   where published_at is null;
