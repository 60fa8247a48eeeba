"""How a reply looks in its language and marketplace: amounts, dates and the sign-off.

Amounts and dates are formatted by Babel from the Unicode CLDR data, the same tables operating systems and
browsers use, so "12,00 €" on amazon.de, "€12.00" on amazon.ie, "￥5,000" on amazon.co.jp and "12.03.2027"
are right without a hand-kept table of separators, symbol positions and currency decimals (yen has none).

The locale is the marketplace's when the reply is in the marketplace's language (de_AT on amazon.at), else
the reply language's own (a German reply on amazon.co.uk is formatted de_DE, in the order's currency).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_currency

from assistant.languages import DEFAULT_LANGUAGE, marketplace_info, registry
from assistant.models import OrderFacts, Policy


@dataclass(frozen=True)
class ReplyLocale:
    """The reply language with the locale and currency its amounts and dates follow."""

    language: str
    locale: str
    currency: str

    def money(self, amount: float) -> str:
        """An amount in this locale's format: `12,00 €`, `$12.00`, `￥1,500`."""
        return format_currency(amount, self.currency, locale=self.locale)

    def date(self, day: dt.date) -> str:
        """A date in this locale's medium format: `12.03.2027`, `Mar 12, 2027`, `2027/03/12`."""
        return format_date(day, format="medium", locale=self.locale)


def reply_locale(language: str, order: OrderFacts | None, policy: Policy) -> ReplyLocale:
    """The locale and currency of a reply in `language` for this order."""
    reg = registry()
    lang = reg.languages.get(language) or reg.languages[DEFAULT_LANGUAGE]
    market = marketplace_info(order.marketplace if order else None)
    locale = market.locale if market and market.language == lang.code else lang.locale
    currency = (order.currency if order and order.currency else None) or (market.currency if market else None)
    return ReplyLocale(lang.code, locale, currency or policy.default_currency)


def signature(policy: Policy, language: str) -> str:
    """The sign-off for a reply language: the seller's own from policy.yaml, else the language's default.

    English uses the policy's `signature`; other languages use `signatures.<lang>` when the seller wrote one,
    else the template in `assistant/data/languages.yaml` with the store name.
    """
    own = policy.signatures.get(language)
    if own:
        return own
    if language == DEFAULT_LANGUAGE:
        return policy.signature
    lang = registry().languages.get(language)
    return lang.signature.format(store_name=policy.store_name) if lang else policy.signature


def prompt_language(language: str) -> str:
    """How the draft prompt names the reply language and its register."""
    lang = registry().languages.get(language) or registry().languages[DEFAULT_LANGUAGE]
    return lang.prompt


# Words English speakers split on ("parcel" in Britain, "package" in America): the reply uses the buyer's own.
_PARCEL = re.compile(r"\b([Pp])arcel(s?)\b")
_SAYS_PACKAGE = re.compile(r"\bpackages?\b", re.IGNORECASE)
_SAYS_PARCEL = re.compile(r"\bparcels?\b", re.IGNORECASE)


def buyer_words(text: str, language: str, message: str) -> str:
    """The reply with the buyer's word for the parcel: "package" to a buyer who says only "package"."""
    if language != "en" or not _SAYS_PACKAGE.search(message) or _SAYS_PARCEL.search(message):
        return text
    return _PARCEL.sub(lambda m: ("P" if m.group(1) == "P" else "p") + "ackage" + m.group(2), text)
