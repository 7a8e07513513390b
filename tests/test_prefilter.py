"""The prefilter: parse only sentences that can yield events, without moving a single character."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord import prefilter
from accord.pipeline import Config, process, process_many
from accord.types import Article

ARTICLE = (
    "Iran and Russia signed a trade agreement in Moscow on Monday.\n\n"
    "Net profit at the steel maker rose 12 pct to 4.5 mln dlrs in the quarter.\n\n"
    "The agreement was praised by Chinese officials. They said it would strengthen ties with Beijing.\n\n"
    "Shares closed two cents higher at 3.40 dlrs.\n"
)


def test_prefilter_splits_sentences_without_breaking_abbreviations():
    text = "U.N. Secretary-General Kofi Annan spoke. Mr. Smith left. The U.S. Army said so."
    assert [text[s:e] for s, e in prefilter.sentences(text)] == [
        "U.N. Secretary-General Kofi Annan spoke.", "Mr. Smith left.", "The U.S. Army said so."]


def test_prefilter_keeps_political_sentences_and_their_pronoun_follow_ons(resources):
    kept = prefilter.candidates(ARTICLE, resources.actors, resources.tokenize, resources.triggers)
    texts = [ARTICLE[s:e] for s, e in kept]
    assert texts[0].startswith("Iran and Russia signed")
    assert any(t.startswith("They said it would strengthen ties") for t in texts)
    assert not any("Net profit" in t or "Shares closed" in t for t in texts)


def test_prefilter_blanking_keeps_every_offset(resources):
    kept = prefilter.candidates(ARTICLE, resources.actors, resources.tokenize, resources.triggers)
    masked = prefilter.blank(ARTICLE, kept)
    assert len(masked) == len(ARTICLE) and masked.count("\n") == ARTICLE.count("\n")
    for s, e in kept:
        assert masked[s:e] == ARTICLE[s:e]
    assert "Net profit" not in masked and masked.strip().startswith("Iran and Russia")


@pytest.mark.parametrize("text", [
    ARTICLE,
    "Putin met Raisi in Samarkand. He said Russia would support Iran's bid to join the SCO.",
    "Egyptian police arrested 12 protesters in Cairo on Friday. The interior ministry said they had attacked a station.",
])
def test_prefilter_on_and_off_code_the_same_events(resources, text):
    off = replace(resources, config=Config(prefilter=False))
    article = Article(id="a", text=text, date="2022-09-15")

    def events(res):
        return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None, e.span)
                for e in process(article, res).events}

    assert events(resources) == events(off)
    assert events(resources)


def test_process_many_equals_process_one_by_one(resources):
    arts = [Article(id=str(i), text=t, date="2022-09-15") for i, t in enumerate(
        [ARTICLE, "", "Germany and France signed a treaty.", "Die Regierung hat heute beschlossen."])]
    batched = list(process_many(arts, resources, batch_size=3))
    single = [process(a, resources) for a in arts]
    assert [r.article.id for r in batched] == ["0", "1", "2", "3"]
    assert [(r.status, len(r.events), r.error) for r in batched] == [(r.status, len(r.events), r.error) for r in single]
