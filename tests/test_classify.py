"""The sentence model (accord.classify): shipped as package data, numpy-only, off unless asked for."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import numpy as np
import pytest

from accord import classify

# no dictionary verb links the two countries here: only the model can code it
UNTRIGGERED = "Germany squabbled with Poland over the pipeline on Monday."


def test_classify_model_ships_as_package_data_with_its_provenance():
    folder = resources.files("accord.data").joinpath(classify.MODEL_DIR)
    side = json.loads(folder.joinpath("plover_sentence.json").read_text(encoding="utf-8"))
    assert folder.joinpath("plover_sentence.npz").is_file()
    assert {"trained", "training_data", "features", "model", "held_out"} <= set(side)
    model = classify.load()
    assert model.classes[-1] == classify.NONE and len(model.classes) == 16
    assert model.weights.shape == (len(model.index), 16)
    assert 0 < model.threshold


def test_classify_root_code_is_the_crosswalk_root_most_of_whose_codes_have_the_type():
    assert [classify.root_code(t) for t in ("ACCUSE", "ASSAULT", "REQUEST", "YIELD", "AGREE")] == \
        ["11", "18", "10", "08", "03"]
    assert all(classify.root_code(c) for c in classify.load().classes if c != classify.NONE)


def _toy() -> classify.SentenceModel:
    cols = sorted({classify.bucket("v:protest", 64), classify.bucket("u:profit", 64)})
    w = np.zeros((len(cols), 2), dtype=np.float32)
    w[cols.index(classify.bucket("v:protest", 64)), 0] = 4.0
    w[cols.index(classify.bucket("u:profit", 64)), 1] = 4.0
    return classify.SentenceModel(name="toy", classes=("PROTEST", "NONE"), buckets=64, index=np.array(cols),
                                  weights=w, bias=np.zeros(2, dtype=np.float32), threshold=0.5,
                                  calibration=((0.0, 0.2), (0.9, 0.8)))


def test_classify_probabilities_are_a_softmax_over_the_hashed_features():
    toy = _toy()
    p = toy.probabilities(["v:protest", "unseen feature"])
    assert p.sum() == pytest.approx(1.0) and p[0] == pytest.approx(np.exp(4) / (np.exp(4) + 1))
    assert toy.probabilities(["u:profit"]).argmax() == 1


def test_classify_confidence_is_the_measured_precision_of_the_probability_band():
    toy = _toy()
    assert toy.confidence(0.95) == 0.8 and toy.confidence(0.6) == 0.2
    assert replace(toy, calibration=()).confidence(0.61) == 0.61


def test_classify_model_round_trips_through_save_and_read(tmp_path):
    toy = _toy()
    classify.save(toy, tmp_path, {"trained": "today"})
    back = classify.read(tmp_path)
    assert back.classes == toy.classes and back.threshold == toy.threshold
    assert np.allclose(back.probabilities(["v:protest"]), toy.probabilities(["v:protest"]), atol=1e-3)


@pytest.mark.model
def test_classify_predicts_our_own_sentences(nlp):
    def predict(text):
        return classify.load().predict(next(nlp(text).sents))[0]

    assert predict("Net profit rose 12 pct to 4.5 mln dlrs on sales of 40 mln dlrs, the company said.") == "NONE"
    assert predict("Thousands of demonstrators marched through the capital, demanding the resignation of "
                   "the prime minister.") == "PROTEST"
    assert predict("Rebels shelled the town overnight, killing at least twelve civilians.") == "ASSAULT"


@pytest.mark.model
def test_classify_links_a_subject_actor_to_an_actor_below_its_verb(nlp, resources):
    from accord.actors import find_mentions

    doc = nlp(UNTRIGGERED)
    src, tgt, verb = classify.link(next(doc.sents), find_mentions(doc, resources.actors, None, resources.place_country))
    assert (src.actor.country, tgt.actor.country, verb.lemma_) == ("DEU", "POL", "squabble")


@pytest.mark.model
def test_classify_hook_codes_only_with_the_model_switched_on(resources, monkeypatch):
    from accord.pipeline import Config, process
    from accord.types import Article

    article = Article(id="t", text=UNTRIGGERED, date="2024-03-04")
    assert process(article, resources).events == []  # off by default: the rules find nothing here
    # the shipped threshold is measured on held-out data; here any prediction above NONE is emitted
    shipped = classify.load()
    monkeypatch.setattr(classify, "load", lambda: replace(shipped, threshold=0.0))
    # the prefilter parses only sentences with a trigger word; this one has none (see README)
    on = replace(resources, config=Config(model=True, prefilter=False))
    events = process(article, on).events
    assert len(events) == 1
    ev = events[0]
    assert ev.rule.startswith("model:plover-lr p=") and 0.0 <= ev.confidence <= 1.0
    assert (ev.source.country, ev.target.country) == ("DEU", "POL")
    assert ev.cameo == classify.root_code(ev.rule.split("(")[1].split(";")[0])


def test_classify_flag_is_on_code_and_ingest():
    from click.testing import CliRunner

    from accord.cli import main

    for command in ("code", "ingest"):
        out = CliRunner().invoke(main, [command, "--help"]).output
        assert "--model / --no-model" in out
