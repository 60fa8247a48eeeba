"""Train the triage classifier (`assistant/data/triage_model.npz`) from labelled buyer messages.

Training data: the knowledge base's example phrasings (every language, `knowledge/phrasings/`) plus the dev
set, triage holdouts 1-3, the short multilingual dev set `triage_lang_dev` and `triage_lang_train` (buyer
messages in six languages written for training, Spain and Latin-American Spanish included) and
`triage_long_train` (long messages that mention several problems, six languages), the blind-written
`triage_train_en1` and `triage_train_lang1`, and the buyer messages of the judged files already scored
(`evals/judged/`, development data after their first scoring). Held out,
never trained on: the reference sets and triage holdout 4, whose accuracies this script prints (the
language cue files were tuned on the misses of `reference_lang`, so it is a development set, not a test
set). The multilingual set `triage_lang_fresh1` is never trained on either; it was scored blind once and
is a development set since. Re-run this script after editing `assistant/data/triage_cues.yaml` or any file
in `assistant/data/triage_cues/` (the model is tagged with the cue files' hash and is ignored when the cues
change) or after adding labelled messages:

    .venv/bin/python evals/train_triage.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np

from assistant.models import SCENARIO_IDS
from assistant.runtime import build_triager
from assistant.settings import Settings
from assistant.triage import CueAndExampleTriager, cue_files, fold
from assistant.triage_model import MODEL_PATH, LinearTriageModel, cue_fingerprint, train

CASES = Path(__file__).parent / "cases"
JUDGED = Path(__file__).parent / "judged"
TRAIN_SETS = ("triage_dev", "triage_holdout", "triage_holdout2", "triage_holdout3", "triage_lang_dev",
              "triage_lang_train", "triage_long_train", "triage_train_en1", "triage_train_lang1")
# Judged files already measured once are development data: their buyer messages and scenarios train too.
# A judged file not yet measured must stay out (its first-sight figure would mean nothing afterwards).
JUDGED_TRAIN = tuple(f"judged_fresh{n}" for n in range(1, 96))
HELD_OUT = ("reference", "reference_lang", "triage_holdout4")


def labelled(name: str, folder: Path = CASES) -> list[tuple[str, str]]:
    """(message, expected scenario) pairs of one case file."""
    lines = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [(r["message"], r["expected_scenario"]) for r in map(json.loads, filter(str.strip, lines))]


def matrix(triager: CueAndExampleTriager, pairs: list[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    """Feature matrix and label vector."""
    x = np.stack([triager.features(fold(message)) for message, _ in pairs])
    return x, np.array([SCENARIO_IDS.index(label) for _, label in pairs])


def main() -> None:
    """Train, report held-out accuracy, write the model."""
    with tempfile.TemporaryDirectory() as data_dir:
        triager = build_triager(Settings(data_dir=Path(data_dir)))
    assert isinstance(triager, CueAndExampleTriager)
    triager.model = None  # features only; the classifier is what we are about to train
    knowledge = [(ex, c.scenario) for c in triager.knowledge.chunks if c.scenario != "general"
                 for ex in c.examples]
    pairs = knowledge + [pair for name in TRAIN_SETS for pair in labelled(name)] \
        + [pair for name in JUDGED_TRAIN for pair in labelled(name, JUDGED)]
    weights, bias = train(*matrix(triager, pairs))
    model = LinearTriageModel(weights, bias)
    for name in HELD_OUT:
        x, y = matrix(triager, labelled(name))
        hits = [np.argmax(model.probabilities(row)) == label for row, label in zip(x, y, strict=True)]
        accuracy = float(np.mean(hits))
        print(f"held-out {name}: {accuracy:.3f} ({len(y)} messages)")
    model.save(MODEL_PATH, cue_fingerprint(cue_files()))
    print(f"trained on {len(pairs)} messages; wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
