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


# issue 12, deliverable 6: gaps of lower-cased text

def test_recase_a_possessive_or_a_hyphen_keeps_the_name_apart():
    names = NameIndex.build(["Kenya", "Al-Shabaab", "Somalia", "Deir ez-Zor"])
    text = "kenya’s army fought al-shabaab in somalia's south and in deir ez-zor."
    out = recase(text, names)
    assert out == "Kenya’s army fought Al-Shabaab in Somalia's south and in Deir ez-Zor."


def test_recase_a_name_typed_without_its_accents():
    names = NameIndex.build(["São Paulo", "Karnāl"])
    assert recase("police raided a house in sao paulo and in karnal.", names) == \
        "Police raided a house in Sao Paulo and in Karnal."


def test_recase_a_name_written_with_full_stops():
    names = NameIndex.build(["U.S.", "U.S. Supreme Court"])
    assert recase("the u.s. envoy met the u.s. supreme court.", names) == \
        "The U.S. envoy met the U.S. Supreme Court."


@pytest.mark.parametrize("text,expected", [
    ("the us imposed sanctions on the ministers.", "The US imposed sanctions on the ministers."),
    ("a us-led coalition struck the town.", "A US-led coalition struck the town."),
    ("he met us president biden on friday.", "He met US president biden on Friday."),
    ("the eu leaders and the un envoy met.", "The EU leaders and the UN envoy met."),
    ("they told us about the attack.", "They told us about the attack."),
    ("the police gave us a warning.", "The police gave us a warning."),
    ("then let us all go home.", "Then let us all go home."),
])
def test_recase_us_eu_and_un_only_where_no_pronoun_can_be_meant(text, expected):
    assert recase(text, NameIndex.build([])) == expected


def test_recase_days_always_and_may_or_march_only_by_a_number():
    out = recase("on monday they may march on the capital; the vote is on may 5 and 12 march.", NameIndex.build([]))
    assert out == "On Monday they may march on the capital; the vote is on May 5 and 12 March."


def test_recase_a_small_place_only_where_the_text_frames_it_as_a_place():
    names = NameIndex.build([], places=["Pulwama", "Gadchiroli", "Shopian"])
    assert recase("militants were killed in pulwama.", names) == "Militants were killed in Pulwama."
    assert recase("maoists struck in gadchiroli district.", names) == "Maoists struck in Gadchiroli district."
    assert recase("shopian: police arrested two men.", names) == "Shopian: police arrested two men."
    assert recase("the word shopian alone stays as it is.", names) == "The word shopian alone stays as it is."


def test_recase_an_ambiguous_acronym_needs_its_country_in_the_sentence():
    names = NameIndex.build(["Kolkata", "India"], acronyms={"CBI": {"IND"}},
                            countries={"Kolkata": {"IND"}, "India": {"IND"}})
    assert recase("the cbi arrested an official in kolkata.", names) == "The CBI arrested an official in Kolkata."
    assert recase("the cbi said growth would slow. it met in india.", names) == \
        "The cbi said growth would slow. It met in India."


def test_recase_everyday_words_are_no_places():
    from accord.recase import is_everyday

    everyday = frozenset({"police", "bark", "worm"})
    assert is_everyday("police", everyday) and is_everyday("barking", everyday) and is_everyday("worms", everyday)
    assert not is_everyday("pulwama", everyday)


@pytest.mark.model
def test_recase_the_packaged_index_keeps_everyday_words_lower(resources):
    text = ("police in the town of worms said the bar was closed. the best man will buy a car "
            "and a polish firm sold the male kiwi. it was an act of police power in the state.")
    out = recase(text, resources.names)
    assert out == text[0].upper() + text[1:].replace(". the", ". The").replace(". it", ". It")


def test_recase_the_gazetteer_lists_small_places_by_name_and_plain_alias():
    from accord.places import Gazetteer

    names = dict(Gazetteer.load().place_names())
    assert names["Pulwama"] == "IND" and names["Idlib"] == "SYR"
    assert names["Gadchiroli"] == "IND"  # GeoNames spells it Garhchiroli


def test_recase_a_country_named_like_a_word_before_a_possessive_or_an_office():
    out = recase("china's foreign ministry said polish troops and turkey forces left. they sold fine china.",
                 NameIndex.build([]))
    assert out == "China's foreign ministry said Polish troops and Turkey forces left. They sold fine china."


def test_recase_the_name_after_a_title_when_it_is_no_english_word():
    names = NameIndex.build([], everyday=frozenset({"said", "the", "of", "for", "joe", "state"}))
    assert recase("spokesman bahram qassemi said the minister of state left.", names) == \
        "Spokesman Bahram Qassemi said the minister of state left."
    # a first name that is also a word stops the run: nothing is guessed
    assert recase("then president joe said it for the state.", names) == "Then president joe said it for the state."


@pytest.mark.model
def test_recase_everyday_words_include_stop_words_and_accentless_forms(resources):
    from accord.recase import everyday_words, is_everyday

    everyday = everyday_words(resources.nlp)
    assert is_everyday("of", everyday) and is_everyday("the", everyday)
    assert is_everyday("Comé", everyday)  # a town in Benin, typed "come"
    assert not resources.names.places.get("of") and not resources.names.places.get("come")
