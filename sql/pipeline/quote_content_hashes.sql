-- A hash of each statement's content as written, in input order: statements with equal hashes share one
-- shingling (wire copies repeat a quote word for word). 64 bits, as the normalized texts' hashes of
-- quote_shingles.sql: a collision in a night of millions of statements has odds of about one in ten million.
select hash(coalesce(content, '')) as content_hash from statements_to_match;
