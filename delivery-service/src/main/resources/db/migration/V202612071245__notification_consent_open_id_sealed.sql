-- Issue #15: the openid a notification consent keeps is sealed with delivery's key
-- (GRADPHOTO_ID_DELIVERY_KEY), never plain at rest. Rows written before keep their plain openid in
-- open_id until delivery-service seals it at start (LegacyOpenIds) and empties that column.
alter table notification_consent add column if not exists open_id_sealed text;
