-- Template, filled in by tasks/lake/views.py for every table: {view} is the view name (src_<table>, staged_<table>) and {files}
-- the list of Parquet files of the committed snapshot (or the table's zero-row file).
-- union_by_name: files written before a column was added still read, with NULL in it.
-- filename: lets the writer find which files hold rows it must supersede (copy-on-write).
create or replace view {view} as select * from read_parquet({files}, union_by_name = true, filename = true);
