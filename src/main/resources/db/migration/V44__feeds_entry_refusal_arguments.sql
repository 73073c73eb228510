-- The values a refused feed entry's reason names (a JSON array of texts), so that the feed page can say which
-- address was malformed or how long a text was. Entries refused before this column existed have none.
alter table feeds_entry add column refusal_args varchar(2000);
