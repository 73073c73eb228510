-- Cases: the verification workflow. One row per case in cases_case (its state, triage, assignment, the current
-- verdict and the closure), and append-only child rows for claims, items, topics, evidence, comments and history.
-- "version" is the optimistic lock: every save moves it on, and a save from a stale read changes nothing.
create table cases_case (
    id uuid primary key,
    unit_id uuid not null references network_unit (id),
    title varchar(200) not null,
    state varchar(20) not null,
    priority int,
    assignee_id uuid references network_user (id),
    opened_by uuid not null references network_user (id),
    opened_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    verdict_rating varchar(20),
    verdict_summary varchar(2000),
    verdict_proposed_by uuid references network_user (id),
    verdict_proposed_at timestamp with time zone,
    verdict_approved_by uuid references network_user (id),
    verdict_approved_at timestamp with time zone,
    close_reason varchar(20),
    close_note varchar(2000),
    closed_by uuid references network_user (id),
    closed_at timestamp with time zone,
    version bigint not null,
    constraint cases_case_priority_range check (priority is null or priority between 1 and 4)
);
create index cases_case_unit_opened_idx on cases_case (unit_id, opened_at);
create index cases_case_assignee_idx on cases_case (assignee_id);
create index cases_case_state_idx on cases_case (state);

create table cases_claim (
    id uuid primary key,
    case_id uuid not null references cases_case (id),
    seq int not null,
    text varchar(1000) not null,
    language varchar(5) not null,
    constraint cases_claim_position_uq unique (case_id, seq)
);

create table cases_case_item (
    case_id uuid not null references cases_case (id),
    item_id uuid not null references intake_item (id),
    seq int not null,
    primary key (case_id, item_id)
);
create index cases_case_item_item_idx on cases_case_item (item_id);

create table cases_topic (
    case_id uuid not null references cases_case (id),
    seq int not null,
    topic varchar(60) not null,
    primary key (case_id, topic)
);
create index cases_topic_topic_idx on cases_topic (topic);

create table cases_transition (
    case_id uuid not null references cases_case (id),
    seq int not null,
    action varchar(20) not null,
    from_state varchar(20),
    to_state varchar(20) not null,
    actor_id uuid not null references network_user (id),
    acted_at timestamp with time zone not null,
    subject_id uuid references network_user (id),
    detail varchar(700),
    note varchar(2000),
    primary key (case_id, seq)
);

create table cases_evidence (
    id uuid primary key,
    case_id uuid not null references cases_case (id),
    seq int not null,
    kind varchar(10) not null,
    url varchar(2000),
    title varchar(300),
    summary varchar(4000),
    file_name varchar(255),
    file_type varchar(100),
    file_size bigint,
    file_sha256 varchar(64),
    added_by uuid not null references network_user (id),
    added_at timestamp with time zone not null,
    constraint cases_evidence_position_uq unique (case_id, seq)
);

create table cases_comment (
    id uuid primary key,
    case_id uuid not null references cases_case (id),
    seq int not null,
    author_id uuid not null references network_user (id),
    text varchar(4000) not null,
    created_at timestamp with time zone not null,
    constraint cases_comment_position_uq unique (case_id, seq)
);
