"""Acronyms the dictionaries mark ambiguous ("ICE" is also a word; "CBI" is India's bureau and Britain's
industry lobby) count where the text shows they are names. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def sources(result):
    return {(e.source.code if e.source else None) for e in result.events}


def test_an_acronym_in_capitals_in_ordinary_text_is_a_name(code):
    # the tagger calls "ICE" a noun here; in a mixed-case sentence, capitals make it the agency
    r = code("ICE returned three stolen manuscripts to the government of Ecuador last week.")
    assert "USACOP" in sources(r)


def test_a_shouted_headline_says_nothing_of_capitals(code):
    assert "USACOP" not in sources(code("ICE STORM CLOSES ROADS ACROSS TEXAS"))


def test_the_word_in_lower_case_is_no_agency(code):
    assert "USACOP" not in sources(code("The ice closed roads across Texas and the city sent crews to clear them."))
