"""Amounts: values, units and kinds; what a number measures and when; links to events."""

from __future__ import annotations

import pytest

from accord.amounts import find_amounts, link_to_events, parse_number
from accord.types import Amount, Event


@pytest.mark.parametrize("words,value", [
    (["81"], 81), (["2.5", "billion"], 2.5e9), (["300", "mln"], 3e8), (["1,200"], 1200),
    (["twenty", "-", "five"], 25), (["twenty-five"], 25), (["a", "dozen"], 12), (["about", "80"], 80),
    (["at", "least", "30"], 30), (["$", "5", "billion"], 5e9), (["three", "hundred"], 300), (["5bn"], 5e9),
])
def test_amounts_parse_number_reads_digits_scales_and_words(words, value):
    assert parse_number(words) == value


def test_amounts_parse_number_none_without_a_number_or_with_two_side_by_side():
    assert parse_number(["hundreds"]) is None
    assert parse_number(["2", ".", "3"]) is None


def _event(cameo: str, span: tuple[int, int], sentence: tuple[int, int]) -> Event:
    return Event(source=None, target=None, cameo=cameo, sentence="", span=span, rule="t", sentence_span=sentence)


def test_amounts_casualties_link_to_violent_event_in_sentence():
    events = [_event("042", (0, 5), (0, 100)), _event("190", (40, 45), (0, 100))]
    a = Amount(value=12, unit="killed", text="12 people", span=(10, 19), kind="casualties")
    assert link_to_events([a], events)[0].event_index == 1


def test_amounts_other_amounts_link_to_nearest_event_in_sentence_or_none():
    events = [_event("042", (0, 5), (0, 100)), _event("057", (30, 35), (0, 100)), _event("057", (120, 125), (100, 200))]
    near = Amount(value=81, unit="percent", text="81 percent", span=(37, 47), kind="percent")
    alone = Amount(value=5, unit=None, text="5", span=(210, 211), kind="count")
    assert [a.event_index for a in link_to_events([near, alone], events)] == [1, None]


@pytest.mark.model
def test_amounts_percent_with_subject_verb_and_period(nlp):
    doc = nlp("Trade between the two countries grew by 81 percent in 2021; "
              "This increased by an additional 30 percent in the first five months of 2022.")
    a, b = find_amounts(doc)
    assert (a.value, a.unit, a.kind, a.period) == (81, "percent", "percent", "2021")
    assert a.about == "Trade between the two countries grew"
    assert (b.value, b.period) == (30, "first five months of 2022")
    assert b.about.startswith("Trade")  # "This" stands for what grew before


@pytest.mark.model
def test_amounts_count_names_what_is_counted(nlp):
    (a,) = find_amounts(nlp("Representatives of about 80 large Russian companies will visit Iran."))
    assert (a.value, a.unit, a.kind, a.about) == (80, "companies", "count", "large Russian companies")


@pytest.mark.model
@pytest.mark.parametrize("text,value,currency", [
    ("The bank lent $5 billion to Japan.", 5e9, "USD"),
    ("The company lost 2.5 billion dlrs last year.", 2.5e9, "USD"),
    ("The group earned 300 mln stg in 1986.", 3e8, "GBP"),
    ("Tokyo spent 4 billion yen on the bridge.", 4e9, "JPY"),
    ("The fund holds 20 million euros.", 2e7, "EUR"),
])
def test_amounts_money_gets_value_and_currency(nlp, text, value, currency):
    (a,) = [a for a in find_amounts(nlp(text)) if a.kind == "money"]
    assert (a.value, a.currency) == (value, currency)


@pytest.mark.model
def test_amounts_casualties_killed_and_wounded(nlp):
    got = [(a.value, a.unit, a.kind) for a in find_amounts(nlp("Gunmen killed 12 people and at least 30 were wounded."))]
    assert got == [(12, "killed", "casualties"), (30, "wounded", "casualties")]


@pytest.mark.model
def test_amounts_spelled_out_numbers(nlp):
    got = [(a.value, a.unit) for a in find_amounts(nlp("Three people and twenty-five soldiers arrived with a dozen doctors."))]
    assert (3, "people") in got and (25, "soldiers") in got


@pytest.mark.model
def test_amounts_years_dates_ordinals_and_definite_numbers_are_not_amounts(nlp):
    doc = nlp("In 2021, the first of the two countries met on March 3 at 5 pm.\n1. Only one delegate came.")
    assert find_amounts(doc) == []


@pytest.mark.model
def test_amounts_seed_article_three_of_three(nlp, shared):
    doc = nlp((shared / "seed" / "000_862d1585ab695d36.txt").read_text())
    values = {a.value for a in find_amounts(doc)}
    assert {81, 30, 80} <= values
