-- Tips from the public: an item may come from a tipline channel instead of a desk user. tip_channel names the
-- channel (web, telegram, ...); submitted_by is then empty. Nothing about the tipper is stored on the item.
alter table intake_item add column tip_channel varchar(30);
alter table intake_item alter column submitted_by drop not null;

-- Files that arrived with an item (a photo sent to the tipline), stored under the data directory by SHA-256.
create table intake_attachment (
    id uuid primary key,
    item_id uuid not null references intake_item (id),
    sha256 varchar(64) not null,
    media_type varchar(100) not null,
    size_bytes bigint not null,
    received_at timestamp with time zone not null,
    unique (item_id, sha256)
);
create index intake_attachment_item_idx on intake_attachment (item_id);
