"""Step 1 of the pipeline: read the YAML files, keeping the position of every value."""
