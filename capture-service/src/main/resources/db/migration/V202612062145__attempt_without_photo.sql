-- 6556235: an upload the engine makes no photo of keeps only its original and findings, so the
-- keys of the renderings may be null. Hibernate's `update` never relaxes NOT NULL on an existing
-- column, so databases it made still refuse such an attempt.
alter table capture_attempt alter column standardized_key drop not null;
alter table capture_attempt alter column cutout_key drop not null;
