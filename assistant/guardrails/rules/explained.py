"""Sentences that explain one of Amazon's rules rather than break it.

"Amazon's guidelines do not allow sellers to ask you to change a review in exchange for a refund" names the
trade the review and A-to-z rules look for, and asks for nothing. A sentence explains a rule when it names the
rule (policy, guidelines, 規約 ...) and says the rule forbids it, and no "but if you ..." or "until ..." turns
it back into an offer. For the A-to-z rule the forbidding must govern *asking* ("may not ask you to withdraw
a claim"): "Amazon's rules do not allow us to refund while a claim is open" is a remedy withheld, not an
explanation.

Both patterns run on the folded text, so their literals are folded (`fold_literal`).
"""

from __future__ import annotations

import re

from assistant.guardrails.normalize import fold_literal
from assistant.guardrails.text import Doc

_RULE_WORD = re.compile(fold_literal(
    r"\b(?:polic(?:y|ies)|rules?|guidelines?|terms|normas?|reglas?|regole|regolamento|norme|richtlinien?|"
    r"regeln|regles?|conditions?|politica|politique)\b|ガイドライン|規約|規定"))
_FORBIDS = re.compile(fold_literal(
    r"\b(?:(?:do|does|did) ?n.t|do not|does not|not) (?:allow|permit)|\bprohibit\w*|\bforbid\w*|"
    r"\bnot allowed\b|\bno (?:nos |me |le )?permiten?\b|\bprohib\w*|\bvietat\w*|"
    r"\bnon (?:ci |mi |le )?consent\w*|\binterdi\w*|\bn.autoris\w*|\bverbiet\w*|\bverboten\b|"
    r"\buntersag\w*|\bnicht (?:erlaubt|gestattet)\b|禁止|認められておりません|できかねます"))
# The forbidding governs asking: "may not ask", "does not allow sellers to ask", "verbietet, Sie zu bitten";
# in Japanese the asking comes first ("お願いすることは禁止されております").
_FORBIDS_ASKING = re.compile(fold_literal(
    r"(?:\b(?:(?:do|does|did) ?n.t|do not|does not|not) (?:allow|permit)\w*|\bprohibit\w*|\bforbid\w*|"
    r"\b(?:may|must) not|\bnot (?:allowed|permitted)|\bverbiet\w*|\bverboten|\buntersag\w*|"
    r"\bnicht (?:erlaubt|gestattet)|\binterdi\w*|\bn.autoris\w*|\bprohib\w*|\bno (?:nos |me |le )?permiten?|"
    r"\bvietat\w*|\bnon (?:ci |mi |le )?consent\w*)"
    r"\W+(?:\w+\W+){0,3}?(?:ask|request|pressur|demand|solicit|bitten|aufforder|verlang|demander|sollicit|"
    r"pedir|solicitar|chieder|richieder|sollecit)\w*"
    r"|(?:お願い|依頼|要求|要請)[^。]{0,8}(?:禁止|認められておりません|できかねます|できません)"))
_BUT_IF = re.compile(r"\b(?:but|however|though|aber|doch|mais|pero|sin embargo|ma)\b[^.!?]{0,40}"
                     r"\b(?:if|once|when|wenn|falls|sobald|si|des que|se|una volta)\b")
# After an A-to-z explanation, anything that turns back to the buyer: a contrast ("... but closing it would
# help"), a wait ("..., so the refund waits until it is closed"), a condition or a request ("if you could").
# "even if you keep it open" keeps the offer apart from the claim.
_TURNS_BACK = re.compile(fold_literal(
    r"\b(?:but|however|though|although|still|aber|doch|jedoch|trotzdem|mais|cependant|toutefois|pero|"
    r"sin embargo|ma|pero|tuttavia|pero|until|till|once|as soon as|bis|sobald|jusqu|une fois|des que|hasta|"
    r"una vez|finche|fino a|please|appreciate|grateful|bitte|dankbar|s.il vous|por favor|per favore)\b|"
    r"(?<!\beven )\b(?:if|wenn|falls|si|se)\b|が、|けれど|ですが|まで|次第|ください|いただけ|幸い"))


def explains_rule(doc: Doc, start: int, end: int) -> bool:
    """The rule named and what it forbids, with no "but if you ..." turning it into an offer after all."""
    text = doc.folded[start:end]
    return _RULE_WORD.search(text) is not None and _BUT_IF.search(text) is None and (
        _FORBIDS.search(text) is not None or _FORBIDS_ASKING.search(text) is not None)


def explains_asking_rule(doc: Doc, start: int, end: int) -> bool:
    """The rule named and that it forbids sellers to ask, with nothing made to wait on the claim after it."""
    text = doc.folded[start:end]
    asking = _FORBIDS_ASKING.search(text)
    return asking is not None and _RULE_WORD.search(text) is not None and _BUT_IF.search(text) is None \
        and _TURNS_BACK.search(text, asking.end()) is None
