-- Reports of items to the platforms that host them, under one of the platform's own policy categories, and the steps
-- each report went through (the timeline). The report row carries the current status for lists and figures; the
-- timeline keeps every step with its date, note and who recorded it (no user: the automatic NO_RESPONSE).
create table platformreports_report (
    id uuid primary key,
    item_id uuid not null references intake_item (id),
    unit_id uuid not null references network_unit (id),
    platform varchar(20) not null,
    policy_code varchar(80) not null,
    reference varchar(200),
    justification varchar(5000) not null,
    -- The published fact-check the justification cites, when one was cited.
    fact_check_url varchar(2048),
    submitted_by uuid not null references network_user (id),
    submitted_at timestamp with time zone not null,
    recorded_at timestamp with time zone not null,
    status varchar(20) not null,
    -- What the platform did, for ACTIONED: REMOVED, LABELLED, REDUCED_REACH, ACCOUNT_RESTRICTED.
    action_taken varchar(30),
    -- The date of the current status (the submission's while SUBMITTED).
    status_at timestamp with time zone not null,
    -- The date of the outcome (ACTIONED, REJECTED, NO_RESPONSE); empty while the report waits.
    outcome_at timestamp with time zone,
    version bigint not null
);
create index platformreports_report_item_idx on platformreports_report (item_id);
create index platformreports_report_waiting_idx on platformreports_report (status, status_at);
create index platformreports_report_submitted_idx on platformreports_report (submitted_at);

create table platformreports_step (
    report_id uuid not null references platformreports_report (id),
    seq int not null,
    status varchar(20) not null,
    action_taken varchar(30),
    happened_at timestamp with time zone not null,
    note varchar(2000),
    -- Who recorded the step; empty for a step the desk took by itself.
    recorded_by uuid references network_user (id),
    recorded_at timestamp with time zone not null,
    primary key (report_id, seq)
);
