"""Word classes per language, and finding them in a draft.

The structural rules do not match phrases against the whole draft. They read *classes* of words (a claim
object, a closing verb, a condition, a request, a remedy...) found in each sentence, and state their rule in
terms of those classes. The words of each class live in `data/lexicon/<language>.yaml`, so adding a language,
or a word a seller's buyers use, is a data change.

An entry is a word or a phrase of words separated by spaces. A word ending in `*` matches any word that
starts with it ("refund*" matches refunds, refunded). Japanese (and any entry in a script without spaces)
matches as a substring of the text instead of as words.

Lookup is a hash lookup per token (with a per-process cache per word), then a short walk for phrases that
start with that token: linear in the draft's length, and no regular expression per phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.errors import KnowledgeError
from assistant.guardrails.paths import DATA_DIR

LEXICON_DIR = DATA_DIR / "lexicon"
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "ja")
# Scripts without spaces (and star symbols, which are words of their own): matched as substrings.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u2605\u2b50]")
_STEM_MIN = 3


def has_cjk(text: str) -> bool:
    """Whether a text holds Japanese (or Chinese) characters, which are matched without word boundaries."""
    # Every character `_CJK` matches is outside ASCII: most drafts are answered without the scan.
    return not text.isascii() and _CJK.search(text) is not None


@dataclass
class Lexicon:
    """Every language's word classes, merged: a word belongs to the union of its classes."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)
    stems: dict[str, frozenset[str]] = field(default_factory=dict)
    # first word -> second word -> [(words after the second, classes)], longest first; second words that are
    # stems ("make*") go under the key "*": two hash lookups find a phrase's candidates
    phrases: dict[str, dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]] = field(default_factory=dict)
    substrings: dict[str, frozenset[str]] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)
    stem_lengths: tuple[int, ...] = ()
    # German compounds: a word ending in one of these heads (three letters or more before it) has the head's
    # classes ("Glasdeckel" is a "Deckel"); head lengths longest first
    heads: frozenset[str] = frozenset()
    head_lengths: tuple[int, ...] = ()
    _substring_re: re.Pattern[str] | None = None
    # word -> classes, filled on first lookup; on the instance, so a rebuilt lexicon never sees stale entries
    _cache: dict[str, frozenset[str]] = field(default_factory=dict)
    # token -> classes as a draft's token gets them (entries of scripts without spaces first), same lifetime
    _token_cache: dict[str, frozenset[str]] = field(default_factory=dict)

    # phrase_pairs / phrase_star_firsts, computed when first asked (plain fields: the class also compiles)
    _pairs: frozenset[tuple[str, str]] | None = None
    _star_firsts: frozenset[str] | None = None

    @property
    def phrase_pairs(self) -> frozenset[tuple[str, str]]:
        """(first word, second word) of every phrase whose second word is not a stem: one set lookup per token."""
        found = self._pairs
        if found is None:
            found = self._pairs = frozenset((first, second) for first, tails in self.phrases.items()
                                            for second in tails if second != "*")
        return found

    @property
    def phrase_star_firsts(self) -> frozenset[str]:
        """First words of the phrases whose second word is a stem ("make*"), which the pairs cannot list."""
        found = self._star_firsts
        if found is None:
            found = self._star_firsts = frozenset(first for first, tails in self.phrases.items() if "*" in tails)
        return found

    def token_classes(self, word: str) -> frozenset[str]:
        """The classes of a draft's token: a substring entry's for a token found as one, else `classes_of`."""
        found = self.classes_of(word) if word.isascii() else self.substrings.get(word) or self.classes_of(word)
        cache = self._token_cache
        if len(cache) > 50_000:  # bounded like `_cache`
            cache.clear()
        cache[word] = found
        return found

    def classes_of(self, word: str) -> frozenset[str]:
        """The classes of one token (exact word first, then the longest stem it starts with)."""
        return _lookup(self, word)

    def pair_classes(self, first: str, second: str) -> frozenset[str]:
        """The classes of the two-word phrase "first second" ("take down"), empty when there is none."""
        for rest, classes in self.phrases.get(first, {}).get(second, ()):
            if len(rest) == 1:  # the words after the first: the second alone
                return classes
        return _EMPTY

    def substring_hits(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """Entries of scripts without spaces found in `text`: (start, end, classes), leftmost-longest."""
        if not self.substrings:
            return []
        if self._substring_re is None:
            keys = sorted(self.substrings, key=len, reverse=True)
            self._substring_re = re.compile("|".join(map(re.escape, keys)))
        return [(m.start(), m.end(), self.substrings[m.group()]) for m in self._substring_re.finditer(text)]


_EMPTY: frozenset[str] = frozenset()


_NOT_NOUNS = frozenset({"pronoun", "filler", "first_person", "you"})
_CLITIC_INFINITIVE = re.compile(r"(.{3,}[aei]r)(?:ti|te|vi|os|gli|ci|ne|le|les|lo|la|li|los|las|telo|tela|vela|glielo|"
                                r"gliela|selo|sela)$")


def _lookup(lexicon: Lexicon, word: str) -> frozenset[str]:
    cache = lexicon._cache
    found = cache.get(word)
    if found is not None:
        return found
    found = lexicon.words.get(word, _EMPTY)
    for size in lexicon.stem_lengths:  # longest stem first
        if len(word) >= size:
            stem = lexicon.stems.get(word[:size])
            if stem is not None:
                found = found | stem
                break
    if not found and len(word) > 6:
        clitic = _CLITIC_INFINITIVE.match(word)
        if clitic:
            # "mandarti", "rimborsarvi", "enviarte": an infinitive with its pronoun fused on is that infinitive
            # (Italian drops the infinitive's final "e": "mandar-ti" is "mandare")
            found = _lookup(lexicon, clitic.group(1) + "e") or _lookup(lexicon, clitic.group(1))
    if not found and lexicon.heads and word.isalpha():
        for size in lexicon.head_lengths:
            if len(word) >= size + 3 and word[-size:] in lexicon.heads:
                found = lexicon.words.get(word[-size:], _EMPTY)
                break
    if not found and word.endswith("'s") and len(word) > 3:
        # "the claim's still open", "the seller's": a noun with "'s" is that noun (not "it's", "that's": the
        # pronoun's own entries decide those)
        base = _lookup(lexicon, word[:-2])
        if not base & _NOT_NOUNS:
            found = base
    if len(cache) > 50_000:  # bounded: a stream of junk tokens must not grow memory without end
        cache.clear()
    cache[word] = found
    return found




def _fold(entry: str) -> str:
    """An entry folded exactly as drafts are (accents off, look-alikes mapped), so "Rückerstattung" matches."""
    from assistant.guardrails.normalize import NormalizedText

    star = entry.strip().endswith("*")
    folded = " ".join(NormalizedText(entry.strip().rstrip("*")).folded.replace("-", " ").split())
    return folded + ("*" if star else "")


def _add(target: dict[str, set[str]], key: str, cls: str) -> None:
    target.setdefault(key, set()).add(cls)


def _compounds(path: Path, spec: Any, numbers: dict[str, Any]) -> dict[str, float]:
    """The numbers 21-99 a language writes as one word ("fünfundfünfzig", "cinquantacinque", "veintidós").

    `spec` is the file's `number_compounds`: `form` with `{tens}` and `{ones}`, optional `tens` and `ones`
    tables (default: the file's own numbers 20-90 and 1-9) and `elide` (drop the tens' last letter before a
    vowel: "ventuno", "cinquantotto").
    """
    if spec is None:
        return {}
    if not isinstance(spec, dict) or not isinstance(spec.get("form"), str) \
            or not all(part in spec["form"] for part in ("{tens}", "{ones}")):
        raise KnowledgeError("must be a mapping with a 'form' holding {tens} and {ones}", path=str(path),
                             field="number_compounds")
    table = {_fold(str(k)): float(v) for k, v in numbers.items() if isinstance(v, int | float)}
    tens = spec.get("tens") or {w: v for w, v in table.items() if 20 <= v <= 90 and v % 10 == 0}
    ones = spec.get("ones") or {w: v for w, v in table.items() if 1 <= v <= 9}
    out: dict[str, float] = {}
    for tw, tv in tens.items():
        for ow, ov in ones.items():
            head = str(tw)[:-1] if spec.get("elide") and str(ow)[:1] in "aeiou" else str(tw)
            out[_fold(spec["form"].format(tens=head, ones=ow))] = float(tv) + float(ov)
    return out


def _hundreds(path: Path, spec: Any, below: dict[str, float]) -> dict[str, float]:
    """The hundreds a language writes as one word ("centoventi", "duecento", "hundertzwanzig", "zweihundert").

    `spec` is the file's `number_hundreds`: `word` ("cento", "hundert"), `multipliers` (the words before it for
    200-900; none for 100) and `elide` (also drop the word's last letter before a vowel: "centottanta"). Each
    hundred is followed by nothing or by any number below 100 of the file (`below`, compounds included).
    """
    if spec is None:
        return {}
    if not isinstance(spec, dict) or not isinstance(spec.get("word"), str) \
            or not isinstance(spec.get("multipliers", {}), dict):
        raise KnowledgeError("must be a mapping with 'word' and 'multipliers'", path=str(path),
                             field="number_hundreds")
    word = _fold(spec["word"])
    rest = {w: v for w, v in below.items() if 1 <= v <= 99 and w.isalpha()}
    out: dict[str, float] = {}
    for mult, m in {"": 1, **spec.get("multipliers", {})}.items():
        head = _fold(str(mult)) + word
        out[head] = 100.0 * float(m)
        for w, v in rest.items():
            out[head + w] = 100.0 * float(m) + v
            if spec.get("elide") and w[:1] in "aeiou":
                out[head[:-1] + w] = 100.0 * float(m) + v
    return out


def _noun_compounds(path: Path, spec: Any) -> list[tuple[str, str]]:
    """German nouns written as one word: every modifier before every head ("Garantie" + "Beschwerde").

    `spec` is the file's `noun_compounds`: a list of `{class, modifiers, heads}`; each modifier + head (also with
    the linking "s": "Kartenzahlungsreklamation") becomes a stem of `class` ("garantiebeschwerde*" finds
    "Garantiebeschwerden"). A writer who never uses the word "A-to-z" still writes "Ihre Garantiebeschwerde":
    the parts name the claim, so the file lists the parts, not every word they make.
    """
    if spec is None:
        return []
    if not isinstance(spec, list):
        raise KnowledgeError("must be a list of {class, modifiers, heads}", path=str(path), field="noun_compounds")
    out: list[tuple[str, str]] = []
    for i, item in enumerate(spec):
        lists_ok = isinstance(item, dict) and all(
            isinstance(item.get(k), list) and item[k] and all(isinstance(w, str) and w.strip() for w in item[k])
            for k in ("modifiers", "heads"))
        if not lists_ok or set(item) != {"class", "modifiers", "heads"} or not isinstance(item.get("class"), str):
            raise KnowledgeError("each item needs exactly 'class' (a name), 'modifiers' and 'heads' (lists of "
                                 "words)", path=str(path), field=f"noun_compounds[{i}]")
        for modifier in item["modifiers"]:
            for head in item["heads"]:
                m, h = _fold(modifier).replace(" ", ""), _fold(head).replace(" ", "")
                out += [(item["class"], f"{m}{h}*"), (item["class"], f"{m}s{h}*")]
    return out


def build_lexicon(docs: list[tuple[Path, dict[str, Any]]]) -> Lexicon:
    """Merge lexicon documents (already parsed YAML) into one `Lexicon`.

    Raises:
        KnowledgeError: a document has the wrong shape; the message names the file and the field.
    """
    words: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    phrases: dict[str, dict[tuple[str, ...], set[str]]] = {}
    substrings: dict[str, set[str]] = {}
    numbers: dict[str, float] = {}
    fractions: dict[str, float] = {}
    heads: set[str] = set()
    for path, doc in docs:
        listed = doc.get("compound_heads", [])
        if not isinstance(listed, list) or not all(isinstance(h, str) and h.strip().isalpha() for h in listed):
            raise KnowledgeError("must be a list of single words", path=str(path), field="compound_heads")
        heads.update(_fold(h) for h in listed)
        classes = doc.get("classes", {})
        if not isinstance(classes, dict):
            raise KnowledgeError("'classes' must map class names to lists of words", path=str(path),
                                 field="classes")
        prefixes = doc.get("separable_prefixes", [])
        if not isinstance(prefixes, list) or not all(isinstance(p, str) and p.strip() for p in prefixes):
            raise KnowledgeError("must be a list of prefixes", path=str(path), field="separable_prefixes")
        prefixes = sorted((_fold(p) for p in prefixes), key=len, reverse=True)
        clitics = doc.get("infinitive_clitics", [])
        if not isinstance(clitics, list) or not all(isinstance(c, str) and c.strip().isalpha() for c in clitics):
            raise KnowledgeError("must be a list of pronouns (letters only)", path=str(path),
                                 field="infinitive_clitics")
        for cls, entries in classes.items():
            if isinstance(entries, list):  # a bare number in YAML ("100") is a word too
                entries = [str(e) if isinstance(e, int | float) and not isinstance(e, bool) else e for e in entries]
            if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
                raise KnowledgeError("must be a list of non-empty words or phrases", path=str(path),
                                     field=f"classes.{cls}")
            for entry in entries:
                folded = _fold(entry)
                _add_entry(folded, str(cls), words, stems, phrases, substrings, path, cls)
                infixed = _zu_infix(folded, prefixes)
                if infixed:
                    _add_entry(infixed, str(cls), words, stems, phrases, substrings, path, cls)
                for fused in _clitic_forms(folded, clitics):
                    _add_entry(fused, str(cls), words, stems, phrases, substrings, path, cls)
                if "n't" in folded:  # typed without the apostrophe: "pls dont open", "it doesnt"
                    _add_entry(folded.replace("n't", "nt"), str(cls), words, stems, phrases, substrings, path, cls)
        for name, target in (("numbers", numbers), ("fractions", fractions)):
            table = doc.get(name, {})
            if not isinstance(table, dict) or not all(isinstance(v, int | float) for v in table.values()):
                raise KnowledgeError("must map words to numbers", path=str(path), field=name)
            target.update({_fold(str(k)): float(v) for k, v in table.items()})
        own = _compounds(path, doc.get("number_compounds"), doc.get("numbers") or {})
        numbers.update(own)
        own.update({_fold(str(k)): float(v) for k, v in (doc.get("numbers") or {}).items()})
        numbers.update(_hundreds(path, doc.get("number_hundreds"), own))
        for cls, entry in _noun_compounds(path, doc.get("noun_compounds")):
            _add_entry(entry, cls, words, stems, phrases, substrings, path, "noun_compounds")
        for word in numbers.keys() | fractions.keys():
            cls = "number" if word in numbers else "fraction"
            _add_entry(word, cls, words, stems, phrases, substrings, path, cls)  # "半額" by substring
    known = {h for h in heads if h in words}  # a head gives its own classes, so it must have some
    frozen_phrases: dict[str, dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]] = {}
    for first, tails in phrases.items():
        by_second = frozen_phrases.setdefault(first, {})
        for rest, c in sorted(tails.items(), key=lambda t: -len(t[0])):
            key = "*" if rest[0].endswith("*") else rest[0]
            by_second.setdefault(key, []).append((rest, frozenset(c)))
    return Lexicon(
        words={k: frozenset(v) for k, v in words.items()},
        stems={k: frozenset(v) for k, v in stems.items()},
        phrases=frozen_phrases,
        substrings={k: frozenset(v) for k, v in substrings.items()},
        numbers=numbers,
        fractions=fractions,
        stem_lengths=tuple(sorted({len(s) for s in stems}, reverse=True)),
        heads=frozenset(known),
        head_lengths=tuple(sorted({len(h) for h in known}, reverse=True)),
    )


def _zu_infix(entry: str, prefixes: list[str]) -> str | None:
    """'anpassen' -> 'anzupassen': a separable verb's infinitive with "zu" between its prefix and its stem.

    German writes "bitten, Ihre Rezension anzupassen" and "zurückzuziehen": each verb of a file that lists its
    `separable_prefixes` also matches in that form, so the file lists the verb once. A phrase ending in its verb
    gets "zu" before the verb ("die Sache ruhen zu lassen").
    """
    if " " in entry:
        # a phrase ending in its infinitive takes "zu" before it: "ruhen lassen" -> "ruhen zu lassen"
        head, _, verb = entry.rpartition(" ")
        if prefixes and verb.endswith("en") and len(verb) >= 4 and not head.endswith(" zu") and head != "zu":
            return f"{head} zu {verb}"
        return None
    for prefix in prefixes:  # longest first: "zuruck" before "zu"
        rest = entry[len(prefix):]
        if entry.startswith(prefix) and len(rest.rstrip("*")) >= 4 and not rest.startswith("zu"):
            return prefix + "zu" + rest
    return None


def _clitic_forms(entry: str, clitics: list[str]) -> list[str]:
    """'dejar sin efecto' -> 'dejarlo sin efecto': a phrase led by an infinitive, with a pronoun fused on.

    Spanish and Italian fuse the object pronoun onto the infinitive ("¿le importaría dejarlo sin efecto?",
    "potrebbe lasciarla cadere"); one token's lookup undoes that (`_CLITIC_INFINITIVE`), but a phrase is matched
    word by word, so each phrase of a file that lists its `infinitive_clitics` also gets its fused forms.
    Italian drops the infinitive's final "e" ("lasciare" -> "lasciarla"). Phrases only: single words are
    the lookup's.
    """
    first, _, rest = entry.partition(" ")
    if not rest or first.endswith("*"):
        return []
    if first.endswith(("are", "ere", "ire")):
        first = first[:-1]
    elif not first.endswith(("ar", "er", "ir")):
        return []
    return [f"{first}{c} {rest}" for c in clitics]


def _add_entry(entry: str, cls: str, words: dict[str, set[str]], stems: dict[str, set[str]],
               phrases: dict[str, dict[tuple[str, ...], set[str]]], substrings: dict[str, set[str]],
               path: Path, field_name: object) -> None:
    if has_cjk(entry):
        _add(substrings, entry, cls)
        return
    parts = entry.split()
    if len(parts) == 1:
        word = parts[0]
        if word.endswith("*"):
            stem = word[:-1]
            if len(stem) < _STEM_MIN:
                raise KnowledgeError(f"stem {word!r} is too short (at least {_STEM_MIN} letters before *)",
                                     path=str(path), field=f"classes.{field_name}")
            _add(stems, stem, cls)
        else:
            _add(words, word, cls)
        return
    if parts[0].endswith("*"):
        raise KnowledgeError(f"{entry!r}: the first word of a phrase cannot end in *", path=str(path),
                             field=f"classes.{field_name}")
    phrases.setdefault(parts[0], {}).setdefault(tuple(parts[1:]), set()).add(cls)


def word_matches(pattern: str, word: str) -> bool:
    """Whether one word of a phrase entry matches a token (`*` at the end is a stem)."""
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML mapping from a file, with errors that name the file."""
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError as exc:
        raise KnowledgeError("file is not valid UTF-8; save it as UTF-8", path=str(path)) from exc
    except OSError as exc:
        raise KnowledgeError(f"cannot read file ({exc.strerror})", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"invalid YAML: {exc}", path=str(path)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected a mapping, got {type(data).__name__}", path=str(path))
    return data


@lru_cache(maxsize=1)
def default_lexicon_docs() -> tuple[tuple[Path, dict[str, Any]], ...]:
    """The shipped lexicon files, parsed once."""
    return tuple((LEXICON_DIR / f"{lang}.yaml", read_yaml(LEXICON_DIR / f"{lang}.yaml")) for lang in LANGUAGES)
