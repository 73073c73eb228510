-- When a cluster's most recently received item reached the desk: the inbox lists rumours by it, newest first, without
-- grouping every item to find out.
alter table intake_cluster add column last_received_at timestamp with time zone;
update intake_cluster set last_received_at =
    (select max(i.received_at) from intake_item i where i.cluster_id = intake_cluster.id);
update intake_cluster set last_received_at = created_at where last_received_at is null;
alter table intake_cluster alter column last_received_at set not null;
create index intake_cluster_last_received_idx on intake_cluster (last_received_at desc, id desc);
