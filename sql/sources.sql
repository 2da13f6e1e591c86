-- Template, filled in by tasks/lake.py for every table: {table} is the table name and {files}
-- the list of Parquet files of the committed snapshot (or the table's zero-row file).
-- union_by_name: files written before a column was added still read, with NULL in it.
create or replace view src_{table} as select * from read_parquet({files}, union_by_name = true);
