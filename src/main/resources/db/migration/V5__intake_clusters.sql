-- Near-duplicate clusters of items: the same rumour re-posted with emoji, share-bait, without diacritics or lightly
-- edited. Each item belongs to exactly one cluster (intake_item.cluster_id); a cluster counts its items (size) and
-- its sightings (copies: every submission, exact duplicates included), from its first to its last time seen.
create table intake_cluster (
    id uuid primary key,
    first_item_id uuid not null,
    first_seen_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    size int not null,
    copies int not null,
    created_at timestamp with time zone not null
);
create index intake_cluster_last_seen_idx on intake_cluster (last_seen_at);

alter table intake_item add column cluster_id uuid references intake_cluster (id);
create index intake_item_cluster_idx on intake_item (cluster_id);

-- One row per submission (exact duplicates included), for counts per day; copies > 1 only for sightings counted
-- before this migration, whose dates were not kept.
create table intake_sighting (
    id uuid primary key,
    item_id uuid not null references intake_item (id),
    cluster_id uuid not null references intake_cluster (id),
    seen_at timestamp with time zone not null,
    copies int not null
);
create index intake_sighting_cluster_idx on intake_sighting (cluster_id, seen_at);

-- The MinHash signature of an item's text (128 min-hashes as hex) and its 32 band keys; candidates are found by
-- equal band keys through the index, never by scanning items.
create table intake_fingerprint (
    item_id uuid primary key references intake_item (id),
    signature varchar(2048) not null
);
create table intake_fingerprint_band (
    band_key bigint not null,
    item_id uuid not null references intake_item (id),
    band_no smallint not null,
    primary key (band_key, item_id)
);
create index intake_fingerprint_band_item_idx on intake_fingerprint_band (item_id);

-- Items logged before clusters existed: each is a cluster of its own (not fingerprinted; they are not matched).
insert into intake_cluster (id, first_item_id, first_seen_at, last_seen_at, size, copies, created_at)
select id, id, seen_at, seen_at, 1, times_seen, received_at from intake_item;
update intake_item set cluster_id = id;
insert into intake_sighting (id, item_id, cluster_id, seen_at, copies)
select id, id, id, seen_at, times_seen from intake_item;
alter table intake_item alter column cluster_id set not null;
