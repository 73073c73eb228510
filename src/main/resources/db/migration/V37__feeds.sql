-- RSS/Atom feeds that units monitor. Each active feed is also one instance of db-scheduler's task feeds-poll (instance
-- id = feed id), which decides when it is polled; next_poll_at mirrors it for the feed list. etag and last_modified are
-- the validators of the last successful answer, sent back as If-None-Match / If-Modified-Since. A failing feed keeps
-- its last error as a message key with its arguments (a JSON array of strings) so the list shows it translated.
create table feeds_feed (
    id uuid primary key,
    unit_id uuid not null references network_unit (id),
    url varchar(2048) not null,
    url_key varchar(2100) not null,
    title varchar(300),
    feed_title varchar(300),
    poll_interval_seconds bigint not null,
    active boolean not null,
    etag varchar(500),
    last_modified varchar(100),
    last_polled_at timestamp with time zone,
    last_success_at timestamp with time zone,
    last_error_key varchar(200),
    last_error_args varchar(4000),
    consecutive_failures int not null,
    next_poll_at timestamp with time zone,
    poll_requested boolean not null,
    created_by uuid references network_user (id),
    created_at timestamp with time zone not null,
    unique (unit_id, url_key)
);

-- The entries taken from each feed, by GUID (its guid/id, else its link, else a hash of its text; guid_key is the
-- SHA-256 of that): an entry seen again is never submitted again. item_id is the item it became or was recognised as;
-- empty when intake refused the entry (refusal holds the reason's message key).
create table feeds_entry (
    feed_id uuid not null references feeds_feed (id) on delete cascade,
    guid_key varchar(64) not null,
    guid varchar(2048) not null,
    item_id uuid,
    new_item boolean not null,
    refusal varchar(200),
    received_at timestamp with time zone not null,
    primary key (feed_id, guid_key)
);
create index feeds_entry_item_idx on feeds_entry (item_id);
