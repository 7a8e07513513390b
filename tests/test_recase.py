"""Repairs before the parse keep every offset: mojibake, lower-cased text, title-case headlines."""

from __future__ import annotations

import pytest

from accord.recase import NameIndex, is_lower_cased, recase, repair_mojibake

NAMES = NameIndex.build(["Iran", "Gujarat", "New Delhi", "Narendra Modi", "NATO", "Uganda", "Kenya", "China",
                         "Security Council"])


def test_recase_mojibake_is_fixed_and_padded_to_the_same_length():
    text = "The ministryâ€™s spokesman said the Ã©lection was fair."
    fixed = repair_mojibake(text)
    assert len(fixed) == len(text)
    assert "ministry’s" in fixed and "élection" in fixed
    assert fixed.index("spokesman") == text.index("spokesman")


def test_recase_clean_text_is_left_alone():
    text = "Iran pledged to join the SCO on Thursday."
    assert repair_mojibake(text) is text
    assert recase(text, NAMES) == text


def test_recase_lower_cased_text_gets_its_capitals_back():
    text = "police arrested 20 protesters in gujarat. narendra modi visited new delhi and iran."
    out = recase(text, NAMES)
    assert len(out) == len(text)
    assert out == "Police arrested 20 protesters in Gujarat. Narendra Modi visited New Delhi and Iran."


def test_recase_names_that_are_common_words_stay_lower():
    assert "china" in recase("they bought fine china in kenya.", NAMES)
    assert "Kenya" in recase("they bought fine china in kenya.", NAMES)


def test_recase_title_case_headline_keeps_names_only():
    assert recase("Kenya Recalls Envoy To Uganda", NAMES) == "Kenya recalls envoy to Uganda"
    assert recase("Iran Condemns Security Council Vote", NAMES) == "Iran condemns Security Council vote"


@pytest.mark.parametrize("text,lower", [("no capitals at all in this line", True),
                                        ("A normal Sentence with Names.", False), ("ok", False)])
def test_recase_detects_lower_cased_text(text, lower):
    assert is_lower_cased(text) is lower


@pytest.mark.model
def test_recase_lower_cased_news_is_coded_like_cased_news(code):
    lower = code("police arrested 20 protesters in gujarat on monday.").events
    cased = code("Police arrested 20 protesters in Gujarat on Monday.").events
    assert [(e.source.code, e.cameo, e.target.code, e.span) for e in lower] == \
        [(e.source.code, e.cameo, e.target.code, e.span) for e in cased]
    assert lower and lower[0].source.code == "INDCOP"


@pytest.mark.model
def test_recase_headline_without_finite_verb_parse(code):
    evs = code("Kenya Recalls Envoy To Uganda").events
    assert any(e.cameo == "161" and e.source.country == "KEN" and e.target.country == "UGA" for e in evs)


@pytest.mark.model
def test_recase_lower_cased_indian_news_arrests(code):
    evs = code("ahmedabad: the city police on monday arrested three men for running a fake call centre.").events
    assert any(e.cameo == "173" and e.source.code == "INDCOP" and e.target.role == "CVL" for e in evs)


def test_recase_a_case_change_never_moves_an_offset():
    text = "ß ist ein buchstabe, straße und fuß. ßa"
    assert len(recase(text, NAMES)) == len(text)
    assert len(recase("Iran Condemns İstanbul Vote Again", NAMES)) == len("Iran Condemns İstanbul Vote Again")


def test_a_short_sentence_of_names_is_no_title_case_headline():
    from accord.recase import NameIndex, recase

    assert recase("Michael Jordan met Obama.", NameIndex.build(["Obama"])) == "Michael Jordan met Obama."


def test_a_title_case_headline_keeps_the_capital_of_a_country_named_like_a_word():
    from accord.recase import NameIndex, recase

    assert recase("Turkey Shells Positions Near Border", NameIndex.build([])).startswith("Turkey shells positions")
    assert "Jordan" in recase("Israel And Jordan Sign Peace Treaty", NameIndex.build(["Israel"]))
