"""Actors the coder used to drop (issue 12): every named entity that acts or is acted on becomes an actor.

* a name the NER leaves untagged is an actor when it is a clause's subject or object (and no English word);
* an acronym the text defines after a known name is that actor wherever it stands alone, and an acronym of
  four letters or more written as a word ("Nato", "Farc") is the acronym when the NER takes it for a name;
* a one-word country or capital the NER takes for a person is still the country ("Nepal", "Kiev");
* "the Assad regime", "the Maduro government", "Gaddafi forces" are the leader's state, not the person;
* a dateline's places are no part of the first actor's phrase;
* the country of a sector noun: what a country's forces attack is not its own forces, and a group with a
  foreign backer ("Iran-backed militias") takes no country from the acting subject, while "Egyptian police
  arrested demonstrators" and "the Syrian army shelled rebels" stay at home;
* the political body nouns (a committee of parliament, a caucus, a protest movement) have their sectors.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(code):
    """The suite's coder (its resources loaded once), dated 2023-05-10 unless a test says otherwise."""
    return lambda text, date="2023-05-10": code(text, date=date)


def events(result):
    """(source name, source code, CAMEO root, target name, target code) of every event."""
    return {(e.source.name if e.source else None, e.source.code if e.source else None, e.cameo[:2],
             e.target.name if e.target else None, e.target.code if e.target else None) for e in result.events}


def actors(result):
    return {(m.actor.name, m.actor.code) for m in result.mentions}


def mentions(nlp, text):
    """(name, code) of every mention, the parse of the whole text (no prefilter), undated."""
    from accord.actors import ActorDictionary, find_mentions

    doc = nlp(text)
    return {(m.actor.name, m.actor.code) for m in find_mentions(doc, ActorDictionary.load(), None)}


# --- names the NER does not tag ------------------------------------------------------------------


def test_actor_gaps_untagged_newspaper_as_subject_is_an_actor(code):
    got = events(code("Yedioth launched an inquiry into the ministry."))
    assert any(src == "Yedioth" and root == "09" for src, _, root, _, _ in got)


def test_actor_gaps_untagged_acronym_read_as_a_noun_is_an_actor(code):
    got = events(code("The OLF will sign a truce with the army next week."))
    assert any(src == "OLF" and tgt == "army" for src, _, _, tgt, _ in got)


def test_actor_gaps_common_words_and_headlines_make_no_name(code):
    names = {n for n, _ in actors(code("Musicians signed a deal with the city."))}
    assert "Musicians" not in names
    names = {n for n, _ in actors(code("Shipping groups will sign accord with dockers."))}
    assert "Shipping" not in names


def test_actor_gaps_unknown_names_among_companies_alone_are_business(nlp):
    names = {n for n, _ in mentions(nlp, "Brellis is offering 40 dlrs a share for Tolvane.")}
    assert not names & {"Brellis", "Tolvane"}


def test_actor_gaps_ticker_is_no_actor(code):
    names = {n for n, _ in actors(code("The bank <KLMV.AS> will meet ABN officials in Amsterdam."))}
    assert not any("." in n for n in names if n)


# --- acronyms ----------------------------------------------------------------------------------


def test_actor_gaps_acronym_defined_in_the_text_is_that_actor_later(code):
    got = events(code("Police cooperated with the U.S. Immigration and Customs Enforcement (ICE) for months. "
                      "ICE handed back three stolen statues to Mexico on Monday."))
    assert ("ICE", "USACOP", "08", "Mexico", "MEX") in got or any(
        src == "ICE" and scode == "USACOP" for src, scode, _, _, _ in got)


def test_actor_gaps_acronym_written_as_a_word(nlp):
    got = mentions(nlp, "Opec raised output.")
    assert any(name == "Opec" and c and c.startswith("IGO") for name, c in got)


def test_actor_gaps_acronym_as_a_word_only_where_it_names_an_organisation(nlp):
    assert not any(c and c.startswith("COL") and n == "Dane" for n, c in mentions(nlp, "A Dane was arrested in Bogota."))
    assert not any(c == "ARGSPY" for _, c in mentions(nlp, "They opened a club on the Lower East Side."))


# --- countries the NER took for people ------------------------------------------------------------


def test_actor_gaps_country_tagged_as_a_person_is_the_country(nlp):
    got = {c for _, c in mentions(nlp, "Nepal has tightened borders.")}
    assert "NPL" in got


def test_actor_gaps_country_inside_a_persons_name_stays_the_person(code):
    got = actors(code("Madhav Kumar Nepal met the Chinese ambassador on Friday."))
    assert ("Nepal", "NPL") not in got


# --- a leader's regime ----------------------------------------------------------------------------


def test_actor_gaps_leader_regime_is_the_leaders_state(code):
    got = events(code("The Assad regime will allow aid convoys into Idlib, the agency said.", date=None))
    assert any(src == "Assad regime" and scode == "SYRGOV" for src, scode, _, _, _ in got)


def test_actor_gaps_leader_forces_are_the_states_military(code):
    got = actors(code("Gaddafi forces shelled the port of Misrata.", date="2011-04-20"))
    assert ("Gaddafi forces", "LBYMIL") in got


# --- datelines -------------------------------------------------------------------------------------


def test_actor_gaps_dateline_place_is_not_part_of_the_first_actor(code):
    got = actors(code("Lusaka, Zambia - Zambia's opposition leader Hakainde Hichilema criticised the police."))
    assert any(c == "ZMBOPP" and "Hichilema" in name for name, c in got)


# --- whose country ----------------------------------------------------------------------------------


def test_actor_gaps_forces_attacked_by_a_countrys_forces_are_not_its_own(code):
    got = events(code("The French army attacked militiamen near the border on Sunday."))
    assert any(scode == "FRAMIL" and root == "19" and tcode != "FRAMIL" for _, scode, root, _, tcode in got)


def test_actor_gaps_foreign_backed_group_takes_no_country_from_the_subject(code):
    got = actors(code("Turkish troops attacked Russian-backed rebels on Sunday."))
    assert not any(name.endswith("rebels") and c == "TURREB" for name, c in got)


def test_actor_gaps_police_arrest_their_own_countrys_demonstrators(code):
    got = events(code("Kenyan police arrested demonstrators in the capital on Tuesday."))
    assert any(scode == "KENCOP" and tcode == "KENCVL" for _, scode, _, _, tcode in got)


def test_actor_gaps_army_shelling_rebels_at_home(code):
    got = events(code("The Sudanese army shelled rebels on Monday."))
    assert any(scode == "SDNMIL" and tcode == "SDNREB" for _, scode, _, _, tcode in got)


# --- political body nouns ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, role", [
    ("A parliamentary committee summoned the finance minister.", "LEG"),
    ("The Democratic caucus rejected the bill.", "LEG"),
    ("The protest movement called for a general strike.", "OPP"),
])
def test_actor_gaps_political_bodies_have_their_sector(code, text, role):
    assert role in {m.actor.role for m in code(text).mentions}


# --- peoples, leading participles, peacekeepers ----------------------------------------------------


def test_actor_gaps_a_people_named_with_its_countrys_adjective_is_that_countrys(code):
    got = events(code("Hundreds of Turkish Kurds marched in Diyarbakir on Friday to protest against the ban."))
    assert any(scode == "TURETH" and root == "14" for _, scode, root, _, _ in got)


def test_actor_gaps_country_led_forces_are_that_countrys(nlp):
    assert ("Kenyan-led forces", "KENMIL") in mentions(nlp, "Kenyan-led forces captured the port.")


def test_actor_gaps_peacekeeping_force_is_not_the_host_countrys(nlp):
    got = mentions(nlp, "Malian rebels attacked a multinational peacekeeping force.")
    assert not any(c == "MLIMIL" for _, c in got)


# --- acronyms and parties the knowledge files lacked ------------------------------------------------


def test_actor_gaps_us_emergency_agency_by_its_acronym(nlp):
    assert ("FEMA", "USAGOV") in mentions(nlp, "FEMA delivered generators to the island.")


def test_actor_gaps_spanish_parties_by_the_article_date(code):
    def party(text, date):
        return {m.actor.code for m in code(text, date=date).mentions if "PSOE" in m.actor.name}
    assert party("The PSOE criticised the government's budget plan.", "2015-03-02") == {"ESPOPP"}
    assert party("The PSOE criticised the opposition's budget plan.", "2021-03-02") == {"ESPGOV"}


def test_actor_gaps_farc_dissidents_and_farc_rebels_are_rebels_after_the_peace_deal(nlp):
    import datetime as dt

    from accord.actors import ActorDictionary, find_mentions

    def codes(text):
        doc = nlp(text)
        return {m.actor.code for m in find_mentions(doc, ActorDictionary.load(), dt.date(2022, 6, 1))}
    assert "COLREB" in codes("FARC dissidents ambushed a patrol.")
    assert "COLREB" in codes("Farc rebels ambushed a patrol.")
    assert "COLPTY" in codes("The FARC party met the president.")
