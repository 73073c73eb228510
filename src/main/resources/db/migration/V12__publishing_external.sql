-- Publishing: fact-checks of other organisations imported from their ClaimReview markup, so that matching knows them.
-- One row per fact-check URL (canonical form; the import is idempotent by it) with the original rating text and
-- numbers next to the rating on our scale; the claim's appearances (item URLs) as child rows.
create table publishing_external_fact_check (
    id uuid primary key,
    url varchar(2000) not null,
    organisation varchar(300) not null,
    organisation_url varchar(2000),
    claim varchar(2000) not null,
    rating varchar(20) not null,
    rating_text varchar(200),
    rating_value double precision,
    best_rating double precision,
    worst_rating double precision,
    language varchar(5) not null,
    published_at timestamp with time zone,
    first_appeared_at timestamp with time zone,
    imported_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint publishing_external_fact_check_url_uq unique (url)
);
create index publishing_external_fact_check_updated_idx on publishing_external_fact_check (updated_at);

create table publishing_external_appearance (
    external_id uuid not null references publishing_external_fact_check (id),
    seq int not null,
    url varchar(2000) not null,
    primary key (external_id, seq)
);
