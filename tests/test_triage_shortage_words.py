"""A Japanese "不足" is a shortage in the parcel ("部品が不足しています"), not the buyer's own "確認不足" (not
having checked enough), which a buyer returning a suitcase that is too big for the closet writes of themselves."""

from __future__ import annotations

from assistant.triage_cues import Cues, for_script


def _missing_cue(text: str) -> bool:
    scenarios, _, _ = for_script(Cues.load(), "cjk")
    return any(pattern.search(text) for pattern, _ in scenarios["missing_items"])


def test_a_shortage_in_the_parcel_is_a_missing_item_cue() -> None:
    assert _missing_cue("ネジが2本不足しています。")


def test_the_buyers_own_lack_of_checking_is_not() -> None:
    assert not _missing_cue("サイズは合っていましたが、私の確認不足で大きすぎました。返品できますか。")
    assert not _missing_cue("説明不足で使い方がわかりません。")
