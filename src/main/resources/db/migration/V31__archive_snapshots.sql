-- Archived captures of items' URLs. The body lives under <data-dir>/archive/<sha256[0..2]>/<sha256>.gz (gzip, one file
-- per content, shared by captures of the same bytes); this row keeps what was asked, what answered, and when.
create table archive_snapshot (
    id uuid primary key,
    item_id uuid not null references intake_item (id),
    requested_url varchar(2048) not null,
    final_url varchar(2048) not null,
    http_status int not null,
    content_type varchar(200) not null,
    size bigint not null,
    sha256 varchar(64) not null,
    captured_at timestamp with time zone not null,
    -- The final response's headers as JSON: {"name": ["value", ...], ...}, names lower-case.
    headers varchar(100000) not null
);
create index archive_snapshot_item_idx on archive_snapshot (item_id, captured_at);
