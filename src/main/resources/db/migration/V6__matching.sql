-- Matches of items against checked claims, with the decision taken on each: linked automatically, waiting for a
-- checker, confirmed or rejected. Kept as future training and evaluation data.
create table matching_item_match (
    item_id uuid not null references intake_item (id),
    claim_id uuid not null,
    case_id uuid not null,
    score double precision not null,
    band varchar(10) not null,
    decision varchar(20) not null,
    matched_at timestamp with time zone not null,
    decided_by uuid references network_user (id),
    decided_at timestamp with time zone,
    primary key (item_id, claim_id)
);
create index matching_item_match_claim_idx on matching_item_match (claim_id);
