-- One row per rejection of this run: the shards' and those found while discovering the input paths.
select * exclude (filename) from staged_quarantine
union all by name
select * from discovery_quarantine;
