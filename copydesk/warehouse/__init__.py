"""Storage: the Parquet lake, the DuckDB warehouse built from it, the SQL model runner and the BI exports."""
