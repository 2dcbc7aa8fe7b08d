-- The columns 862aed3 (per-batch settings for students) and 041607d (pending_match.mode) gave the
-- entities while Hibernate still made the schema. A database that `update` already extended has
-- them (all nullable, so update made them exactly like this); one that never ran those versions
-- gets them here.
alter table batch add column if not exists sign_up_opens_at timestamp(6) with time zone;
alter table batch add column if not exists sign_up_closes_at timestamp(6) with time zone;
alter table batch add column if not exists notice text;
alter table batch add column if not exists review_promise_text varchar(255);
alter table batch add column if not exists support_phone varchar(255);
alter table batch add column if not exists support_hours varchar(255);
alter table pending_match add column if not exists mode varchar(255);
