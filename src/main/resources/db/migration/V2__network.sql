create table network_unit (
    id uuid primary key,
    name varchar(200) not null unique,
    kind varchar(30) not null,
    created_at timestamp with time zone not null
);

create table network_user (
    id uuid primary key,
    email varchar(320) not null unique,
    display_name varchar(200) not null,
    password_hash varchar(200) not null,
    locale varchar(10) not null,
    enabled boolean not null,
    created_at timestamp with time zone not null
);

create table network_membership (
    user_id uuid not null references network_user (id),
    unit_id uuid not null references network_unit (id),
    role varchar(20) not null,
    primary key (user_id, unit_id)
);

create table network_api_token (
    id uuid primary key,
    user_id uuid not null references network_user (id),
    name varchar(100) not null,
    prefix varchar(12) not null,
    token_hash varchar(64) not null unique,
    created_at timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);
