-- One row per item that carries a URL: where its fetch stands (PENDING, FETCHED, FAILED, REFUSED), why the last attempt
-- failed (a message key and its arguments, so the page shows the reason in the reader's language), when it is tried
-- again, and what the last fetched page said about itself (metadata of the CONTENT, never a profile of its author).
-- The captures themselves are archive_snapshot rows; this row only summarises the latest.
create table archive_link (
    item_id uuid primary key references intake_item (id),
    url varchar(2048) not null,
    state varchar(20) not null,
    attempts int not null,
    error_key varchar(100),
    -- The message's arguments as a JSON array of strings.
    error_args varchar(2000),
    next_attempt_at timestamp with time zone,
    last_attempt_at timestamp with time zone,
    fetched_at timestamp with time zone,
    platform varchar(20),
    title varchar(1000),
    description varchar(4000),
    site_name varchar(300),
    author_name varchar(300),
    published_at timestamp with time zone,
    text_excerpt varchar(10000),
    canonical_url varchar(2048),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index archive_link_state_idx on archive_link (state, next_attempt_at);
