-- Security #16 item 1: an unbinding (identity's BindingRevoked) takes the collection from its
-- account until the rightful student is granted it; null while someone owns it.
alter table payment_collection add column if not exists revoked_at timestamp(6) with time zone;
