"""Lexical cues for triage: loading the cue files, and which cue matches count as evidence.

The cue files (`assistant/data/triage_cues.yaml` and one file per language in `assistant/data/triage_cues/`)
hold weighted patterns per scenario, plain patterns per risk flag, and `neutral` patterns: sentences that
only give background (photos attached, "the address on my order is correct"), whose cue words say nothing
about what the buyer wants done. A match is no evidence when it is negated ("please don't cancel", "the box
wasn't damaged"), hypothetical or a past attempt ("I'd have cancelled", "I asked to cancel"), or inside a
neutral sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.errors import KnowledgeError
from assistant.models import SCENARIO_IDS
from assistant.prefilter import ALL, Hits
from assistant.triage_model import plain

CUES_PATH = Path(__file__).parent / "data" / "triage_cues.yaml"
# One more cue file per language (`de.yaml`, `ja.yaml` ...), merged with the main file.
CUES_DIR = Path(__file__).parent / "data" / "triage_cues"
Weighted = tuple[tuple[re.Pattern[str], float], ...]


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns: weighted per scenario, plain per flag, and the neutral-sentence patterns."""

    scenarios: dict[str, Weighted]
    flags: dict[str, tuple[re.Pattern[str], ...]]
    neutral: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def load(cls, path: Path = CUES_PATH, language_dir: Path | None = CUES_DIR) -> Cues:
        """Load and compile the cue files; a bad pattern or scenario id names the file and entry.

        The main file comes first, then each language's file in `language_dir`; patterns add up per scenario.
        """
        scenarios: dict[str, list[tuple[re.Pattern[str], float]]] = {}
        flags: dict[str, list[re.Pattern[str]]] = {}
        neutral: list[re.Pattern[str]] = []
        for file in cue_files(path, language_dir):
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            for scenario, entries in (data.get("scenarios") or {}).items():
                if scenario not in SCENARIO_IDS:
                    raise KnowledgeError(f"unknown scenario id {scenario!r}", path=str(file), field="scenarios")
                scenarios.setdefault(scenario, []).extend(
                    (compile_cue(pattern, file, f"scenarios.{scenario}"), float(weight)) for pattern, weight in entries
                )
            for flag, patterns in (data.get("flags") or {}).items():
                flags.setdefault(flag, []).extend(compile_cue(p, file, f"flags.{flag}") for p in patterns)
            neutral.extend(compile_cue(p, file, "neutral") for p in data.get("neutral") or [])
        return cls({s: tuple(p) for s, p in scenarios.items()}, {f: tuple(p) for f, p in flags.items()},
                   tuple(neutral))


def cue_files(path: Path = CUES_PATH, language_dir: Path | None = CUES_DIR) -> list[Path]:
    """The main cue file and the per-language ones, in a stable order."""
    extra = sorted(language_dir.glob("*.yaml")) if language_dir is not None and language_dir.is_dir() else []
    return [path, *extra]


def compile_cue(pattern: str, path: Path, field: str) -> re.Pattern[str]:
    """One cue pattern, compiled to match the plain (accent-free, case-folded) message.

    Patterns lose their accents too: "recib(?:í|i)" and "recibi" then both match "recibí" and "recibi". They
    are lower-cased instead of compiled with IGNORECASE, which makes matching ~40% faster.
    """
    try:
        return re.compile(_lower_literals(plain(pattern)), re.MULTILINE)
    except re.error as exc:
        raise KnowledgeError(f"invalid pattern {pattern!r}: {exc}", path=str(path), field=field) from exc


_PATTERN_TOKEN = re.compile(r"\\.|.", re.DOTALL)


def _lower_literals(pattern: str) -> str:
    r"""The pattern with its letters case-folded, escapes (\b, \D, \S ...) left as they are."""
    return "".join(t if t.startswith("\\") else t.casefold() for t in _PATTERN_TOKEN.findall(pattern))


_CJK_CHAR = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF66-\uFF9F]")
_LATIN_CHAR = re.compile(r"[a-z]")
_ESCAPE = re.compile(r"\\.|\{\d*,?\d*\}|\(\?[:=!<P]+")  # escapes, repeat counts, group syntax
CueSet = tuple[dict[str, Weighted], dict[str, tuple[re.Pattern[str], ...]], tuple[re.Pattern[str], ...]]


def script(text: str) -> str:
    """Which scripts a folded message has letters of: `cjk`, `latin` or `both`."""
    cjk, latin = bool(_CJK_CHAR.search(text)), bool(_LATIN_CHAR.search(text))
    return "both" if cjk == latin else "cjk" if cjk else "latin"


def _needs(pattern: re.Pattern[str]) -> str:
    """The script a pattern cannot match without: `cjk`, `latin` or `any`.

    `cjk`: its literals are Japanese only; `latin`: Latin letters only; `any`: digits or a mix, which may
    match either.
    """
    literal = _ESCAPE.sub("", pattern.pattern)
    if _CJK_CHAR.search(literal):
        return "any" if re.search(r"[a-z0-9]", literal, re.IGNORECASE) else "cjk"
    return "latin" if re.search(r"[a-z]", literal, re.IGNORECASE) and not re.search(r"[0-9]", literal) else "any"


def for_script(cues: Cues, which: str) -> CueSet:
    """The cues that can match a message in script `which` (`cjk`, `latin` or `both`).

    Matching ~600 patterns is most of triage's time, and a German message cannot match a pattern made of
    Japanese words (nor the other way round).
    """
    skip = {"cjk": "latin", "latin": "cjk"}.get(which)

    def keep(pattern: re.Pattern[str]) -> bool:
        return _needs(pattern) != skip

    scenarios = {s: tuple((p, w) for p, w in entries if keep(p)) for s, entries in cues.scenarios.items()}
    flags = {f: tuple(p for p in patterns if keep(p)) for f, patterns in cues.flags.items()}
    return scenarios, flags, tuple(p for p in cues.neutral if keep(p))


# A cue right after a negation says what the buyer does not want or what did not happen ("please don't
# cancel", "nothing got lost", "the box wasn't damaged", "I don't want to send it back"): it is no evidence
# for that scenario. Only a word or two may sit between the negation and the cue, so "not received, please
# cancel" still counts the cancel. A condition ("I'll leave if you don't send the missing screws") is a
# demand, not a negation.
_NEGATED = re.compile(
    r"(?<!if you )(?<!if they )(?<!unless you )"
    r"(?:\b(?:not|don'?t|dont|do not|never|no need to|without|(?:is|was|were|are|did|does|has|have|had)n'?t|"
    r"nicht|nichts|kein|keine|keinen|pas|jamais|sans|non|nessun\w*|senza|"
    r"(?:prefiero|preferimos|quiero|queremos) no|no (?:lo|la|los|las|le|les|me|nos|se))\b|\bn')"
    r"(?:\s+(?:please|to|be|get|want|need|wish|even|really|actually|been|a|an|bitte|zu|me|mi|le|la|it|him|her|"
    r"e|est|un|une|una|uno|veux|voulons|voglio|vogliamo|quiero|queremos)\b){0,2}"
    r"\s*$")
# A cue after a conditional or a past attempt is background to the request: "I'd have cancelled but it had
# shipped", "I asked to cancel within the hour" (and the complaint is the postage kept back), "I was going
# to return it". Up to two words may sit in between, never a sentence or clause boundary.
_HYPOTHETICAL = re.compile(
    r"\b(?:would have|would've|'d have|could have|was going to|were going to|was about to|thought about|"
    r"thought of|considered|asked (?:you |them |amazon |the seller )?to|tried to|wanted to|"
    r"aurais|aurait|voulais|habria|hubiera|queria|avrei|avremmo|volevo|hatte|wollte|wollten)"
    r"(?:\s+[^\s.!?,;:]+){0,2}\s+$")
# "I wanted to thank you", "je voulais savoir", "volevo chiedere": a past "wanted" before thanking or asking is
# the polite present, not a plan given up.
_POLITE = re.compile(
    r"(?:say thank|thank|ask|know|find out|remercier|savoir|demander|agradecer|saber|preguntar|ringraziar\w*|"
    r"sapere|chiedere|danken|bedanken|fragen|wissen)\b")
# German puts the negation after the verb ("zurückschicken möchte ich es nicht") and Japanese after the
# noun or verb ("返品はしたくない", "キャンセルしないでください", "使い方の問題ではない").
_NEGATED_AFTER = re.compile(
    r"\S*\s+(?:mochte|mochten|will|wollen|werde|brauche|muss|kann)\s+(?:ich|wir)(?:\s+\w+){0,3}\s+nicht\b|"
    r"[^。！？\s]{0,5}(?:ではな|ではあり|じゃな|はしたくな|したくな|しないで|はしないで)")
# Sentences that only tell the seller what comes with the message ("photos attached", "video enclosed")
# describe evidence, not the problem: a short one is background as a whole, and in a longer one the photo
# itself ("I've attached a photo of the display showing 37") is no sign of a listing mismatch.
_SENTENCE = re.compile(r"[^.!?\n。！？]+[.!?\n。！？]*")
_ATTACHMENT = re.compile(
    r"\b(?:attached|enclosed|attaching|i(?:'ve| have)? (?:attached|added|included)|beigef(?:u|ü)gt|im anhang|"
    r"anbei|angeh(?:a|ä|ae)ngt|beigelegt|ci-joint|en pi(?:e|è)ce jointe|je (?:vous )?joins|adjunt[oa]s?|adjunto|"
    r"allegat[oeia]|in allegato|allego)\b|添付")
_EVIDENCE = re.compile(r"(?:photo|picture|pic|image|video|screenshot|foto|bild|immagin|imagen|写真|画像|動画)")
SHORT_SENTENCE = 90  # characters: a neutral sentence longer than this may also state the problem
Span = tuple[int, int, bool]  # start, end, and whether every cue in it is background (else only photo words)


def background_spans(text: str, neutral: tuple[re.Pattern[str], ...] = (), hits: Hits = ALL) -> list[Span]:
    """Spans of background sentences: attachment notes and the cue files' neutral sentences.

    `hits`: the patterns that may match `text` (`assistant.prefilter`); the others cannot match a sentence of it.
    """
    neutral = tuple(hits.select(neutral))
    spans: list[Span] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        short = len(sentence) <= SHORT_SENTENCE
        if _ATTACHMENT.search(sentence):
            spans.append((m.start(), m.end(), short))
        elif short and any(p.search(sentence) for p in neutral):
            spans.append((m.start(), m.end(), True))
    return spans


def counts(match: re.Match[str], text: str, background: list[Span]) -> bool:
    """Whether a cue match is evidence: not negated, not hypothetical, not in a background sentence."""
    start = match.start()
    if _NEGATED.search(text, max(0, start - 24), start):
        return False
    if _HYPOTHETICAL.search(text, max(0, start - 48), start) and not _POLITE.match(text, start):
        return False
    if _NEGATED_AFTER.match(text, match.end()):
        return False
    inside = (whole for a, b, whole in background if a <= start < b)
    return not any(whole or _EVIDENCE.match(text, start) for whole in inside)


def points(patterns: Weighted, text: str, background: list[Span] | None = None, hits: Hits = ALL) -> float:
    """Sum of the weights of the matching patterns, each stretch of text counted once per scenario.

    Every language file applies to every message, so two files naming the same word ("dhl" as a carrier
    in four languages) must not add up to four times its weight. A pattern counts at its first match that
    is evidence (`counts`). Patterns not in `hits` (`assistant.prefilter`) cannot match and are not run.
    """
    if background is None:
        background = background_spans(text)
    seen: set[tuple[int, int]] = set()
    total = 0.0
    ids = hits.ids
    for pattern, weight in patterns:
        if ids is not None and id(pattern) not in ids:
            continue
        match = first_evidence(pattern, text, background)
        if match and match.span() not in seen:
            seen.add(match.span())
            total += weight
    return total


def first_evidence(pattern: re.Pattern[str], text: str, background: list[Span]) -> re.Match[str] | None:
    """The pattern's first match that counts as evidence, if any."""
    match = pattern.search(text)
    while match is not None and not counts(match, text, background):
        match = pattern.search(text, match.end() if match.end() > match.start() else match.end() + 1)
    return match
