"""The eval suite (`evals/README.md`): cases, metrics, the async runner, run files, reports and comparisons.

Modules are small and import nothing heavy at package import time, so `reply-assistant eval compare` can
read two run files without loading the pipeline.
"""
