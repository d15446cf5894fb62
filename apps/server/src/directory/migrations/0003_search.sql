-- Search at scale (docs/directory.md, "Search"). Indexes only and a node-local table: nothing replicated changes.

-- Swedish order, byte by byte, as every list sorts (COLLATE "C" on the stored keys). A search that matches
-- thousands (one letter, a common name) reads its first page along these and stops there.
create index units_sort_key on directory.units (sort_key collate "C");
create index people_sort_key on directory.people (sort_key collate "C");
create index functions_sort_key on directory.functions (sort_key collate "C");
-- Numbers that start with what was typed, in numeric order.
create index contact_points_digits_order on directory.contact_points (digits collate "C");

-- Every word of the searchable texts and where it occurs: `kinds` has bit 1 for unit names, 2 for people, 4 for
-- function names; those shifted left by 3 (8, 16, 32) where the word is the text's first, and by 6 (64, 128,
-- 256) where it is the second (a person's family name, by which people sort). Node-local and
-- derived, kept by the triggers below on every write, replicated ones included. The search asks it first: which
-- kinds of entry can hold a query word at all, and where it can start the text (so "goran" never reads units or
-- functions, and a word found nowhere goes straight to the typo step), and, for a misspelt word, which of these
-- few thousand words it may have meant, instead of comparing it with every row. Words of records since deleted
-- stay; they find nothing.
create table directory.search_words (
  word text collate "C" primary key,
  kinds smallint not null
);
create index search_words_trgm on directory.search_words using gin (word gin_trgm_ops);

create function directory.search_word_kinds(search_text text, found_in integer)
  returns table (word text, kinds smallint) language sql immutable as $$
  select part, bit_or(case position when 1 then found_in | (found_in << 3) when 2 then found_in | (found_in << 6)
    else found_in end)::smallint
  from unnest(string_to_array(search_text, ' ')) with ordinality as parts (part, position)
  where part <> ''
  group by part
$$;

create function directory.remember_search_words() returns trigger language plpgsql as $$
begin
  insert into directory.search_words as known (word, kinds)
    select found.word, bit_or(found.kinds)::smallint
    from new_rows, directory.search_word_kinds(new_rows.search_text, tg_argv[0]::integer) as found
    group by found.word
    on conflict (word) do update set kinds = known.kinds | excluded.kinds
      where known.kinds | excluded.kinds <> known.kinds;
  return null;
end
$$;

create trigger units_search_words_insert after insert on directory.units
  referencing new table as new_rows for each statement execute function directory.remember_search_words('1');
create trigger units_search_words_update after update on directory.units
  referencing new table as new_rows for each statement execute function directory.remember_search_words('1');
create trigger people_search_words_insert after insert on directory.people
  referencing new table as new_rows for each statement execute function directory.remember_search_words('2');
create trigger people_search_words_update after update on directory.people
  referencing new table as new_rows for each statement execute function directory.remember_search_words('2');
create trigger functions_search_words_insert after insert on directory.functions
  referencing new table as new_rows for each statement execute function directory.remember_search_words('4');
create trigger functions_search_words_update after update on directory.functions
  referencing new table as new_rows for each statement execute function directory.remember_search_words('4');

insert into directory.search_words (word, kinds)
  select found.word, bit_or(found.kinds)::smallint
  from (
    select search_text, 1 as found_in from directory.units
    union all select search_text, 2 from directory.people
    union all select search_text, 4 from directory.functions
  ) texts, directory.search_word_kinds(texts.search_text, texts.found_in) as found
  group by found.word;
