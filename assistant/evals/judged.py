"""The judged set: buyer messages labelled by writers who never saw the code, scored item by item.

Each line says what a good reply must and must not contain, in a fixed vocabulary that is checked here with
its own patterns and the guardrails' remedy parser, never with the composer's wording:

- `must`: `apology`, `choices`, `timeframe`, `remedy:<id>`, `any_remedy:<id>|<id>`, `stop_using`,
  `mentions:<word>|<word>` (any one of the words);
- `must_not`: `remedy:<id>`, `ask_photos`, `ask_address`, `ask_order_number`, `invented_amount` (an amount
  with no price to take it from, or above the price), `keep_using`, `phrase:<text>`.

Run it with `python -m assistant.evals.judged FILE [--drafter offline|llm] [--out report.json]`.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.errors import InputError
from assistant.models import REMEDY_IDS, DraftResult, OrderFacts, ScenarioId

MUST_PLAIN = {"apology", "choices", "timeframe", "stop_using"}
MUST_NOT_PLAIN = {"ask_photos", "ask_address", "ask_order_number", "invented_amount", "keep_using"}
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[a-c][.)]|[-*•]|option \d+:?)\s+\S", re.I | re.M)
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]?")
CHECKS_PATH = Path(__file__).resolve().parent.parent / "data" / "judged_checks.yaml"


def _union(by_language: dict[str, list[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for patterns in by_language.values() for p in patterns), re.I)


@functools.cache
def vocabulary(path: Path = CHECKS_PATH) -> dict[str, Any]:
    """The scorer's patterns, every language of a check in one alternation (`assistant/data/judged_checks.yaml`)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Any] = {key: _union(data[key]) for key in
                           ("apology", "timeframe", "stop_using", "keep_using", "request", "thanked", "alternative")}
    out["asks"] = {kind: _union(patterns) for kind, patterns in data["asks"].items()}
    return out


_AMOUNT = re.compile(r"(?:[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:usd|eur|gbp|jpy|cad|aud|dollars?|euros?|pounds?)\b)",
                     re.I)


class JudgedCase(BaseModel):
    """One judged item."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    id: str = Field(min_length=1)
    message: str = Field(min_length=1)
    language: str = "en"
    order: OrderFacts | None = None
    expected_scenario: ScenarioId
    must: list[str] = Field(default_factory=list)
    must_not: list[str] = Field(default_factory=list)

    @field_validator("must")
    @classmethod
    def _must(cls, items: list[str]) -> list[str]:
        return [_valid(item, MUST_PLAIN, ("remedy", "any_remedy", "mentions")) for item in items]

    @field_validator("must_not")
    @classmethod
    def _must_not(cls, items: list[str]) -> list[str]:
        return [_valid(item, MUST_NOT_PLAIN, ("remedy", "phrase")) for item in items]


def _valid(item: str, plain: set[str], prefixed: tuple[str, ...]) -> str:
    kind, _, arg = item.partition(":")
    if not arg and kind in plain:
        return item
    if kind not in prefixed or not arg:
        raise ValueError(f"unknown check {item!r}; use one of {sorted(plain)} or {', '.join(prefixed)}:...")
    if kind in ("remedy", "any_remedy"):
        unknown = [r for r in arg.split("|") if r not in REMEDY_IDS]
        if unknown:
            raise ValueError(f"unknown remedy id {', '.join(unknown)} in {item!r}")
    return item


def load_judged(path: Path | str) -> list[JudgedCase]:
    """Validate a judged file; errors name the file, the line and the field."""
    cases = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            cases.append(JudgedCase.model_validate(json.loads(raw)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}:{number}: {field}: {first['msg']}", field=field) from exc
    if not cases:
        raise InputError(f"{path}: no cases in the file")
    return cases


def _offered(draft: str) -> set[str]:
    from assistant.guardrails import find_remedies

    return {m.remedy for m in find_remedies(draft)}


def _asks(draft: str, what: str) -> bool:
    words = vocabulary()
    for sentence in _SENTENCE.findall(draft):
        if words["asks"][what].search(sentence) and words["request"].search(sentence) \
                and not words["thanked"].search(sentence):
            return True
    return False


def _amount(text: str) -> float | None:
    digits = re.sub(r"[^\d.,]", "", text)
    if "," in digits and "." not in digits and len(digits.rsplit(",", 1)[1]) == 2:
        digits = digits.replace(",", ".")
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def _invented_amount(case: JudgedCase, draft: str) -> bool:
    """An amount the reply could not have taken from the order's price or the buyer's message."""
    said = {_amount(m) for m in _AMOUNT.findall(case.message)}
    price = case.order.price if case.order else None
    for match in _AMOUNT.findall(draft):
        value = _amount(match)
        if value is None or value in said:
            continue
        if price is None or value > price + 0.005:
            return True
    return False


def _must(kind: str, arg: str, draft: str, offered: set[str]) -> bool:
    words = vocabulary()
    if kind in ("apology", "timeframe", "stop_using"):
        return bool(words[kind].search(draft))
    if kind == "choices":
        # A list of two or more, or two remedies offered as alternatives in prose ("either ... or ...").
        return len(_LIST_ITEM.findall(draft)) >= 2 or (len(offered) >= 2 and bool(words["alternative"].search(draft)))
    if kind == "remedy":
        return arg in offered
    if kind == "any_remedy":
        return bool(offered & set(arg.split("|")))
    return any(word.casefold() in draft.casefold() for word in arg.split("|"))  # mentions


def _must_not(kind: str, arg: str, case: JudgedCase, draft: str, offered: set[str]) -> bool:
    if kind == "remedy":
        return arg in offered
    if kind == "phrase":
        return _has_phrase(draft, arg)
    if kind == "keep_using":
        return bool(vocabulary()["keep_using"].search(draft))
    if kind == "invented_amount":
        return _invented_amount(case, draft)
    return _asks(draft, kind)


def _has_phrase(draft: str, phrase: str) -> bool:
    """The phrase as words: "your fault" is not in "your faulty product" (a quoted question is no blame)."""
    def boundary(char: str) -> str:  # none in Japanese, which writes no spaces between words
        return r"\b" if char.isalnum() and ord(char) < 0x3000 else ""

    head, tail = boundary(phrase[:1]), boundary(phrase[-1:])
    return re.search(head + re.escape(phrase) + tail, draft, re.IGNORECASE) is not None


def check(case: JudgedCase, draft: str) -> list[str]:
    """The checks a draft fails; an empty list means the item holds."""
    offered = _offered(draft)
    failed = [f"must {item}" for item in case.must if not _must(*item.partition(":")[::2], draft, offered)]
    failed += [f"must_not {item}" for item in case.must_not
               if _must_not(*item.partition(":")[::2], case, draft, offered)]
    return failed


def score(case: JudgedCase, result: DraftResult) -> dict[str, Any]:
    """The record of one item: its checks, the guardrail verdict and the scenario."""
    failed = check(case, result.draft)
    scenario_ok = result.scenario == case.expected_scenario
    return {"id": case.id, "language": case.language, "expected_scenario": case.expected_scenario,
            "scenario": result.scenario, "scenario_ok": scenario_ok, "passed": result.passed,
            "checks_ok": not failed, "failed": failed, "ok": not failed and result.passed and scenario_ok,
            "drafter": result.drafter, "draft": result.draft}


def summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Rates overall and per expected scenario."""
    def rates(group: list[dict[str, Any]]) -> dict[str, Any]:
        n = len(group)
        return {"items": n, "ok_rate": round(sum(r["ok"] for r in group) / n, 4),
                "checks_ok_rate": round(sum(r["checks_ok"] for r in group) / n, 4),
                "scenario_accuracy": round(sum(r["scenario_ok"] for r in group) / n, 4),
                "guardrail_pass_rate": round(sum(r["passed"] for r in group) / n, 4)}

    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[record["expected_scenario"]].append(record)
    failures: dict[str, int] = defaultdict(int)
    for record in records:
        for item in record["failed"]:
            failures[item.split(":")[0]] += 1
    return {"overall": rates(records), "per_scenario": {k: rates(v) for k, v in sorted(groups.items())},
            "failed_checks": dict(sorted(failures.items(), key=lambda kv: -kv[1]))}


def main(argv: list[str] | None = None) -> int:
    """Draft every item with the configured (or chosen) drafter, score it, print and write the report."""
    parser = argparse.ArgumentParser(description="Score drafts on a judged set (must / must_not per item).")
    parser.add_argument("file")
    parser.add_argument("--drafter", choices=["auto", "llm", "offline"], default="offline")
    parser.add_argument("--out", help="write the records and the summary to this JSON file")
    args = parser.parse_args(argv)
    from assistant.pipeline import Pipeline
    from assistant.settings import load_settings

    cases = load_judged(args.file)
    pipeline = Pipeline(load_settings(drafter=args.drafter))
    records = [score(case, pipeline.run(case.message, case.order)) for case in cases]
    summary = summarise(records)
    print(json.dumps(summary, indent=1))
    for record in records:
        if not record["ok"]:
            scenario = "" if record["scenario_ok"] else f" (triage: {record['scenario']})"
            print(f"{record['id']} [{record['expected_scenario']}]{scenario}: {', '.join(record['failed'])}")
    if args.out:
        Path(args.out).write_text(json.dumps({"summary": summary, "records": records}, indent=1,
                                             ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
