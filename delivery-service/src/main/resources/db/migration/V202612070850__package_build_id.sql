-- The build holding a package's lease (issue #17): new for every claim, it names the build's ZIP
-- and is checked when the lease is renewed and when the outcome is recorded, so a builder that
-- lost its lease can neither remove the new builder's ZIP nor deliver the package a second time.
alter table delivery_package add column build_id uuid;
