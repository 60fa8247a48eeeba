"""Supported reply languages, the Amazon marketplaces, and which language a reply is written in.

The reply language is the buyer's language by default; the order's marketplace breaks ties (a message too
short or too mixed to tell, or in a language the assistant does not write); the agent can override both.
Everything here is read from `assistant/data/languages.yaml`, so adding a language is adding data.

Importable for every entry point (CLI, pipeline, app): `SUPPORTED`, `supported_languages()`,
`display_name()`, `marketplace_info()`, `parse_language()` and `resolve_reply_language()`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from assistant.errors import InputError, KnowledgeError

LANGUAGES_PATH = Path(__file__).parent / "data" / "languages.yaml"
DEFAULT_LANGUAGE = "en"
# Below this detection confidence the marketplace's language wins over the detected one. At 0.6 the detected
# language is clearly more likely than all others together; a higher bar sent Spanish and Italian buyers on
# amazon.com and amazon.co.uk ("ya puse reclamo en amazon a-z", detected at 0.75) English replies.
CONFIDENT = 0.6

Source = Literal["override", "buyer", "marketplace", "default"]


@dataclass(frozen=True)
class Language:
    """One supported language: ISO 639-1 code, English name, own name, locale for amounts and dates."""

    code: str
    name: str
    native: str
    locale: str
    signature: str = "{store_name}"
    prompt: str = ""

    @property
    def label(self) -> str:
        """What a selector shows, e.g. `Deutsch (German)` or `English`."""
        return self.name if self.native == self.name else f"{self.native} ({self.name})"


@dataclass(frozen=True)
class Marketplace:
    """An Amazon marketplace: its host, buyers' language, locale and currency."""

    host: str
    language: str
    locale: str
    currency: str


@dataclass(frozen=True)
class Registry:
    """The contents of `languages.yaml`, validated."""

    languages: dict[str, Language]
    marketplaces: dict[str, Marketplace]
    detect_also: tuple[str, ...]
    words: dict[str, frozenset[str]]


@functools.cache
def registry(path: Path = LANGUAGES_PATH) -> Registry:
    """Load and validate the language file once; errors name the file and the entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        languages = {code: Language(code, e["name"], e["native"], e["locale"], e.get("signature", "{store_name}"),
                                    e.get("prompt", e["name"]))
                     for code, e in (data.get("languages") or {}).items()}
        marketplaces = {host: Marketplace(host, e["language"], e["locale"], e["currency"])
                        for host, e in (data.get("marketplaces") or {}).items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise KnowledgeError(f"invalid language file: {exc!r}", path=str(path)) from exc
    if DEFAULT_LANGUAGE not in languages:
        raise KnowledgeError(f"the default language {DEFAULT_LANGUAGE!r} must be listed", path=str(path),
                             field="languages")
    for host, market in marketplaces.items():
        if market.language not in languages:
            raise KnowledgeError(f"marketplace {host} names unsupported language {market.language!r}",
                                 path=str(path), field=f"marketplaces.{host}.language")
    lists = {code: frozenset(str(text).casefold().split()) for code, text in (data.get("words") or {}).items()}
    # A word in two lists is evidence for neither.
    shared = {w for code, ws in lists.items() for w in ws if any(w in o for c, o in lists.items() if c != code)}
    words = {code: ws - shared for code, ws in lists.items()}
    return Registry(languages, marketplaces, tuple(data.get("detect_also") or ()), words)


def supported_languages() -> tuple[Language, ...]:
    """Every supported language, in file order (English first)."""
    return tuple(registry().languages.values())


SUPPORTED: tuple[str, ...] = tuple(registry().languages)


def display_name(code: str) -> str:
    """A human name for a language code: `Deutsch (German)`, or the code itself when unknown."""
    language = registry().languages.get(code)
    if language:
        return language.label
    return {"und": "undetermined", "pt": "Portuguese", "nl": "Dutch", "zh": "Chinese"}.get(code, code)


def _host(marketplace: str) -> str:
    host = marketplace.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
    host = host.split("/", 1)[0]
    return host if host.startswith("amazon.") else f"amazon.{host}" if host else ""


def marketplace_info(marketplace: str | None) -> Marketplace | None:
    """The marketplace for `amazon.de`, `www.amazon.de`, `https://amazon.de/` or `de`; None when unknown."""
    if not marketplace:
        return None
    markets = registry().marketplaces
    host = _host(marketplace)
    return markets.get(host) or markets.get(host.replace("amazon.", "amazon.co.", 1))


def parse_language(value: object, field: str = "reply_language") -> str | None:
    """A supported language code from a code, locale or name (`de`, `de-DE`, `German`, `Deutsch`).

    Empty, None and `auto` mean "no override". Anything else unknown is an InputError listing the choices.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{field} must be a language code such as 'de', got {type(value).__name__}", field=field)
    wanted = value.strip().casefold()
    if wanted in ("", "auto"):
        return None
    for language in supported_languages():
        names = {language.code, language.name.casefold(), language.native.casefold()}
        if wanted in names or wanted.replace("_", "-").split("-")[0] == language.code:
            return language.code
    raise InputError(f"{field}: unsupported language {value!r}; use one of {', '.join(SUPPORTED)} "
                     "(or leave it out to reply in the buyer's language)", field=field)


@dataclass(frozen=True)
class ReplyLanguage:
    """The language a reply is written in and why (shown to the agent)."""

    code: str
    source: Source
    reason: str


def resolve_reply_language(detected: str, *, confidence: float = 1.0, marketplace: str | None = None,
                           override: str | None = None) -> ReplyLanguage:
    """Which language to reply in.

    1. The agent's override, when given (validated by `parse_language`).
    2. The buyer's language, when it is supported and the detection is confident.
    3. The marketplace's language, when the order names a known marketplace.
    4. The buyer's language when supported (even if unsure), else English.
    """
    chosen = parse_language(override)
    if chosen:
        return ReplyLanguage(chosen, "override", f"{display_name(chosen)}, chosen by the agent")
    supported = detected in registry().languages
    if supported and confidence >= CONFIDENT:
        return ReplyLanguage(detected, "buyer", f"{display_name(detected)}, the buyer's language")
    market = marketplace_info(marketplace)
    if market:
        why = "undetermined" if detected == "und" else f"{display_name(detected)}, unsure" if supported \
            else f"{display_name(detected)}, not supported"
        return ReplyLanguage(market.language, "marketplace",
                             f"{display_name(market.language)}, the language of {market.host} "
                             f"(buyer's language: {why})")
    if supported:
        return ReplyLanguage(detected, "buyer", f"{display_name(detected)}, the buyer's language (unsure)")
    return ReplyLanguage(DEFAULT_LANGUAGE, "default",
                         f"{display_name(DEFAULT_LANGUAGE)}, the default (buyer's language: {display_name(detected)})")
