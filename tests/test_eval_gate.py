"""The evaluation gate: coding quality on the gold files may not drop below the recorded floors.

Floors live in ``tests/eval_baseline.json``; raise them when the coder improves (never lower them to
make a change pass). The scores are computed by ``accord.evaluate`` with the matching rules of
``../shared/tools/score.py``; ``test_eval_agrees_with_reference_scorer`` checks the two agree.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.evaluate import evaluate
from accord.pipeline import process
from accord.types import Article

pytestmark = pytest.mark.model

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


@pytest.fixture(scope="module")
def coder(resources):
    def run(articles):
        for a in articles:
            yield process(Article(id=a["id"], text=a["text"], date=a.get("date")), resources).to_dict()

    return run


@pytest.fixture(scope="module")
def seed_score(shared, coder):
    return evaluate(shared / "gold" / "seed-article.gold.json", coder)


def test_eval_seed_article_above_floors(seed_score):
    floors = BASELINE["seed"]
    m = seed_score.summary
    assert m["recall"] >= floors["recall"], m
    assert m["precision"] >= floors["precision"], m
    assert m["quotes"] >= floors["quotes"], m
    assert m["amounts"] >= floors["amounts"], m
    assert m["boilerplate"] >= floors["boilerplate"], m
    assert m["must_not"] <= floors["must_not_max"], m


def test_eval_plover_gold_standard_above_floors(shared, coder):
    score = evaluate(shared / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt", coder)
    floors = BASELINE["plover"]
    assert score.summary["type"] >= floors["type"], score.summary
    assert score.summary["type_actors"] >= floors["type_actors"], score.summary


def test_eval_agrees_with_reference_scorer(shared, seed_score, tmp_path, resources):
    """accord eval and ../shared/tools/score.py give the same summary on the same predictions."""
    gold = json.loads((shared / "gold" / "seed-article.gold.json").read_text())
    text = (shared / "seed" / "000_862d1585ab695d36.txt").read_text()
    pred = process(Article(id="seed", text=text, date=gold["publication_date"]), resources).to_dict()
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(pred) + "\n")
    out = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "seed", "--pred", str(path)],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    m = seed_score.summary
    assert f"recall={m['recall']:.2f} precision={m['precision']:.2f}" in out
    assert f"quotes={m['quotes']}/{m['quotes_total']}" in out


@pytest.fixture(scope="module")
def plv_run(shared, coder, tmp_path_factory):
    """accord's predictions on PLV's sentences, scored by accord.evaluate; the predictions kept for score.py."""
    rows: dict[str, dict] = {}

    def keep(articles):
        for r in coder(articles):
            rows[r["id"]] = r
            yield r

    score = evaluate(shared / "gold" / "plv" / "PLV_train.tsv", keep)
    path = tmp_path_factory.mktemp("plv") / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows.values()))
    return score, path


def test_eval_plv_pairs_above_floors(plv_run):
    floors = BASELINE["plv"]
    m = plv_run[0].summary
    assert m["pair_recall"] >= floors["pair_recall"], m
    assert m["type_given_found"] >= floors["type_given_found"], m
    assert m["sentence_type_recall"] >= floors["sentence_type_recall"], m


def test_eval_plv_agrees_with_reference_scorer(shared, plv_run):
    score, path = plv_run
    out = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "plv", "--pred", str(path)],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    m = score.summary
    assert f"pair_recall={m['pair_recall']:.3f} pair_found={m['pair_found']:.3f}" in out
