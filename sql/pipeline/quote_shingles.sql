-- One row per distinct content to match (`texts_to_shingle`: the row numbers of each content's first statement,
-- in order): its normalized words' count, a hash of the normalized text, and the hashes of its word bigrams (or of
-- the whole text when it has fewer than two words). Normalized: lower case, typographic apostrophes unified,
-- punctuation and quote marks dropped.
with
numbered as (
    select row_number() over () - 1 as row_no, content from statements_to_match
),
normalized as (
    select
        row_no,
        regexp_extract_all(lower(replace(coalesce(content, ''), '’', '''')), '[\p{L}\p{N}]+(?:''[\p{L}\p{N}]+)*')
            as words
    from numbered semi join texts_to_shingle using (row_no)
),
final as (
    select
        row_no,
        len(words) as n_words,
        hash(array_to_string(words, ' ')) as text_hash,
        if(len(words) < 2, [hash(array_to_string(words, ' '))],
           list_transform(generate_series(1, len(words) - 1), lambda i: hash(words[i] || ' ' || words[i + 1])))
            as shingles
    from normalized
)
select * from final order by row_no;
