"""Shared test helpers: loading eval cases and building settings on a private data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def load_cases(name: str) -> list[dict[str, Any]]:
    """Lines of `evals/cases/<name>.jsonl`."""
    path = ROOT / "evals" / "cases" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def offline_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for the offline drafter with data under `tmp_path`."""
    return Settings(data_dir=tmp_path, drafter="offline", **overrides)


# A buyer complaint and a model draft for it that passes every guardrail, shared by the LLM-path tests.
LAMP_MESSAGE = "The lamp arrived cracked, I want my money back"
LAMP_DRAFT = (
    "Hello,\n\nWe are very sorry that your lamp arrived cracked. That is not how it should reach you, and we "
    "want to put it right quickly.\n\nPlease choose what suits you best:\n1. We send you a brand-new "
    "replacement, free of charge.\n2. You keep the lamp and we refund you 8.00 USD as an apology.\n\nOnce you "
    "reply, we will arrange it within 1-2 business days.\n\nKind regards,\nCustomer Care Team"
)


# Two remedies and an apology in each language, to put before one sentence a guardrail test is about (so that
# the message offers a remedy, and no other rule fires).
OPTIONS_BEFORE = {
    "en": "We are sorry.\n1. A new one within 3 days.\n2. A full refund of 50.00 EUR.\n\n",
    "fr": "Nous sommes désolés.\n1. Un nouvel article sous 3 jours.\n2. Un remboursement intégral de 50,00 €.\n\n",
    "de": "Es tut uns leid.\n1. Ein neuer Artikel in 3 Tagen.\n2. Eine volle Erstattung von 50,00 €.\n\n",
    "es": "Lo sentimos.\n1. Un artículo nuevo en 3 días.\n2. Un reembolso completo de 50,00 €.\n\n",
    "it": "Ci scusiamo.\n1. Un articolo nuovo entro 3 giorni.\n2. Un rimborso completo di 50,00 €.\n\n",
    "ja": "申し訳ございません。\n1. 3日以内に新品をお送りします。\n2. 全額返金いたします。\n\n",
}


def blocked_rules(draft: str, *, scenario: str, price: float | None, currency: str, language: str = "en",
                  buyer: str = "", order_id: str | None = None) -> set[str]:
    """The blocking rules the project's one Guard fires on a draft, for an order of one item at `price`."""
    from assistant.models import CheckContext, OrderFacts
    from assistant.runtime import guard

    context = CheckContext(scenario=scenario, buyer_message=buyer, reply_language=language,
                           order=OrderFacts(product="Item", price=price, currency=currency, order_id=order_id))
    return {v.rule for v in guard(Settings()).check(draft, context).blocking}



# The two choices a structure test puts beside the sentence it is about (a lamp at 60.00 USD: cap 18.00).
LAMP_OPTIONS = ("I'm sorry the lamp flickers. We can:\n1. Send a new lamp within 2 business days.\n2. Refund the "
                "full $60.00.")
# The same two choices in the other languages (a lamp at 60,00 EUR: cap 18,00), and a buyer who opened a claim.
LAMP_OPTIONS_DE = "Es tut uns leid.\n1. Eine neue Lampe in 2 Werktagen.\n2. Die volle Erstattung von 60,00 €."
LAMP_OPTIONS_ES = "Lo sentimos.\n1. Una lámpara nueva en 2 días hábiles.\n2. El reembolso completo de 60,00 €."
LAMP_OPTIONS_FR = ("Nous sommes désolés.\n1. Une lampe neuve sous 2 jours ouvrés.\n2. Le remboursement intégral de "
                   "60,00 €.")
LAMP_OPTIONS_IT = "Ci scusiamo.\n1. Una lampada nuova entro 2 giorni lavorativi.\n2. Il rimborso completo di 60,00 €."
# In Japanese, for an order of 9,800 yen (the structure tests pass price=9800)
LAMP_OPTIONS_JA = ("お客様\n\nご迷惑をおかけし申し訳ございません。\n1. 新品を2営業日以内に発送いたします。\n"
                   "2. 代金9,800円を全額返金いたします。")
CLAIM_BUYER = "I have opened an A-to-z claim about the lamp."


def blocked(draft: str, scenario: str = "quality_issue", currency: str = "USD", language: str = "en",
            price: float = 60.0, buyer: str = "") -> set[str]:
    """`blocked_rules` for the structure tests' usual order: one item at 60.00, a fixed order id."""
    return blocked_rules(draft, scenario=scenario, price=price, currency=currency, language=language, buyer=buyer,
                         order_id="113-2201945-6673018")


def az_blocked(draft: str, **kwargs: Any) -> bool:
    """Whether the A-to-z rule blocks `draft` in a reply to an a_to_z_claim message (`blocked`'s order)."""
    return "az_inducement" in blocked(draft, scenario="a_to_z_claim", **kwargs)
