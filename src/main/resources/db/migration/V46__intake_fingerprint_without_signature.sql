-- The near-duplicate signatures leave the database. A signature is a function of the item's title and text, which
-- never change (intake.internal.NearDuplicateFingerprint.ofItem); the band index (intake.internal.BandIndex) keeps each
-- stored item's signature next to its band keys, and computes it again from the item when it is rebuilt or catches
-- up. Stored here, as 2,048 hexadecimal digits, they were 2 KB an item: three quarters of what a bulk import wrote, and
-- read by nothing but the index. A row now says which items have a fingerprint, in which order, in which cluster.
alter table intake_fingerprint drop column signature;
