-- outlet_summary has one row per outlet, and no NULL outlet.
select outlet, count(*) as n from outlet_summary group by outlet having count(*) > 1 or outlet is null
