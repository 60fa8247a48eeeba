"""The `Guard`: one object, built from the knowledge folder, that every entry point checks through.

Covers the seller extension file (every field takes effect, unknown fields are errors that name the file and
field), safety of seller patterns (RE2: no catastrophic backtracking), linear built-in patterns on hostile
input, and that nothing compiled is pickled into the package folder.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.errors import KnowledgeError
from assistant.guardrails import RULE_IDS, Guard, find_remedies
from assistant.models import CheckContext, OrderFacts

DRAFT = (
    "We are sorry the lamp arrived cracked.\n1. A replacement within 2 days.\n2. A full refund.\n"
    "Members of our loyalty club hear about new lamps first.\nKind regards"
)
CTX = CheckContext(scenario="damaged_or_broken")


def _guard(tmp_path: Path, text: str) -> Guard:
    path = tmp_path / "guardrails.yaml"
    path.write_text(text, encoding="utf-8")
    return Guard(extension=path)


def test_rule_ids_are_registered_in_report_order() -> None:
    assert RULE_IDS[:4] == ("az_inducement", "review_manipulation", "missing_apology", "missing_choices")
    assert "language_mismatch" in RULE_IDS and "choices_not_listed" in RULE_IDS


def test_seller_patterns_take_effect(tmp_path: Path) -> None:
    assert Guard().check(DRAFT, CTX).passed
    guard = _guard(tmp_path, "rules:\n  marketing_content:\n    patterns:\n      patterns: ['loyalty club']\n")
    assert [v.rule for v in guard.check(DRAFT, CTX).blocking] == ["marketing_content"]


def test_seller_severity_off_and_warn_take_effect(tmp_path: Path) -> None:
    bad = "Sorry.\n1. A replacement.\n2. A refund.\nEmail us at a@b.com"
    assert not Guard().check(bad, CTX).passed
    off = _guard(tmp_path, "rules:\n  off_platform_contact:\n    severity: 'off'\n")
    assert off.check(bad, CTX).passed and "off_platform_contact" not in off.check(bad, CTX).rules_run
    warn = _guard(tmp_path, "rules:\n  off_platform_contact:\n    severity: warn\n    message: Keep it on Amazon.\n")
    report = warn.check(bad, CTX)
    assert report.passed and any(v.message == "Keep it on Amazon." and v.severity == "warn" for v in report.violations)


def test_seller_words_extend_the_lexicon(tmp_path: Path) -> None:
    # not a request ("please" would make any unknown verb on the claim a block): a remedy waiting on the verb
    draft = "Sorry.\n1. A replacement.\n2. A refund.\nWe ship as soon as you zap the A-to-z claim."
    assert Guard().check(draft, CTX).passed
    guard = _guard(tmp_path, "lexicon:\n  classes:\n    close: [zap]\n")
    assert "az_inducement" in {v.rule for v in guard.check(draft, CTX).blocking}


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("rules:\n  no_such_rule:\n    severity: warn\n", "rules.no_such_rule"),
        ("rules:\n  marketing_content:\n    enforce: false\n", "rules.marketing_content.enforce"),
        ("rulez: {}\n", "rulez"),
        (
            "rules:\n  marketing_content:\n    patterns:\n      patterns: ['(a+)\\1']\n",
            "rules.marketing_content.patterns.0",
        ),
        ("lexicon:\n  classes:\n    close: 'scrap'\n", "classes.close"),
    ],
)
def test_bad_extension_names_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        _guard(tmp_path, content)
    assert "guardrails.yaml" in str(err.value) and field in str(err.value)


def test_catastrophic_seller_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    guard = _guard(tmp_path, "rules:\n  marketing_content:\n    patterns:\n      patterns: ['(a+)+$']\n")
    start = time.perf_counter()
    guard.check("a" * 30_000 + "!", CTX)
    assert time.perf_counter() - start < 5  # Python's re takes longer than the universe on this input


@pytest.mark.parametrize("unit", ["[", "![", "**", "a@", "1 ", "refund 1 ", "it the claim close it ",
                                  "review change your review ", "you said a review refund 1 ",
                                  "refund 1 instead of 1 ", "refund fifty y cinco euros ",
                                  # one long sentence naming a claim again and again: per-claim and per-span
                                  # work that scanned every other claim or the whole sentence was quadratic
                                  "if the claim is closed we refund ", "before opening the claim ",
                                  "the claim on your order it close it ",
                                  # every amount in an open bracket looked for the order total before it
                                  "we refund 1 € (1 € ",
                                  # round 52-54 structures: a return reason per choice, a closing timed to the deal,
                                  # a claim taken further, an order line quoted
                                  "return it choosing no longer needed ", "regardless close the claim once we ",
                                  "not to take the claim any further ", "2 x 1 € (2 € ",
                                  # round 72-73 structures: Amazon telling, a telling noun, both states named
                                  "amazon will tell you when the case is closed ",
                                  "an update to amazon that it is resolved if you could send it ",
                                  "whether the claim is closed or open we refund ", "with the claim closed we ",
                                  # round 75: a level in an aside (every closed bracket before a word was walked)
                                  "keep it (steady above 50%) and we refund 1 ", "( we refund 1 and close the claim ",
                                  # round 76: every sending verb looked for "instead" to the sentence's end
                                  "cancélela y le enviamos, ",
                                  "close it and we send a refund once the review is gone ",
                                  # round 77: a request closed for a promise, a German demonstrative, a rate per piece
                                  "cancel the request and we send 1 € ", "könnten sie die bitte zurücknehmen ",
                                  "1,50 € per ogni paio ",
                                  # round 78: "the Amazon one" after a claim, a lone "ne", a count "out of" a whole
                                  "a claim retract the amazon one ", "te ne mandiamo ", "2 out of 6 cups $1 per cup ",
                                  # every rate looked for its noun's count from the draft's start
                                  "2 cups, we refund 1 € per cup ",
                                  # round 80-81: a claim as a topic, periods paid each time, a button pressed for a
                                  # remedy, a closing after a promise, "each of the N" before an amount
                                  "a claim? don't open one ", "for three months each month we refund 1 € ",
                                  "the claim withdraw button pressing it lets us refund ",
                                  "we refund you now and you close it ", "for each of the 6 cups we refund 1 € ",
                                  # round 82: money back after an amount, a German "dass" clause, a closing button
                                  "sie erhalten 5 € zurück ", "wir bitten, dass der antrag zurückgenommen wird ",
                                  "hit the cancel button to close the claim ",
                                  # round 83: a claim given up, a rate per part
                                  "la réclamation, merci d'y renoncer ", "für jedes fehlende teil 3 € ",
                                  # round 84: a contrast before a claim's state, a claim put to bed, a German
                                  # pronoun before its verb, a rate for each one of the pieces, "keep" tried
                                  "either way, but only without an open claim ", "put the claim to bed if you ",
                                  "könnten sie ihn bitte zurückziehen, ", "3 € por cada una de las copas ",
                                  "keep keep it ",
                                  # round 85: no reason to leave a claim open, a carrier telling us of its claim
                                  "no reason to leave the claim open ", "poste ci ha comunicato che il reclamo ",
                                  # round 87: a that-clause told to Amazon, a noun tied to Amazon, going on denied
                                  "please let amazon know that we ", "the step with amazon ",
                                  "not pursue the case with amazon ", "wenn bei amazon offen ",
                                  # round 88: a degree after "wait", going on with the bank denied
                                  "wait this long ", "ne pas poursuivre aupres de votre banque ",
                                  # round 89: the Amazon side of things, an article before a relative
                                  "put the amazon side of things to rest if you ", "7,50 €, lo que ",
                                  # round 91: "if you can" is a condition
                                  "if you can cancel the claim, ",
                                  # round 92: Amazon kept out, an act undone, compounds, rates for all five
                                  "wenn sie amazon aussen vor lassen ", "vous etes passe par amazon. si vous revenez "
                                  "en arriere ", "kartenreklamation dejarlo sin efecto ", "4 € a pezzo per tutti e ",
                                  "have a lamp shipped as a gift or ",
                                  # round 93: getting that far, "there", an offer while no claim, the side first
                                  "avant d en arriver la ", "no pase por amazon: no hace falta abrir nada alli ",
                                  "esta oferta siempre que no haya reclamacion abierta ", "お申し立てがない場合に限り",
                                  "por la parte de amazon dar carpetazo ", "here's a short, friendly reply ",
                                  # round 94: abbreviations, "Schließen Sie", a labelled option, nothing open
                                  "bzw. der ", "schliessen sie nach erhalt der ware ihren ",
                                  "an option called \"issue resolved\". if you select it, we ",
                                  "en cuanto no quede nada abierto en amazon ", "netzkabelglasdeckel ",
                                  # round 95: a carrier's report, a plea beside a negated claim, "côté Amazon"
                                  "seur nos dice que ha cerrado la reclamacion ", "no a-to-z, please ",
                                  "passer l'eponge cote amazon ", "ご使用はお控えください ",
                                  # round 96: run-on paragraphs of golden drafts (a fuzzer found these
                                  # quadratic), "lassen ... fallen", the act before the refraining, a hold
                                  "1 possiamo rispedirlo oggi 2 possiamo rimborsarle l'intero importo ",
                                  "2 or a full refund of $29 99, no return needed ",
                                  "ご希望の対応をお選びください 2 3,980円を全額返金（商品のご返送は不要です） ",
                                  "die ruckbuchung lassen sie bitte fallen ", "amazonへのご連絡はお控え",
                                  "申請は保留に", "avant de vous tourner vers amazon ",
                                  # round 97: a deferral read against every claim, a refraining against the
                                  # sentence's start
                                  "die sache ruhen zu lassen, ", "von dem antrag sehen sie bitte ab "])
def test_checks_are_linear_on_hostile_input(unit: str) -> None:
    """Doubling a hostile input at most roughly doubles the time (a quadratic step would quadruple it)."""
    guard = Guard()

    def timed(n: int) -> float:
        start = time.process_time()
        guard.check(unit * n, CTX)
        return time.process_time() - start

    timed(200)  # warm
    small, large = timed(4_000), timed(16_000)
    assert large < 12 * small + 0.3, (small, large)  # 4x the input: linear ~4x (plus noise), quadratic 16x


def test_nothing_is_pickled_into_the_package() -> None:
    import assistant.guardrails as pkg

    folder = Path(pkg.__file__).parent
    Guard().check(DRAFT, CTX)
    assert not list(folder.rglob("*.pickle"))


def test_from_knowledge_reads_policy_and_extension(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(
        "store_name: S\nsignature: S\npartial_refund: {max_percent: 10, max_amount_unknown_price: 5}\n"
    )
    guard = Guard.from_knowledge(tmp_path)
    draft = "Sorry.\n1. A replacement.\n2. Keep it and we refund €10.\nKind regards"
    ctx = CheckContext(scenario="damaged_or_broken", order=OrderFacts(price=60, currency="EUR"))
    assert "unapproved_remedy" in {v.rule for v in guard.check(draft, ctx).blocking}  # cap 6
    assert Guard().check(draft, ctx).passed  # default cap 18


def test_find_remedies_reads_prose_and_amounts() -> None:
    found = find_remedies("We can either reship today or refund €10 if you keep it.", price=60)
    assert [m.remedy for m in found] == ["reship", "partial_refund"]
    assert found[1].amount == 10.0
