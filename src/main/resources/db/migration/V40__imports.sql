-- Bulk imports of exported social posts (CSV or JSONL). A file is one job, known by the SHA-256 of its bytes: the
-- same file imported again finds its job instead of adding anything. next_line and next_offset are the checkpoint:
-- the first line and byte not yet committed, written in the same transaction as each batch of rows, so a killed
-- import resumes exactly where its last batch ended.
create table imports_job (
    id uuid primary key,
    sha256 varchar(64) not null unique,
    format varchar(10) not null,
    unit_id uuid not null references network_unit (id),
    file_name varchar(500) not null,
    stored_path varchar(2000),
    size_bytes bigint not null,
    state varchar(20) not null,
    next_line bigint not null,
    next_offset bigint not null,
    rows_read bigint not null,
    imported bigint not null,
    duplicates bigint not null,
    rejected bigint not null,
    failure varchar(100),
    failure_detail varchar(1000),
    started_by uuid references network_user (id),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    finished_at timestamp with time zone
);
create index imports_job_created_idx on imports_job (created_at desc);

-- Rejected rows, by line number (the first physical line of the row), for the downloadable error report.
create table imports_error (
    job_id uuid not null references imports_job (id),
    line_no bigint not null,
    column_name varchar(100),
    reason varchar(100) not null,
    arguments varchar(500),
    excerpt varchar(200),
    primary key (job_id, line_no)
);

-- The columns of an imported row that FactDesk has no field for, kept as a JSON object with the item the row became
-- (a new item or the one it duplicates). The author handle is never among them: it is not stored.
create table imports_item_attribute (
    job_id uuid not null references imports_job (id),
    line_no bigint not null,
    item_id uuid not null references intake_item (id),
    attributes varchar(20000) not null,
    primary key (job_id, line_no)
);
create index imports_item_attribute_item_idx on imports_item_attribute (item_id);
