"""Dates: relative expressions resolved against the publication date; the date of an event."""

from __future__ import annotations

import datetime as dt

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
