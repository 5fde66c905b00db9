-- outlet_daily has no NULL key (undated articles and articles with no known outlet are left out).
select * from outlet_daily where outlet is null or day is null
