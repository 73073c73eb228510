-- The tipline's own copy of the public fact-checks, fed by publishing's events and keyed by case: the tipline
-- answers only with what is public (its public URL, headline and rating), never with a case still in work.
create table tipline_fact_check (
    case_id uuid primary key,
    fact_check_id uuid not null,
    url varchar(2048) not null,
    language varchar(5) not null,
    headline varchar(1000) not null,
    claim varchar(4000) not null,
    rating varchar(30) not null,
    published_at timestamp with time zone not null,
    withdrawn_at timestamp with time zone
);

-- Tips from the public. sender holds the channel's address of the tipper (a Telegram chat id), encrypted with
-- AES-GCM, only to send the answer later; contact is what a web tipper chose to leave, encrypted the same way.
-- Both are erased after the retention period (sender_erased_at). No names, usernames or profiles are stored.
create table tipline_tip (
    id uuid primary key,
    reference varchar(20) not null unique,
    channel varchar(30) not null,
    channel_message_id varchar(100),
    item_id uuid not null references intake_item (id),
    language varchar(5) not null,
    sender varchar(500),
    contact varchar(2000),
    status varchar(20) not null,
    received_at timestamp with time zone not null,
    answered_at timestamp with time zone,
    sender_erased_at timestamp with time zone,
    unique (channel, channel_message_id)
);
create index tipline_tip_item_idx on tipline_tip (item_id);
create index tipline_tip_received_idx on tipline_tip (received_at);

-- Fact-checks sent to a tipper (at once or later), so that each goes out once.
create table tipline_delivery (
    tip_id uuid not null references tipline_tip (id),
    case_id uuid not null,
    sent_at timestamp with time zone not null,
    primary key (tip_id, case_id)
);

-- Every update a channel's webhook delivered, by the channel's own id: a retried update is recognised and handled
-- once; updates of no use (edits, other kinds) are recorded as ignored.
create table tipline_update (
    channel varchar(30) not null,
    update_id bigint not null,
    outcome varchar(20) not null,
    kind varchar(40) not null,
    received_at timestamp with time zone not null,
    primary key (channel, update_id)
);
