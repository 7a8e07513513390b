"""Dates: relative expressions resolved against the publication date; the date of an event."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from accord.dates import event_date, resolve

PUB = dt.date(2022, 9, 15)  # a Thursday


@pytest.mark.parametrize("expression,expected", [
    ("on Thursday", "2022-09-15"),  # the latest Thursday on or before publication: the same day
    ("Monday", "2022-09-12"),
    ("last Thursday", "2022-09-08"),
    ("yesterday", "2022-09-14"),
    ("today", "2022-09-15"),
    ("next week", "2022-09-22"),
    ("last May", "2022-05-01"),
    ("in May", "2022-05-01"),
    ("in October", "2021-10-01"),  # the nearest past October
    ("in 2021", "2021-01-01"),
    ("on March 3", "2022-03-03"),
    ("March 3, 1987", "1987-03-03"),
    ("3 March 1987", "1987-03-03"),
    ("2022-09-01", "2022-09-01"),
    ("two days ago", "2022-09-13"),
])
def test_dates_resolve_against_publication_date(expression, expected):
    assert resolve(expression, PUB).isoformat() == expected


def test_dates_future_sentences_take_the_next_weekday_or_month():
    assert resolve("on Thursday", PUB, future=True) == dt.date(2022, 9, 22)
    assert resolve("in May", PUB, future=True) == dt.date(2023, 5, 1)


def test_dates_absolute_dates_resolve_without_publication_date():
    assert resolve("March 3, 1987", None) == dt.date(1987, 3, 3)
    assert resolve("on Thursday", None) is None
    assert resolve("recent years", PUB) is None


@pytest.mark.model
@pytest.mark.parametrize("sentence,modality,expected", [
    ("Iran on Thursday pledged to join the group.", "asserted", "2022-09-15"),
    ("Officials will visit Iran next week.", "future", "2022-09-22"),
    ("Talks will resume on Monday.", "asserted", "2022-09-19"),  # "will" makes it the next Monday
    ("Officials visited Iran in May.", "asserted", "2022-05-01"),
    ("The talks collapsed.", "asserted", "2022-09-15"),  # no date in the sentence: publication date
])
def test_dates_event_date_from_sentence(nlp, sentence, modality, expected):
    doc = nlp(sentence)
    assert event_date(doc, 0, len(sentence), PUB, modality=modality) == expected


@pytest.mark.model
def test_dates_event_date_none_without_any_date(nlp):
    doc = nlp("The talks collapsed.")
    assert event_date(doc, 0, len(doc.text), None) is None


# Issue 11: a reported act (pledge, threat, demand, agreement, plan) is dated when it was made, in the tense
# of its own verb; only an event whose own verb is future takes a future date.
@pytest.mark.model
@pytest.mark.parametrize("sentence,modality,act,expected", [
    # past: the pledge was made on Thursday, the day of publication, not the next Thursday
    ("Iran on Thursday pledged to join the group.", "intent", "pledged", "2022-09-15"),
    ("Iran threatened on Monday to attack Iraq.", "intent", "threatened", "2022-09-12"),
    # the content of a past act does not date it: next month is when Iran would join
    ("Iran pledged to join the group next month.", "intent", "pledged", "2022-09-15"),
    ("Iran demanded on Tuesday that Iraq withdraw by Friday.", "asserted", "demanded", "2022-09-13"),
    # future: the verb of the event itself is future
    ("The minister is to visit Iraq on Monday.", "asserted", "visit", "2022-09-19"),
    ("Iran plans to visit Iraq next week.", "intent", "plans", "2022-09-22"),
    ("Iran is going to attack Iraq on Monday.", "asserted", "attack", "2022-09-19"),
    # the act's own clause wins over the reporting verb's
    ("Iran said on Tuesday that its delegation will visit Iraq next week.", "future", "visit", "2022-09-22"),
])
def test_dates_reported_acts_dated_by_their_own_verb(nlp, sentence, modality, act, expected):
    doc = nlp(sentence)
    assert event_date(doc, 0, len(sentence), PUB, modality=modality, act=sentence.index(act)) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence,cameo,expected", [
    ("Iran on Thursday pledged to join the Shanghai Cooperation Organization.", "031", "2022-09-15"),  # past
    ("Iran agreed on Monday to meet Iraq on Friday.", "036", "2022-09-12"),  # past act, its content later
    ("Iran meets Iraq today.", "040", "2022-09-15"),  # present
    ("Iran will meet Iraq on Monday.", "036", "2022-09-19"),  # future
])
def test_dates_pipeline_dates_events_by_tense(code, sentence, cameo, expected):
    events = [e for e in code(sentence).events if e.cameo == cameo]
    assert [e.date for e in events] == [expected]


@pytest.mark.model
def test_dates_seed_article_pledge_today_and_visit_next_week(code, shared):
    gold = json.loads((shared / "gold" / "seed-article.gold.json").read_text(encoding="utf-8"))
    text = (shared / "seed" / "000_862d1585ab695d36.txt").read_text(encoding="utf-8")
    events = code(text, date=gold["publication_date"]).events
    pledge = [e for e in events if e.source and e.source.country == "IRN" and e.target and e.target.igo == "SCO"]
    assert pledge and {e.date for e in pledge} == {"2022-09-15"}
    visit = [e for e in events if "next week" in e.sentence and e.trigger == "visit"]
    assert visit and all("2022-09-19" <= e.date <= "2022-09-25" for e in visit)
    assert [e.date for e in events if e.trigger == "visited"] == ["2022-05-01"]  # "visited Iran in May"
