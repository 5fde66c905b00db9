-- One row per known outlet: output, reach, wire reuse, first reports, how far behind the first report its
-- articles appear, and the mean share of its text that appeared earlier at another outlet. Articles with no
-- known outlet are left out.
select
    outlet,
    count(*) as n_articles,
    count(distinct story_id) as n_stories,
    count(*) filter (where is_wire_copy) as n_wire_copies,
    round(count(*) filter (where is_wire_copy) / count(*), 4) as wire_copy_share,
    count(*) filter (where is_first_report) as n_first_reports,
    median(minutes_behind_first) filter (where not is_first_report) as median_minutes_behind_first,
    string_agg(distinct language, ',' order by language) as languages,
    round(avg(reused_share), 4) as mean_reused_share
from int_article_positions
where outlet is not null
group by outlet
