"""Readings met in round 143's sets (f147, fl206, fl207), in new wordings:
- a wait asked before a bare "proceed", the buyer's message naming a claim; "before proceeding with the return"
  names another step;
- a notice that the text was drafted by AI, left in a Japanese draft;
- Japanese "必要はもうありません" (no longer needed) with the claim's going on;
- a part beside the whole product on a list is two choices.
"""

from __future__ import annotations

from tests.helpers import LAMP_OPTIONS, LAMP_OPTIONS_IT, LAMP_OPTIONS_JA, blocked


def test_wait_before_proceeding() -> None:
    it = f"{LAMP_OPTIONS_IT}\n\nLa preghiamo di attendere una settimana prima di procedere, così sistemiamo tutto noi."
    assert "az_inducement" in blocked(it, scenario="a_to_z_claim", language="it", currency="EUR",
                                      buyer="Ho aperto un reclamo nella Garanzia dalla A alla Z.")


def test_wait_before_proceeding_with_the_return_is_another_step() -> None:
    draft = (f"{LAMP_OPTIONS}\n\nIf you choose the refund, please wait for our prepaid label before proceeding with "
             "the return.")
    assert "az_inducement" not in blocked(draft, scenario="a_to_z_claim", buyer="I have opened an A-to-z claim.")


def test_japanese_ai_drafted_notice_left_in() -> None:
    ja = f"※この返信はAIが作成した文面です。\n\n{LAMP_OPTIONS_JA}"
    assert "ai_or_prompt_leak" in blocked(ja, language="ja", currency="JPY", price=9800)


def test_japanese_going_on_no_longer_needed() -> None:
    ja = f"{LAMP_OPTIONS_JA}\n\nこれで解決しましたら、マーケットプレイス保証の申請を続ける必要はもうありませんよね？"
    assert "az_inducement" in blocked(ja, scenario="a_to_z_claim", language="ja", currency="JPY", price=9800)


def test_part_beside_the_whole_is_two_choices() -> None:
    draft = ("I'm sorry the kettle stopped heating; it is covered by the warranty.\n\nHere are your options:\n1. A "
             "replacement kettle, shipped within 2 business days.\n2. A new charging dock, if you'd like to try that "
             "first.\n\nPlease tell us which you prefer.")
    assert "missing_choices" not in blocked(draft, scenario="warranty")
