-- outlet_daily adds up: an outlet's days plus its undated articles make its articles, wire copies and first
-- reports in outlet_summary; within a day, first reports <= stories <= articles and wire copies <= articles.
with days as (
    select outlet, sum(n_articles) as n_articles, sum(n_wire_copies) as n_wire_copies,
           sum(n_first_reports) as n_first_reports
    from outlet_daily
    group by outlet
),

undated as (
    select outlet, count(*) as n_articles, count(*) filter (where is_wire_copy) as n_wire_copies,
           count(*) filter (where is_first_report) as n_first_reports
    from int_article_positions
    where outlet is not null and published_at is null
    group by outlet
)

select s.outlet, null as day
from outlet_summary as s
left join days as d using (outlet)
left join undated as u using (outlet)
where s.n_articles <> coalesce(d.n_articles, 0) + coalesce(u.n_articles, 0)
   or s.n_wire_copies <> coalesce(d.n_wire_copies, 0) + coalesce(u.n_wire_copies, 0)
   or s.n_first_reports <> coalesce(d.n_first_reports, 0) + coalesce(u.n_first_reports, 0)
union all
select outlet, day
from outlet_daily
where n_articles < 1 or n_wire_copies > n_articles or n_first_reports > n_stories or n_stories > n_articles
