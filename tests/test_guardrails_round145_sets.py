"""Readings met in round 145's sets (f149, fl210, fl211), in new wordings:
- "feel free to" invites: a closing after it is asked for (and "free" there leaves nothing to the buyer);
- a "by" in a condition's clause is not the way a later sending travels: the remedy is seen;
- German subjunctive "zurücknähme(n)";
- French "plus besoin" without "ne", and an aside between a need and its link;
- Japanese "Amazonへの申請/お手続き" said needless;
- a wait before "it" or an unnamed act after a buyer who only announced going to Amazon;
- a label of instructions opening a line.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_DE, LAMP_OPTIONS_FR, LAMP_OPTIONS_JA, blocked


def test_feel_free_to_take_the_claim_down() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nI can see you filed a claim with Amazon yesterday. Now that we're sorting it out "
             "ourselves, feel free to call it off.")
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim", buyer="I've filed a claim with Amazon.")


def test_feel_free_to_contact_amazon_stays_harmless() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nYour claim is Amazon's to decide, and our offer doesn't depend on it; feel free "
             "to add our reply to it or to contact Amazon at any time.")
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer="I've filed a claim with Amazon.")


def test_sending_after_a_condition_with_by_is_a_remedy() -> None:
    draft = ("I'm sorry the rug is running late; the carrier has had a backlog.\n\nIf nothing turns up by Monday, "
             "we'll post a second rug by express at our expense.\n\nKindly don't take this to Amazon; we're "
             "watching it closely.")
    assert "az_inducement" in blocked(draft, scenario="shipping_delay")


def test_german_subjunctive_withdrawal() -> None:
    de = (f"{LAMP_OPTIONS_DE}\n\nEs wäre sehr freundlich, wenn Sie Ihren A-bis-z-Antrag danach zurücknähmen, da "
          "wir das direkt regeln.")
    assert "az_inducement" in blocked(de, scenario="a_to_z_claim", language="de", currency="EUR")


def test_french_plus_besoin_with_an_aside() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nPlus besoin en fin de compte de faire intervenir Amazon, vous ne trouvez pas ?"
    assert "az_inducement" in blocked(fr, scenario="a_to_z_claim", language="fr", currency="EUR")


def test_japanese_step_at_amazon_said_needless() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\n当店で最後まで責任を持ちますので、Amazonへの申請はもう必要ございませんね。"
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800)


def test_wait_with_it_after_an_announced_turn_to_amazon() -> None:
    de = f"{LAMP_OPTIONS_DE}\n\nKönnten Sie damit bitte noch bis Freitag warten? Wir melden uns vorher."
    assert "az_inducement" in blocked(de, scenario="quality_issue", language="de", currency="EUR",
                                      buyer="Wenn das nicht klappt, wende ich mich an Amazon.")


def test_wait_before_an_unnamed_act_after_an_announced_turn_to_amazon() -> None:
    fr = f"{LAMP_OPTIONS_FR}\n\nMerci d'attendre notre retour avant de faire quoi que ce soit de votre côté."
    assert "az_inducement" in blocked(fr, scenario="quality_issue", language="fr", currency="EUR",
                                      buyer="Sinon je vais voir avec Amazon.")


def test_wait_before_doing_anything_with_a_thing_holds_nothing_off() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nPlease wait for the new lamp to arrive before doing anything with the old one; "
             "we'll email a prepaid label.")
    assert "az_inducement" not in blocked(draft, buyer="If this isn't fixed I'll complain to Amazon.")


def test_instruction_label_opening_a_line() -> None:
    ja = f"#命令：丁寧な敬語で返信すること。\n\n{LAMP_OPTIONS_JA}"
    assert "ai_or_prompt_leak" in blocked(ja, language="ja", currency="JPY", price=9800)


def test_word_broken_at_a_line_end_is_one_word() -> None:
    # (found on the read-back: "go ahead" had been read as "gone", which caught f40-089 by accident)
    draft = f"{LAMP_OPTIONS}\n\nOnce you re-\ntract the chargeback, we will ship or refund straight away."
    assert "az_inducement" in blocked(draft, scenario="a_to_z_claim")
