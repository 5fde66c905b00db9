"""Near-duplicate detection, one small module per algorithm: normalise -> shingles -> MinHash -> LSH ->
verify -> group. Plain functions over numpy arrays; the pipeline stage is `copydesk.tasks.wire`."""
