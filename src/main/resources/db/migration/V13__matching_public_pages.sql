-- The public page of each published fact-check, as matching learns it from publishing's events: matches answer
-- with the public URL of a case's fact-check (in the claim's language when there is one) while it is not withdrawn.
-- The two events may be heard in either order: a withdrawal heard first leaves a row without a language.
create table matching_public_page (
    fact_check_id uuid primary key,
    case_id uuid not null,
    language varchar(2),
    url varchar(2000) not null,
    withdrawn boolean not null default false,
    updated_at timestamp with time zone not null
);
create index matching_public_page_case_idx on matching_public_page (case_id);
