-- outlet_daily has one row per outlet and day.
select outlet, day, count(*) as n from outlet_daily group by outlet, day having count(*) > 1
