"""After-sales reply assistant: triage, grounded reply drafts and deterministic guardrails."""

__version__ = "0.1.0"
