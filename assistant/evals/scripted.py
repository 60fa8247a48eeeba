"""Deterministic, prompt-dependent drafts for the scripted server (tests, the benchmark, the example report).

`draft_responder(profile)` returns a `ScriptedServer` responder that reads the request the LLM drafter sent
(system prompt, allowed remedies, partial-refund cap, buyer message) and writes a reply from it, so the
eval suite can be exercised end to end without a model:

- `good`: every reply passes: apology, numbered options from the allowed remedies, a time range.
- `sloppy`: like `good`, but, chosen by a hash of the buyer message, a third of first drafts give a single
  option in prose (blocked for missing choices where the scenario needs them; the repair fixes it) and a
  sixth push a coupon that the "repair" keeps (still blocked: the pipeline falls back to the offline draft).
- `by_prompt`: `good` for draft_reply/v2 prompts and `sloppy` for v1, to compare two prompt versions.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from typing import Any

from assistant.drafting.phrases import load_phrases
from assistant.testing.scripted_server import Step

_ALLOWED = re.compile(r"(?:remedies for this case|chosen only from): ([^.]+)\.")
_CAP = re.compile(r"may be at most\s+(\d+(?:\.\d+)?) ([A-Z]{3})")
_BUYER = re.compile(r"<buyer_message>\s*(.*?)\s*</buyer_message>", re.DOTALL)
V2_MARKER = "after-sales writer"
SIGNATURE = "Kind regards,\nCustomer Care Team"


def _text(body: dict[str, Any]) -> tuple[str, str]:
    messages = body.get("messages") or []
    system = next((m["content"] for m in messages if m.get("role") == "system"), "")
    user = next((m["content"] for m in messages if m.get("role") == "user"), "")
    return system, user


def _options(system: str) -> list[str]:
    match = _ALLOWED.search(system)
    remedies = [r.strip().replace(" ", "_") for r in match.group(1).split(",")] if match else []
    cap = _CAP.search(system)
    amount = f"{float(cap.group(1)) / 2:.2f} {cap.group(2)}" if cap else "5.00 USD"
    texts = load_phrases().remedies
    return [texts[r].format(amount=amount) for r in remedies if r in texts]


def compose(body: dict[str, Any], profile: str) -> str:
    """The reply the scripted model gives to one request body."""
    system, user = _text(body)
    buyer = (_BUYER.search(user) or _BUYER.search(system))
    seed = zlib.crc32((buyer.group(1) if buyer else user).encode())
    repair = any(m.get("role") == "assistant" for m in body.get("messages") or [])
    if profile == "by_prompt":
        profile = "good" if V2_MARKER in system else "sloppy"
    # The careful prompt covers more of the allowed remedies than the sloppy one.
    options = _options(system)[: 3 if profile == "good" else 2]
    opening = ("Hello,\n\nThank you for your message, and we are very sorry for the trouble this has caused. "
               "We have read your message carefully and we want to put this right for you quickly.")
    closing = ("Please reply with the number of the option you prefer, and we will take care of it within "
               f"1-2 business days.\n\nThank you for your patience.\n\n{SIGNATURE}")
    if profile == "sloppy" and seed % 6 == 1:
        # Marketing the repair does not remove: still blocked after every round, so the pipeline falls back.
        return (f"{opening}\n\n{options[0] if options else 'We will look into this.'} Use code SAVE10 for 10% "
                f"off your next order in our store.\n\n{closing}")
    if profile == "sloppy" and seed % 3 == 0 and not repair:
        single = options[0] if options else "We will look into this for you."
        return f"{opening}\n\n{single}\n\n{closing}"
    if not options:
        return (f"{opening}\n\nWe will look into your question and answer you here in Buyer-Seller Messaging "
                f"within 1-2 business days.\n\nThank you for your patience.\n\n{SIGNATURE}")
    listed = "\n".join(f"{n}. {text}" for n, text in enumerate(options, start=1))
    return f"{opening}\n\nHere is what we can offer:\n{listed}\n\n{closing}"


def draft_responder(profile: str = "good") -> Callable[[dict[str, Any]], Step]:
    """A `ScriptedServer` responder writing drafts with the given profile (`good`, `sloppy`, `by_prompt`)."""
    if profile not in {"good", "sloppy", "by_prompt"}:
        raise ValueError(f"unknown profile {profile!r}")

    def respond(body: dict[str, Any]) -> Step:
        return Step(content=compose(body, profile))

    return respond
