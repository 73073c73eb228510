-- Each fingerprinted item's cluster, copied next to its signature. Finding a new text's near duplicates reads the
-- signature and cluster of each candidate; taking the cluster from intake_item read the candidate's whole row, its text
-- and search text among it, from wherever it was on disk: a third of a bulk import's time once the table outgrew the
-- page cache. The copy is written with the fingerprint and moved with the item (intake.internal.Clusters.moveAlone, the
-- one place an item changes cluster), in the same transaction. No foreign key: the cluster of intake_item is the record,
-- and a key here would need an index to keep deleting a cluster cheap on PostgreSQL.
alter table intake_fingerprint add column cluster_id uuid;
update intake_fingerprint f set cluster_id = (select i.cluster_id from intake_item i where i.id = f.item_id);
alter table intake_fingerprint alter column cluster_id set not null;
