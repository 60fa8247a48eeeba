"""The hand-written constructors of the per-draft dataclasses (`text.Doc`, `offers.Offers`) keep the dataclass's.

They replace the generated `__init__` for speed when compiled (see the comments at each); the fields, their order,
their defaults (a new container per object) and the dataclass's equality must stay as the generated one had them.
"""

from __future__ import annotations

import dataclasses

from assistant.guardrails import Guard
from assistant.guardrails.normalize import NormalizedText
from assistant.guardrails.offers import Offers, analyse
from assistant.guardrails.text import Doc, build_doc


def test_the_constructors_take_every_field_by_name_and_in_order() -> None:
    # (compiled, the signature is not introspectable, and arguments are type-checked: pass a distinct value of
    # each field's type and read it back)
    doc = Doc(NormalizedText("x"), Guard().lexicon)
    made_of = {"text": NormalizedText("y"), "lexicon": Guard().lexicon, "index": {}, "_firsts": {}, "doc": doc,
               "money": {}, "by_sentence": {}, "_remedies": set()}
    for cls in (Doc, Offers):
        names = [f.name for f in dataclasses.fields(cls) if f.init]
        values = [made_of.get(n, []) for n in names]  # a new list for each list field (None by default or not)
        for made in (cls(**dict(zip(names, values, strict=True))), cls(*values)):
            assert all(getattr(made, n) is v for n, v in zip(names, values, strict=True)), cls


def test_left_out_containers_are_new_and_empty() -> None:
    lexicon = Guard().lexicon
    text = NormalizedText("We can refund you.")
    a, b = Doc(text=text, lexicon=lexicon), Doc(text, lexicon)
    assert a == b
    for name in ("words", "starts", "ends", "classes", "index", "sentences", "_firsts"):
        assert getattr(a, name) == type(getattr(a, name))() and getattr(a, name) is not getattr(b, name)
    assert (a._sentence_starts, a._money, a._clause_breaks, a._quoted_spans) == (None, None, None, None)
    a.words.append("we")
    assert b.words == [] and a != b
    given = Doc(text, lexicon, words=["we"])
    assert given.words == ["we"] and given == a
    offers, other = Offers(a), Offers(doc=a)
    assert offers == other and offers.mentions is not other.mentions and offers.money is not other.money
    assert (offers.mentions, offers.money, offers.all_money, offers.by_sentence) == ([], {}, [], {})
    assert offers._remedies is None


def test_a_built_doc_and_its_offers_read_as_before() -> None:
    doc = build_doc("Sorry! 1. We refund you $20 today.\n2. Or we send a new one.", Guard().lexicon)
    assert doc.words[:3] == ["sorry", "1", "we"] and len(doc.sentences) >= 2
    offers = analyse(doc)
    assert offers.doc is doc and offers.remedies
