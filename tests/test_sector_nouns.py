"""Role nouns make an actor with a sector (accord/data/sectors.yaml), in the words of news from every region.

A sector noun with a place in the sentence takes the place's country ("the crime branch in Mumbai" is
India's police); with no country anywhere it stays an actor with its sector and no country. Lower-cased
text codes the same. The people of business ("shareholders", "the chief executive officer") make no
political event.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code():
    from accord.pipeline import Resources, process
    from accord.types import Article

    resources = Resources.load()

    def _code(text: str, date: str | None = "2022-09-15"):
        return process(Article(id="t", text=text, date=date), resources)

    return _code


def events(result):
    """(source code, source sector, CAMEO root, target code, target sector) of every event."""
    return {(e.source.code if e.source else None, e.source.role if e.source else None, e.cameo[:2],
             e.target.code if e.target else None, e.target.role if e.target else None) for e in result.events}


def sources(result, root: str):
    return {(e.source.code, e.source.role) for e in result.events if e.source and e.cameo[:2] == root}


# --- police (COP) --------------------------------------------------------------------------------


def test_crime_branch_is_the_police_of_the_city_it_works_in(code):
    r = code("A man was arrested by the crime branch in Mumbai.")
    assert ("INDCOP", "173") in {(e.source.code, e.cameo) for e in r.events if e.source}


@pytest.mark.parametrize("text", [
    "the crime branch arrested two men in pune",
    "constables arrested two men in lucknow on sunday",
    "Traffic police arrested a driver in Delhi.",
])
def test_indian_police_terms_arrest_in_lower_case_and_plain_text(code, text):
    assert ("INDCOP", "COP") in sources(code(text), "17")


@pytest.mark.parametrize("text", [
    "Cops arrested three suspects.",
    "Detectives arrested two men.",
    "Sheriff's deputies arrested a man.",
    "The anti-terrorism squad arrested four men.",
])
def test_police_words_with_no_country_keep_their_sector(code, text):
    assert (None, "COP") in sources(code(text, date=None), "17")


def test_agents_are_police_and_chemical_agents_act_on_no_one(code):
    assert ("USACOP", "COP") in sources(code("Federal agents arrested a man in Texas."), "17")
    assert ("USACOP", "COP") in sources(code("FBI agents arrested a man in Ohio."), "17")
    # "agent" is a police word; a chemical agent found is no event. Used as a weapon ("used chemical
    # agents against villagers") it is still read as a police target: telling the two apart takes the
    # modifier, which a word list cannot weigh.
    assert not code("Chemical agents were found in the warehouse.").events


# --- armed forces, rebels and armed groups (MIL, REB) ----------------------------------------------


def test_jawans_are_soldiers(code):
    assert ("INDMIL", "MIL") in sources(code("Jawans killed three militants in Chhattisgarh."), "19")


def test_a_generic_head_after_a_rebel_word_is_the_rebels(code):
    r = code("The rebel leader threatened to attack the capital.", date=None)
    assert any(e.source.role == "REB" for e in r.events if e.source)


@pytest.mark.parametrize("text, country", [
    ("Bandits killed 12 villagers in Zamfara state.", "NGA"),
    ("Paramilitaries killed four peasants in Colombia.", "COL"),
    ("Narcos killed a police officer in Sinaloa.", "MEX"),
])
def test_armed_groups_the_text_does_not_name_are_coded_as_gunmen_are(code, text, country):
    assert (country + "REB", "REB") in sources(code(text), "19")


# --- civilians and refugees (CVL, REF) -------------------------------------------------------------


def test_herdsmen_attacking_farmers_is_communal_violence(code):
    r = code("Herdsmen attacked farmers in Benue state.")
    assert ("NGACVL", "CVL") in sources(r, "19")


def test_the_target_of_an_arrest_is_named_by_what_they_did(code):
    r = code("Police arrested two robbers in Lagos.")
    assert any(e.cameo == "173" and e.target and e.target.role == "CVL" for e in r.events)


def test_refugees_are_their_own_sector(code):
    r = code("Refugees protested outside the UN office in Athens.")
    assert any(e.cameo[:2] == "14" and e.source.role == "REF" for e in r.events if e.source)


# --- legislators, opposition, unions, parties (LEG, OPP, LAB, PTY) ---------------------------------


def test_opposition_lawmakers_are_the_opposition(code):
    assert ("KENOPP", "OPP") in {(e.source.code, e.source.role) for e in
                                  code("Opposition lawmakers boycotted parliament in Kenya.").events if e.source}


def test_union_leaders_are_labour(code):
    assert ("KENLAB", "LAB") in sources(code("Union leaders called a strike in Nairobi."), "14")


def test_party_workers_act_as_their_party(code):
    r = code("Party workers attacked a police station in Kolkata.")
    assert any(e.cameo[:2] == "19" and e.source.role == "PTY" for e in r.events if e.source)


# --- courts, media, clergy, intelligence (JUD, MED, REL, SPY) --------------------------------------


def test_a_magistrate_ordering_an_arrest(code):
    r = code("A magistrate in Karachi ordered the arrest of the opposition leader.")
    assert any(e.cameo == "173" and e.source.role == "JUD" for e in r.events if e.source)


def test_photojournalists_and_priests_are_their_sectors(code):
    r = code("Soldiers detained two photojournalists in Caracas.")
    assert any(e.cameo[:2] == "17" and e.target and e.target.role == "MED" for e in r.events)
    r = code("Gunmen kidnapped two priests in Kaduna.")
    assert any(e.target and e.target.role == "REL" for e in r.events)


def test_intelligence_officials_are_the_intelligence_service(code):
    r = code("Intelligence officials accused Iran of planning the attack.", date=None)
    assert any(e.cameo[:2] == "11" and e.source.role == "SPY" for e in r.events if e.source)


# --- business text stays event-free ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Shareholders approved the merger on Friday.",
    "Shareholders rejected the bid.",
    "The chief executive officer said profits rose in the first quarter.",
    "Staff at the company rejected the offer.",
    "The company's sales force will be cut by 200 people.",
])
def test_business_people_make_no_event(code, text):
    assert not code(text, date="1987-03-01").events


def test_rights_groups_and_aid_agencies_are_actors(code):
    r = code("Rights groups condemned the arrest of the journalist in Cairo.")
    assert any(e.source and e.source.role == "HRI" and e.cameo.startswith("11") for e in r.events)
    r = code("Sudan expelled foreign aid agencies from Darfur.")
    ev = [e for e in r.events if e.cameo.startswith("16")]
    assert ev and ev[0].target.name == "aid agencies" and ev[0].target.country is None  # foreign: not Sudan's
