"""The pipeline's stages, one module per verb, as plain functions over batches of records."""
