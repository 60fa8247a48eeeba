"""Rule families; each module maps rule ids to factories `(CompiledRule, GuardrailData) -> Rule`."""

from __future__ import annotations

from assistant.guardrails.rules import claims, contact, elements, hygiene, remedies, reviews

FACTORIES = {
    **claims.FACTORIES,
    **reviews.FACTORIES,
    **elements.FACTORIES,
    **contact.FACTORIES,
    **hygiene.FACTORIES,
    **remedies.FACTORIES,
}
