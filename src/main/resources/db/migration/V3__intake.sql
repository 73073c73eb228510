-- Items: content seen in the wild. url_key and text_hash recognise the same content submitted twice;
-- search_text holds title, text, URL and note folded to lower case without diacritics for the inbox search.
create table intake_item (
    id uuid primary key,
    unit_id uuid not null references network_unit (id),
    url varchar(2048),
    url_key varchar(2100) unique,
    title varchar(500),
    text varchar(1000000),
    text_hash varchar(64) unique,
    platform varchar(20) not null,
    language varchar(5) not null,
    seen_at timestamp with time zone not null,
    likes bigint,
    shares bigint,
    comments bigint,
    views bigint,
    note varchar(10000),
    status varchar(20) not null,
    case_id uuid,
    submitted_by uuid not null references network_user (id),
    received_at timestamp with time zone not null,
    times_seen int not null,
    search_text varchar(1000000) not null
);
create index intake_item_received_idx on intake_item (received_at);
create index intake_item_status_idx on intake_item (status);
create index intake_item_case_idx on intake_item (case_id);
