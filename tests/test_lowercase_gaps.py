"""Lower-cased news gets back the capitals cased news has: wrapped lines, spelled-out acronyms, names the
text itself shows to be names, words always written with a capital, bodies named for their field."""

from __future__ import annotations

from accord.recase import NameIndex, proper_words, recase, repair_mojibake

EVERYDAY = frozenset({"the", "a", "of", "and", "but", "said", "warned", "minister", "finance", "met", "bankers",
                      "plan", "failed", "they", "police", "officials", "rally", "miners", "it", "goes", "on",
                      "satellite", "was", "launched", "union", "national", "strike", "would", "visit", "envoy",
                      "leaders", "told", "that", "could", "fail", "again"})
NAMES = NameIndex.build(["Brazil", "Nigeria", "Dilson Funaro", "World Bank"], everyday=EVERYDAY)


def test_lowercase_gaps_a_wrapped_line_goes_on_its_sentence():
    text = ("the world bank said on tuesday that the loan to brazil would\n"
            "be paid out over three years, and that the government had\n"
            "agreed to the terms set out by the bank's board of governors.\n"
            "    officials in brasilia confirmed the agreement on wednesday.\n")
    out = recase(text, NAMES)
    assert out.startswith("The World Bank said") and len(out) == len(text)
    assert "\nbe paid out" in out and "\nagreed to" in out  # lines inside a sentence keep their lower case
    assert "    Officials in" in out  # an indented line opens a paragraph


def test_lowercase_gaps_a_name_runs_over_a_wrapped_line():
    text = ("the loan was approved by the board of the world\n"
            "bank in washington after a long debate among its members.\n"
            "the money will be paid out next year to the government.\n"
            "brazil said it was pleased with the decision of the board.\n")
    assert "World\nBank in" in recase(text, NAMES)


def test_lowercase_gaps_a_short_line_is_a_title_before_its_sentence():
    out = recase("brazil police arrest six\npolice on monday arrested six men accused of smuggling gold "
                 "across the border into brazil.", NAMES)
    assert "\nPolice on monday" in out.replace("Monday", "monday")


def test_lowercase_gaps_a_spelled_out_acronym_and_its_name():
    out = recase("the miners joined a rally of the national union of mineworkers (num). the num called a strike.",
                 NAMES)
    assert "National Union of Mineworkers (NUM). The NUM called" in out


def test_lowercase_gaps_an_acronym_that_is_a_word_is_restored_only_where_spelled_out():
    out = recase("the geostationary operational environmental satellite (goes) was launched. it goes on.", NAMES)
    assert "(GOES) was launched. It goes on." in out


def test_lowercase_gaps_small_words_of_a_name_spell_no_letter():
    out = recase("the organization of islamic cooperation (oic) met in jeddah.", NAMES)
    assert "Organization of Islamic Cooperation (OIC)" in out


def test_lowercase_gaps_words_always_capitalised():
    assert {"Muslim", "European", "Reuters", "Kurdish"} <= set(proper_words())
    out = recase("muslim and kurdish leaders told reuters that a european envoy would visit.", NAMES)
    assert out == "Muslim and Kurdish leaders told Reuters that a European envoy would visit."


def test_lowercase_gaps_a_country_named_like_a_word_in_a_country_context():
    out = recase("nigeria and guinea signed a pact. talks with china resume. they ate turkey and rice.", NAMES)
    assert "Nigeria and Guinea signed" in out and "with China resume" in out and "ate turkey" in out


def test_lowercase_gaps_a_name_the_text_shows_is_restored_throughout():
    out = recase("brazilian finance minister dilson funaro met bankers. they said the funaro plan failed.", NAMES)
    assert "Dilson Funaro met" in out and "the Funaro plan" in out


def test_lowercase_gaps_a_speaker_named_before_a_verb_of_speech():
    out = recase("the plan failed, but pierson warned it could fail again, kwame osei said.", NAMES)
    assert "but Pierson warned" in out and "Kwame Osei said" in out
    assert "the plan failed" in recase("the plan failed, the minister said.", NAMES).lower()


def test_lowercase_gaps_a_body_named_for_its_field():
    out = recase("the department of education will investigate. the ministry of home affairs banned it. "
                 "the office of the president was silent.", NAMES)
    assert "The Department of Education will" in out and "The Ministry of Home Affairs banned" in out
    assert "The office of the president" in out


def test_lowercase_gaps_a_full_stop_before_a_comma_or_bracket_ends_no_sentence():
    out = recase("a group in lakeland, fla., sued. senator foley (d-wash.) has urged congress to act.", NAMES)
    assert "fla., sued" in out.lower() and ", sued" in out and "(d-wash.) has urged" in out


def test_lowercase_gaps_every_repair_keeps_the_length():
    text = "the ministerâ€™s office (mo) said: ok.\nbrazil and guinea met.\n    the num said (so)."
    for t in (text, repair_mojibake(text)):
        assert len(recase(t, NAMES)) == len(t)
