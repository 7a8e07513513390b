"""More capitals a lower-cased text gets back: people's names from known first and last names,
companies before their legal form, tickers, and acronyms a text spells out that WordNet lists as words."""

from __future__ import annotations

from accord.recase import NameIndex, recase

# ``everyday`` stands in for the spaCy lemma tables: WordNet lists "rhodes", "nrc" and "goes" as words
EVERYDAY = frozenset({"the", "said", "told", "met", "in", "and", "reporters", "go", "rhodes", "nrc", "talk", "frank",
                      "oil", "food", "trust", "bank", "air", "acquire", "will", "a", "it", "round", "camera", "is",
                      "up", "officials", "official", "proposed", "propose", "lagos", "visit", "visited"})
NAMES = NameIndex.build(["Kenya"], everyday=EVERYDAY,
                        people=["Wilhelm Rhodes", "Teodora Marangoni", "Sergeant Kowalczyk", "Frank Obuya"])


def test_recase_more_a_known_first_name_before_a_word_no_dictionary_knows_is_a_person():
    out = recase("officials said teodora wenzelhuber met the envoy in kenya.", NAMES)
    assert "Teodora Wenzelhuber met" in out


def test_recase_more_a_known_last_name_that_is_a_word_follows_a_first_name_that_is_none():
    assert "Wilhelm Rhodes" in recase("the minister met wilhelm rhodes in kenya.", NAMES)


def test_recase_more_a_title_or_an_everyday_first_name_shows_no_person():
    out = recase("officials said frank talks and the sergeant proposed a visit.", NAMES)
    assert "frank talks" in out and "sergeant proposed" in out


def test_recase_more_a_name_after_a_title_keeps_its_last_word_before_a_full_stop():
    out = recase("they detained the kenyan activist ochieng wafula. officials said.", NAMES)
    assert "Activist Ochieng Wafula." in out or "activist Ochieng Wafula." in out


def test_recase_more_a_company_before_its_legal_form():
    out = recase("mwangaza foods co said it acquired coastal oil co and a stake in highland trust plc.", NAMES)
    assert out.startswith("Mwangaza Foods Co said")
    assert "acquired Coastal Oil Co" in out and "in Highland Trust Plc." in out


def test_recase_more_a_company_stops_at_a_sentence_end_and_the_ticker_is_raised():
    out = recase("the minister told reporters. pembe air corp <pmb> said it will fly.", NAMES)
    assert "told reporters. Pembe Air Corp <PMB> said" in out


def test_recase_more_a_spelled_acronym_listed_as_a_word_is_raised_all_through():
    text = "the nuclear review council (nrc) proposed new rules. the nrc said nrc officials met."
    out = recase(text, NAMES)
    assert out.count("NRC") == 3
    assert len(out) == len(text)


def test_recase_more_a_spelled_acronym_that_is_a_verb_is_raised_only_as_a_name():
    out = recase("the geostationary observation environmental satellite (goes) is up. it goes round. "
                 "the goes camera is up.", NAMES)
    assert "(GOES)" in out and "It goes round" in out and "The GOES camera" in out


def test_recase_more_polish_after_the_before_a_noun_is_the_country():
    out = recase("the polish head of state met the envoy. the polish on the table dried. they polish shoes.", NAMES)
    assert "The Polish head of state" in out
    assert "The polish on the table" in out and "they polish shoes" in out.lower() and "Polish shoes" not in out


def test_recase_more_the_first_word_after_a_dateline_starts_a_sentence():
    assert recase("kisumu, kenya -- a court jailed two men.", NAMES).startswith("Kisumu, Kenya -- A court")
    assert "court: the police" in recase("they went to court: the police said.", NAMES)
