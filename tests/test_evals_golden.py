"""Golden-set scoring: precision, recall and false-reject rate of the block verdict, per rule too."""

from __future__ import annotations

import json

import pytest

from assistant.errors import InputError
from assistant.evals.golden import golden_summary, load_golden, score_golden

CLEAN = ("Hello,\n\nWe are very sorry that your mug arrived broken. Here is what we can do for you:\n"
         "1. We reship your order to you at no extra cost.\n2. We refund the full price of your order.\n\n"
         "Please reply with the number you prefer and we will take care of it within 1-2 business days.\n\n"
         "Kind regards,\nCustomer Care Team")
REVIEW = CLEAN.replace("Kind regards", "If you are happy, please leave us a 5-star review!\n\nKind regards")
MARKETING = CLEAN.replace("Kind regards", "Use coupon code SAVE10 for 10% off your next order.\n\nKind regards")


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def row(i, draft, block, rules):
    return {"id": f"g{i}", "draft": draft, "scenario": "damaged_or_broken", "expected_block": block,
            "expected_rules": rules}


def test_scores_precision_recall_and_false_rejects(tmp_path):
    path = write(tmp_path / "g.jsonl", [
        row(1, CLEAN, False, []), row(2, REVIEW, True, ["review_manipulation"]),
        row(3, MARKETING, True, ["marketing_content"]),
        row(4, CLEAN, True, ["az_inducement"]),  # mislabelled on purpose: a missed block
    ])
    result = score_golden(load_golden(path), None)
    overall = result["overall"]
    assert overall["true_blocks"] == 2 and overall["missed_blocks"] == 1 and overall["false_rejects"] == 0
    assert overall["precision"] == 1.0 and overall["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert overall["false_reject_rate"] == 0.0
    assert result["rules"]["review_manipulation"]["recall"] == 1.0
    assert result["rules"]["az_inducement"]["recall"] == 0.0
    assert [m["id"] for m in result["mistakes"]] == ["g4"]


def test_clean_draft_blocked_counts_as_false_reject(tmp_path):
    path = write(tmp_path / "g.jsonl", [row(1, REVIEW, False, []), row(2, CLEAN, False, [])])
    result = score_golden(load_golden(path), None)
    assert result["overall"]["false_reject_rate"] == 0.5
    assert result["rules"]["review_manipulation"]["false_reject_rate"] == 0.5


def test_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "draft": "x", "expected_block": true}\n{"id": "b"}\n')
    with pytest.raises(InputError, match=r"g.jsonl:2: draft"):
        load_golden(path)


def test_missing_file_is_reported_not_fatal(tmp_path):
    assert "not found" in golden_summary(tmp_path / "none.jsonl", None)["error"]
