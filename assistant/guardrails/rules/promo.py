"""Marketing said in words rather than in a fixed promo phrase, in any supported language.

The phrase patterns of `data/patterns.yaml` catch fixed forms ("promo code", "flash sale"); agents write "have a
look at our new summer collection" or "当店の全テントが20%オフのセール中です" in words no list foresees. Both say
two things the word classes can read in every language:
- `invite_look` (check out, take a look, schauen Sie, découvrez, ご覧ください) together with `catalog` (the
  seller's collection, range, store, other products) in one sentence: an invitation to shop, never an
  explanation;
- `sale_word` (a sale, deal or "% off" event) together with `catalog` in one sentence that offers no remedy for
  this order: the seller's sale announced, allowed only when the buyer asked about a promotion.
A `catalog_noun` (range, collection, store) with the seller's own `our` up to three words before it counts as
`catalog` too: "our new winter range", "unsere komplette Herbstkollektion" (no list holds every season).
"""

from __future__ import annotations

from assistant.guardrails.registry import RuleInput
from assistant.guardrails.text import Doc


def promo_sentences(data: RuleInput, asked: bool) -> list[tuple[int, int]]:
    """Token spans (from the first to the last marker) of sentences that invite to shop or announce a sale.

    `asked`: the buyer asked about a promotion. The draft saying so ("you asked about the sale") counts only in
    the sentence or the two before it: a "Great question!" about how to use the item does not make a P.S.
    announcing new products an answer.
    """
    doc = data.doc
    if not (doc.spans("catalog") or ((doc.spans("catalog_noun") or doc.spans("r_new")) and doc.spans("our"))):
        return []
    remedy_sentences = data.offers.by_sentence
    out = []
    for si, s in enumerate(doc.sentences):
        lo, hi = s.tok_start, s.tok_end
        catalog = doc.find("catalog", lo, hi) or _our_noun(doc, lo, hi)
        if not catalog:
            continue
        marker = doc.find("invite_look", lo, hi)
        if not marker and si + 1 < len(doc.sentences):
            # "Our autumn collection has just landed. Have a look!": the invitation in a short sentence of its own
            # right after, pointing back at the catalog (no thing of its own to look at)
            n = doc.sentences[si + 1]
            if n.tok_end - n.tok_start <= 6 and si + 1 not in remedy_sentences:
                marker = doc.find("invite_look", n.tok_start, n.tok_end)
        # "20 % de descuento en toda nuestra tienda" reads as a partial refund too, but with no refund word and
        # the seller's whole catalog beside it, the discount is the store's sale, not a remedy for this order
        store_sale = remedy_sentences.get(si) == {"partial_refund"} and not doc.has("r_refund", lo, hi)
        # (a sale still to come answers no question about a price: "our summer sale starts Friday with 20% off")
        asked_here = (asked or doc.has("asked", doc.sentences[max(0, si - 2)].tok_start, hi)) \
            and not sale_to_come(doc, lo, hi)
        if not marker and not asked_here and (si not in remedy_sentences or store_sale):
            # ("withdrawn from sale", "no longer for sale": whether the goods are sold, no sale announced)
            marker = [(a, b) for a, b in doc.find("sale_word", lo, hi)
                      if not (a > lo and doc.words[a - 1] in _NOT_A_SALE)] or _percent_off(doc, lo, hi)
            if not marker:
                # "con il codice SCONTO10 avrà il 10% su tutto il nostro catalogo": a share off the whole catalog
                marker = [(m.tok, m.tok + 1) for m in data.offers.all_money
                          if m.kind == "percent" and lo <= m.tok < hi and m.value < 100]
        if marker:
            out.append((min(catalog[0][0], marker[0][0]), max(catalog[-1][1], marker[-1][1])))
    return out


_NOT_A_SALE = frozenset({"from", "for"})


def sale_to_come(doc: Doc, lo: int, hi: int) -> bool:
    """The seller's own sale said to start: "our summer sale starts Friday", "unsere Herbstaktion startet".

    A sale still to come answers no question about a price the buyer saw ("a Prime Day deal that starts ..." is
    Amazon's, and explains one).
    """
    return any(doc.has("our", max(lo, a - 3), a) and doc.has("upcoming", b, min(hi, b + 2))
               for a, b in doc.find("sale_word", lo, hi))


def _percent_off(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """'20% off' (the per cent sign is not a token): a number straight before "off"."""
    return [(k - 1, k + 1) for k in range(lo + 1, hi) if doc.words[k] == "off" and doc.words[k - 1].isdigit()]


def _our_noun(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """'our new winter range': a catalog noun with the seller's possessive at most three words before it.

    "our new 2026 planners", "unsere neuen Modelle": the seller's new products, whatever they are called
    (a remedy sentence, "our new replacement ships today", never reads its sale words).
    """
    return [(a, b) for a, b in doc.find("catalog_noun", lo, hi) if doc.has("our", max(lo, a - 3), a)] + \
        [(a, b) for a, b in doc.find("r_new", lo, hi) if a > lo and "our" in doc.classes[a - 1]]
