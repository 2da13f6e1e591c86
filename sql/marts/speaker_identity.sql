-- One row per speaker key of the lake, with the speaker it belongs to. A surname alone ('trudeau') belongs to the
-- one full name of the lake that ends with it ('justin trudeau') when there is exactly one; with two ('justin
-- trudeau', 'pierre trudeau') the lake gives a reason to split, and the surname stays a speaker of its own.
create or replace view speaker_identity as
with
keys as (
    select speaker_key, mode(speaker_type) as speaker_type
    from statements
    where speaker_key is not null
    group by speaker_key
),
full_names as (
    select speaker_key, string_split(speaker_key, ' ')[-1] as surname
    from keys
    where speaker_type = 'person' and contains(speaker_key, ' ')
),
unique_surnames as (
    select surname, any_value(speaker_key) as full_key
    from full_names
    group by surname
    having count(*) = 1
),
final as (
    select
        k.speaker_key,
        k.speaker_type,
        coalesce(u.full_key, k.speaker_key) as identity_key,
        -- From the identity alone: a key's majority type may tip as the lake grows, its id must not change.
        'sp' || left(md5(coalesce(u.full_key, k.speaker_key)), 22) as speaker_id
    from keys k
    left join unique_surnames u
        on k.speaker_type = 'person' and not contains(k.speaker_key, ' ') and u.surname = k.speaker_key
)
select * from final;
