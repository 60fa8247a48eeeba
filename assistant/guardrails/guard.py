"""`Guard`: the seller policy, every rule and the seller's extension file, built once and used everywhere.

The pipeline, `reply-assistant check`, the eval runner, the golden-set scorer and the app all check drafts
through a `Guard`, so they can never disagree about what passes. Build it with `Guard.from_knowledge()` (the
seller's `knowledge/` folder) or `Guard()` for the built-in defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import KnowledgeError
from assistant.guardrails.compiled import load_compiled
from assistant.guardrails.lexicon import build_lexicon, default_lexicon_docs, read_yaml
from assistant.guardrails.money import find_money
from assistant.guardrails.offers import analyse
from assistant.guardrails.patterns import PATTERNS_FILE, build_sets
from assistant.guardrails.registry import RULES, RuleInput, rule_ids
from assistant.guardrails.text import Doc, build_doc
from assistant.models import CheckContext, GuardrailReport, Policy, Severity, Violation

EXTENSION_FILE = "guardrails.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleOverride(_Strict):
    """What a seller may change about one rule."""

    severity: Severity | Literal["off"] | None = None
    message: str | None = Field(default=None, min_length=5)
    fix_hint: str | None = Field(default=None, min_length=5)
    patterns: dict[str, list[str]] = Field(default_factory=dict)


class LexiconExtension(_Strict):
    """Words a seller adds to the word classes (any language)."""

    classes: dict[str, list[str]] = Field(default_factory=dict)


class Extension(_Strict):
    """Shape of `knowledge/guardrails.yaml`: every field optional, unknown fields rejected."""

    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    lexicon: LexiconExtension = Field(default_factory=LexiconExtension)


def load_extension(path: Path) -> Extension:
    """Read and validate a seller extension file.

    Raises:
        KnowledgeError: unreadable or invalid; the message names the file and the field.
    """
    data = read_yaml(path)
    try:
        ext = Extension.model_validate(data)
    except ValidationError as exc:
        item = exc.errors()[0]
        where = ".".join(str(part) for part in item["loc"]) or None
        raise KnowledgeError(item["msg"], path=str(path), field=where) from exc
    known = rule_ids()
    for rule_id in ext.rules:
        if rule_id not in known:
            raise KnowledgeError(f"unknown rule id; use one of {', '.join(known)}", path=str(path),
                                 field=f"rules.{rule_id}")
    return ext


class Guard:
    """Checks drafts against every rule, the seller policy and the seller's extension."""

    def __init__(self, policy: Policy | None = None, extension: Path | None = None) -> None:
        from assistant.guardrails.policy import BUILTIN_POLICY

        self.policy = policy or BUILTIN_POLICY
        self.extension_path = Path(extension) if extension else None
        ext = load_extension(self.extension_path) if self.extension_path else Extension()
        # The built-in lexicon and patterns come compiled from the user's cache when current (see compiled.py);
        # a seller's extra words are merged with the built-in files the slow way.
        self.lexicon, builtin = load_compiled()
        if ext.lexicon.classes:
            docs = [*default_lexicon_docs(), (self.extension_path or PATTERNS_FILE,
                                              {"classes": ext.lexicon.classes})]
            self.lexicon = build_lexicon(docs)
        seller = {rid: o.patterns for rid, o in ext.rules.items() if o.patterns}
        self.patterns = build_sets(builtin, seller, self.extension_path)
        self.rule_ids = rule_ids()
        self.overrides = ext.rules
        self._checks = 0  # the second check builds the RE2 prefilters (a one-off check is faster without them)
        self._scanner = next((g.scanner for g in self.patterns.values() if g.scanner is not None), None)

    def _count_check(self) -> None:
        self._checks += 1
        if self._checks == 2 and self._scanner is not None:
            self._scanner.build()

    @classmethod
    def from_knowledge(cls, directory: Path | None = None, policy: Policy | None = None) -> Guard:
        """The guard for a knowledge folder: its `policy.yaml` and `guardrails.yaml` when they exist."""
        from assistant.guardrails.policy import knowledge_dir, resolve_policy

        folder = Path(directory) if directory else knowledge_dir()
        extension = folder / EXTENSION_FILE
        return cls(policy or resolve_policy(folder / "policy.yaml"),
                   extension if extension.is_file() else None)

    def check(self, draft: str, context: CheckContext | None = None) -> GuardrailReport:
        """Run every rule on a draft: the verdict, violations sorted by position, rules run and passed."""
        if self._checks < 2:
            self._count_check()
        ctx = context or CheckContext()
        policy = ctx.policy or self.policy
        doc = build_doc(draft, self.lexicon)
        if self._scanner is not None:
            self._scanner.main = doc.folded
        price = ctx.order.price if ctx.order and ctx.order.price else None
        if ctx.order and ctx.order.product:
            doc.product = ctx.order.product
        buyer: Doc | None = None
        if price is None and ctx.buyer_message:
            # The buyer's stated price first, so the offers are read once, with the price they are judged by.
            buyer = build_doc(ctx.buyer_message, self.lexicon)
            price = _buyer_price(buyer)
        built: list[Doc | None] = [buyer]
        if ctx.buyer_message:
            message, lexicon = ctx.buyer_message, self.lexicon

            def buyer_doc() -> Doc | None:
                if built[0] is None:
                    built[0] = build_doc(message, lexicon)
                return built[0]

            doc.buyer = buyer_doc  # a rate's count the draft leaves to the buyer's words (`times.py`)
        data = RuleInput(doc=doc, offers=analyse(doc, price), context=ctx, policy=policy,
                         patterns=self.patterns, price=price)
        if built[0] is not None:
            data.given_buyer(built[0])  # already built
        violations: list[Violation] = []
        passed: list[str] = []
        run: list[str] = []
        for rule_id in self.rule_ids:
            override = self.overrides.get(rule_id)
            if override is not None and override.severity == "off":
                continue
            run.append(rule_id)
            found = RULES[rule_id].func(data)
            if override is not None:
                found = [_apply(v, override) for v in found]
            if found:
                violations.extend(found)
            else:
                passed.append(rule_id)
        violations.sort(key=lambda v: (v.start, v.rule, v.end, v.message))
        return GuardrailReport(passed=not any(v.severity == "block" for v in violations), violations=violations,
                               rules_run=run, rules_passed=passed)


def _apply(v: Violation, override: RuleOverride) -> Violation:
    update: dict[str, str] = {}
    if override.severity in ("block", "warn"):
        update["severity"] = override.severity
    if override.message:
        update["message"] = override.message
    if override.fix_hint:
        update["fix_hint"] = override.fix_hint
    return v.model_copy(update=update) if update else v


def _buyer_price(buyer: Doc) -> float | None:
    """The price when the buyer states it ("I paid €60"): one amount next to a price word, or the only one."""
    amounts = [m for m in find_money(buyer) if m.kind == "amount" and m.value > 0]
    quoted = [m for m in amounts if buyer.has("price_quote", max(0, m.tok - 3), m.tok + 3)]
    return quoted[0].value if len(quoted) == 1 else None
