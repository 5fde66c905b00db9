-- Every table, view and column the warehouse exposes has a description (from its .yml beside the model).
select 'relation' as missing, table_name as relation, null as column_name
from duckdb_tables()
where database_name = current_database() and comment is null
union all
select 'relation', view_name, null
from duckdb_views()
where database_name = current_database() and not internal and comment is null
union all
select 'column', table_name, column_name
from duckdb_columns()
where database_name = current_database() and not internal and comment is null
