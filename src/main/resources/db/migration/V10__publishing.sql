-- Publishing: fact-check articles written from published cases. One row per fact-check (one per case and
-- language) with its current content, workflow state and the one pending proposal (a correction or a withdrawal
-- waiting for a second editor); child rows for topics, evidence links, the case's items and their appearances and the corrections history.
-- Topics, evidence, items and appearances are copied from the case when the draft is written: the public page never reads
-- the desk's tables. "version" is the optimistic lock.
create table publishing_fact_check (
    id uuid primary key,
    case_id uuid not null references cases_case (id),
    unit_id uuid not null references network_unit (id),
    slug varchar(120) not null,
    language varchar(5) not null,
    state varchar(20) not null,
    headline varchar(200) not null,
    claim varchar(1000) not null,
    rating varchar(20) not null,
    summary varchar(2000) not null,
    body varchar(60000) not null,
    search_text varchar(8000) not null,
    drafted_by uuid not null references network_user (id),
    drafted_at timestamp with time zone not null,
    edited_by uuid not null references network_user (id),
    published_by uuid references network_user (id),
    published_at timestamp with time zone,
    updated_at timestamp with time zone not null,
    withdrawn_reason varchar(2000),
    withdrawn_by uuid references network_user (id),
    withdrawn_at timestamp with time zone,
    pending_kind varchar(20),
    pending_headline varchar(200),
    pending_claim varchar(1000),
    pending_summary varchar(2000),
    pending_body varchar(60000),
    pending_what varchar(2000),
    pending_why varchar(2000),
    pending_by uuid references network_user (id),
    pending_at timestamp with time zone,
    version bigint not null,
    constraint publishing_fact_check_slug_uq unique (slug),
    constraint publishing_fact_check_case_language_uq unique (case_id, language)
);
create index publishing_fact_check_state_idx on publishing_fact_check (state, published_at);

create table publishing_topic (
    fact_check_id uuid not null references publishing_fact_check (id),
    seq int not null,
    topic varchar(60) not null,
    primary key (fact_check_id, topic)
);
create index publishing_topic_topic_idx on publishing_topic (topic);

create table publishing_evidence (
    fact_check_id uuid not null references publishing_fact_check (id),
    seq int not null,
    title varchar(300) not null,
    url varchar(2000) not null,
    summary varchar(2000),
    primary key (fact_check_id, seq)
);

create table publishing_appearance (
    fact_check_id uuid not null references publishing_fact_check (id),
    seq int not null,
    url varchar(2000) not null,
    platform varchar(30) not null,
    seen_at timestamp with time zone,
    primary key (fact_check_id, seq)
);

create table publishing_item (
    fact_check_id uuid not null references publishing_fact_check (id),
    seq int not null,
    item_id uuid not null references intake_item (id),
    primary key (fact_check_id, item_id)
);
create index publishing_item_item_idx on publishing_item (item_id);

create table publishing_correction (
    fact_check_id uuid not null references publishing_fact_check (id),
    seq int not null,
    what varchar(2000) not null,
    why varchar(2000) not null,
    proposed_by uuid not null references network_user (id),
    approved_by uuid not null references network_user (id),
    corrected_at timestamp with time zone not null,
    primary key (fact_check_id, seq)
);
