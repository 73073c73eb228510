-- The near-duplicate band keys, 32 rows per fingerprinted item, are the bulk of what intake writes: with an index
-- on the item and a foreign key, each row cost three random B-tree operations (the key index, the item index, the
-- item lookup of the foreign key). Only the lookup by band key is ever made, and rows are never deleted (items are
-- not), so the table keeps just its primary key: one B-tree operation a row. The band number, never read, goes too.
create table intake_band_key (
    band_key bigint not null,
    item_id uuid not null,
    primary key (band_key, item_id)
);
insert into intake_band_key (band_key, item_id) select band_key, item_id from intake_fingerprint_band;
drop table intake_fingerprint_band;
