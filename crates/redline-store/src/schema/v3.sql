-- Redline store, schema version 3: real-world events listed in date order.
--
-- `Store::clusters` lists clusters by (date_start, id) and pages through them by cursor; this
-- index lets a page start at its cursor and stop at its end instead of sorting every cluster.
-- The row id ends every index entry, so the index is in exactly that order.

CREATE INDEX clusters_date ON clusters(date_start);
