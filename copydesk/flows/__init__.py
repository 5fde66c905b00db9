"""Prefect flows: thin, reading like the pipeline."""
