-- One intake.ItemsImported event names every new item of an import batch (500 ids are about 20,000 characters of
-- JSON): the registry's column for the serialised event must hold it.
alter table event_publication alter column serialized_event set data type varchar(1000000);
