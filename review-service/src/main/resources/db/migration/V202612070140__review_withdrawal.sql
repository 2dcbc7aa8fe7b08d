-- A student may withdraw a photo no reviewer has claimed yet (issue #19): review_task.status gains
-- WITHDRAWN and review_audit.action gains WITHDRAWN. The baseline's checks were made inline by
-- Hibernate, so PostgreSQL named them <table>_<column>_check; they are replaced by wider ones
-- (every existing value stays allowed, so the old version keeps running beside the new one).

alter table review_task drop constraint if exists review_task_status_check;
alter table review_task add constraint review_task_status_check
    check (status in ('OPEN','DECIDED','SUPERSEDED','WITHDRAWN'));

alter table review_audit drop constraint if exists review_audit_action_check;
alter table review_audit add constraint review_audit_action_check
    check (action in ('OPENED','CLAIMED','RELEASED','PASSED','REJECTED','REOPENED','SUPERSEDED',
                      'COMPARED','COMPLETED','WITHDRAWN'));
