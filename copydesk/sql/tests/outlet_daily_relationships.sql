-- Each row's outlet is in outlet_summary.
select d.outlet, d.day from outlet_daily as d anti join outlet_summary using (outlet)
