-- coverage is wire_copy, own_reporting or mixed, as the counts say.
select story_id, outlet, coverage, n_articles, n_wire_copies
from story_outlets
where coverage is distinct from case
    when n_wire_copies = 0 then 'own_reporting'
    when n_wire_copies = n_articles then 'wire_copy'
    else 'mixed'
end
or coverage not in ('wire_copy', 'own_reporting', 'mixed')
