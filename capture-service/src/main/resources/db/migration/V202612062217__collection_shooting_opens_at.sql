-- 03ed1d2: when the batch's shooting window opens (null for collections granted before batches
-- had one). Made by Hibernate's `update` until Flyway; databases it already extended keep theirs.
alter table capture_collection add column if not exists shooting_opens_at timestamp(6) with time zone;
