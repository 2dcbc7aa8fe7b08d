-- Security #16 item 2: one row per eligibility budget (an account, a subject, a client address).
-- An attempt takes a unit under the row's lock before it is evaluated, so parallel attempts
-- cannot all pass the limit; a grant gives the unit back.
create table if not exists eligibility_budget (
    budget_key varchar(255) not null,
    window_start timestamp(6) with time zone not null,
    used integer not null,
    primary key (budget_key)
);
