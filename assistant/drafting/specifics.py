"""The specifics a buyer named that a reply should name back: the part, the courier, the person affected.

A restated clause (`echo.py`) carries the buyer's words when one fits the guardrails, but a long or rambling
message often has its specific in a clause that cannot be restated (it names a remedy, an amount, a question
to the seller). This module reads the specifics from vocabularies (`assistant/data/specifics/<language>.yaml`:
parts and components, couriers, relatives and neighbours) and the composer names them in a sentence of the
reply language (`specifics` in the composer file) when the reply does not name them already.

Only words from the vocabulary are named, never free text from the message, so a sentence built here is safe
even for a message that tries to steer the reply.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.drafting.base import DraftRequest
from assistant.drafting.echo import alternation, load_echo_vocab
from assistant.drafting.phrases import Phrases
from assistant.errors import KnowledgeError

SPECIFICS_DIR = Path(__file__).resolve().parent.parent / "data" / "specifics"
MAX_PARTS = 2
_SENTENCE = re.compile(r"[^.!?。！？\n]+")
# Where a courier's name is the heart of the case: the reply says it takes the matter up with that courier.
COURIER_SCENARIOS = frozenset({"shipping_delay", "lost_package", "delivery_problem", "address_change",
                               "order_cancellation"})
# Where a part of the product is not the subject (the parcel, the money, the address are).
NO_PART_SCENARIOS = frozenset({"shipping_delay", "lost_package", "delivery_problem", "address_change",
                               "order_cancellation", "shipping_cost_dispute"})


@dataclass(frozen=True)
class SpecificsVocab:
    """One language's vocabularies; a `people` entry maps a pattern to how the reply names the person."""

    parts: re.Pattern[str]
    couriers: re.Pattern[str]
    people: tuple[tuple[re.Pattern[str], str], ...] = ()


@dataclass
class Specifics:
    """What the buyer named: parts (at most two, the ones beside a fault first), a courier, a person."""

    parts: list[str] = field(default_factory=list)
    courier: str | None = None
    person: str | None = None


def _pattern(values: object, path: Path, key: str) -> re.Pattern[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise KnowledgeError("must be a list of patterns", path=str(path), field=key)
    return alternation(values, path, key)


@functools.cache
def load_specifics_vocab(language: str, directory: Path = SPECIFICS_DIR) -> SpecificsVocab | None:
    """The vocabulary of a language, or None when it has no file; errors name the file and the key."""
    path = Path(directory) / f"{language}.yaml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    people = []
    for number, pair in enumerate(data.get("people") or []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)):
            raise KnowledgeError("each entry must be [pattern, name]", path=str(path), field=f"people.{number}")
        people.append((_pattern([pair[0]], path, f"people.{number}"), pair[1]))
    return SpecificsVocab(parts=_pattern(data.get("parts") or [], path, "parts"),
                          couriers=_pattern(data.get("couriers") or [], path, "couriers"), people=tuple(people))


def find_specifics(message: str, language: str, problem: re.Pattern[str] | None = None,
                   focus: tuple[re.Pattern[str], ...] = ()) -> Specifics:
    """The specifics of a message in its reply language; the same message always gives the same answer.

    Parts named in a sentence with a fault cue (`problem`) come first: "the coating is peeling" names the
    coating as the fault, "I only used the tongs" names the tongs in passing.
    """
    vocab = load_specifics_vocab(language)
    found = Specifics()
    if vocab is None:
        return found
    ranked: list[tuple[int, int, int, str]] = []
    for number, sentence in enumerate(_SENTENCE.findall(message)):
        # the scenario's own cue first ("NO CHARGER" in a missing-items case), then any fault cue
        fault = 0 if any(f.search(sentence) for f in focus) else (
            1 if problem is not None and problem.search(sentence) else 2)
        ranked += [(fault, number, m.start(), m.group(0).strip()) for m in vocab.parts.finditer(sentence)]
    seen: set[str] = set()
    for *_, part in sorted(ranked):
        key = _singular(part.casefold())  # "batteries" and "battery" are one part
        if key not in seen and len(found.parts) < MAX_PARTS:
            seen.add(key)
            # "NO CHARGER" shouted is "charger"; a short acronym ("USB") keeps its capitals
            shouted = part.isupper() and len(part) > 4
            found.parts.append(part.casefold() if part[1:].islower() or len(part) < 2 or shouted else part)
    courier = vocab.couriers.search(message)
    found.courier = courier.group(0).strip() if courier else None
    # A person counts where the sentence tells of a fault ("he was rude to my mother"), not in passing ("my
    # wife loved it too").
    told = [s for s in _SENTENCE.findall(message) if problem is None or problem.search(s)]
    found.person = next((name_of(m, name) for sentence in told for p, name in vocab.people
                         if (m := p.search(sentence)) and not _WITNESS.match(sentence, m.end())
                         and not _ACCOUNT_HOLDER.match(sentence, m.end())), None)
    return found


# A person who only saw or said something ("my neighbour saw the van drive off") is a witness, not someone the
# trouble befell: no apology to them.
_WITNESS = re.compile(r"\s+(?:also\s+|even\s+)?(?:saw|sees|noticed|heard|watched|spotted|says|said|told|confirmed|"
                      r"can confirm|checked|looked|hat gesehen|sah|a vu|vio|ha visto|ha detto)\b", re.IGNORECASE)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# A person who only owns the account or card the order is on ("it's on my husband's account") had no trouble.
_ACCOUNT_HOLDER = re.compile(r"['’]s\s+(?:amazon\s+|prime\s+|business\s+)?(?:account|card|credit card|debit card|"
                             r"login|e-?mail|phone|profile|name)\b", re.IGNORECASE)


def issue_in_passing(message: str, language: str, *, good_news: bool = False) -> bool:
    """Whether a message (a thank-you note) tells of a fault of a named part in one of its sentences.

    "The little brush wasn't in the box" is one; "the lid fits perfectly, nothing wrong" is not (good news),
    unless `good_news` lets such sentences count (a message that asks for a part: "ne ferme pas bien").
    """
    vocab, echo = load_specifics_vocab(language), load_echo_vocab(language)
    if vocab is None or echo is None:
        return False
    return any(vocab.parts.search(s) and echo.problem.search(s) and (good_news or not echo.positive.search(s))
               for s in _SENTENCE.findall(message))


def name_of(match: re.Match[str], name: str) -> str:
    """How the reply names the person: the entry's own name, or the buyer's word (group `v`) when it has none."""
    return name or (match.group("v") if "v" in match.re.groupindex and match.group("v") else match.group(0))


def specifics_sentence(phrases: Phrases, request: DraftRequest, said: str, *, apologising: bool,
                       asking: bool, noting: bool = False) -> str:
    """The sentence that names what the buyer named and the reply does not name yet; empty when there is none.

    `said` is the text the reply already has (its restatement, its choices); `apologising` whether it
    apologises (a person affected is named in an apology, never in a plain answer); `asking` whether the buyer
    asked a question (its subject is named, not a problem); `noting` whether the message is a thank-you note
    (a part is named as something noted, not as the subject of a complaint).
    """
    templates = phrases.specifics
    if not templates:
        return ""
    echo = load_echo_vocab(phrases.language)
    focus = tuple(p for name, p in echo.focus if name == request.scenario) if echo else ()
    found = find_specifics(request.message, phrases.language, echo.problem if echo else None, focus)
    text = said.casefold()
    sentences = []
    # a part asked for by a name the vocabulary does not list ("il pistone nuovo"): named as the buyer wrote it
    named = [request.facts.named_part] if request.facts.named_part and not found.parts else []
    parts = [p for p in found.parts + named if p.casefold() not in text]
    if parts and request.scenario not in NO_PART_SCENARIOS:
        joined = templates.get("parts_join", ", ").join(parts)
        key = "parts_question" if asking else "parts_noted" if noting else "parts"
        key = key if key in templates else "parts"
        sentences.append(templates[key].format(parts=joined))
    courier = found.courier or (request.order.carrier if request.order and request.order.carrier else None)
    delivery = request.scenario in COURIER_SCENARIOS or request.facts.arrival == "never_arrived"
    if courier and delivery and courier.casefold() not in text and "courier" in templates:
        sentences.append(templates["courier"].format(courier=courier))
    if found.person and apologising and found.person.casefold() not in text and "person" in templates:
        sentences.append(templates["person"].format(person=found.person))
    return phrases.sentence_join.join(sentences)
