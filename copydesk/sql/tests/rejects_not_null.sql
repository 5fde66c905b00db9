-- Every reject says where, at which stage and why.
select * from rejects where source_uri is null or stage is null or reason is null or rejected_at is null
