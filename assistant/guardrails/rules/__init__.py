"""The rules, one module per family; each registers its rules with `@rule` (see `registry.py`)."""
