"""Tone on GDELT's scale: percentage of positive minus negative words, from VADER's lexicon."""

from __future__ import annotations

from accord.tone import lexicon, tone


def test_tone_lexicon_loads_once_and_is_large():
    assert lexicon() is lexicon() and len(lexicon()) > 7000


def test_tone_positive_and_negative_sentences_have_opposite_signs():
    assert tone("We are very happy with this excellent agreement.") > 0
    assert tone("Gunmen killed twelve people in a brutal attack.") < 0


def test_tone_is_a_percentage_of_words():
    assert tone("good day") == 50.0  # one positive word of two


def test_tone_negation_flips_the_next_words():
    assert tone("This is not good.") < 0


def test_tone_none_for_empty_text():
    assert tone("") is None and tone("123 456") is None
