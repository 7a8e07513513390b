"""Actor resolution: dictionary names, titles and sectors, dated leaders, references back in the article."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.actors import ActorDictionary, DictionaryError, find_mentions

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors():
    return ActorDictionary.load()


def mentions(nlp, actors, text, date="2022-09-15"):
    doc = nlp(text)
    return [(m.actor.code, doc.text[m.start : m.end]) for m in find_mentions(doc, actors, dt.date.fromisoformat(date))]


def test_actors_country_title_and_name_form_one_government_actor(nlp, actors):
    got = mentions(nlp, actors, "Iranian President Ebrahim Raisi spoke on Thursday.")
    assert got[0] == ("IRNGOV", "Iranian President Ebrahim Raisi")


def test_actors_coordinated_adjectives_give_two_actors(nlp, actors):
    got = [c for c, _ in mentions(nlp, actors, "Senior Hungarian and Romanian officials agreed on Wednesday.")]
    assert {"HUNGOV", "ROUGOV"} <= set(got)


def test_actors_capital_stands_for_government(nlp, actors):
    assert ("RUSGOV", "Moscow") in mentions(nlp, actors, "Moscow rejected the proposal.")


def test_actors_organisation_by_acronym_and_name(nlp, actors):
    got = mentions(nlp, actors, "Iran joined the Shanghai Cooperation Organization. The SCO welcomed it.")
    sco = {code for code, text in got if "SCO" in text or "Shanghai" in text}
    assert len(sco) == 1 and sco.pop().startswith("IGO")
    assert got[-1] == ("IRN", "it")  # the object pronoun refers back past its own subject


def test_actors_leader_depends_on_date(nlp, actors):
    assert mentions(nlp, actors, "Gorbachev spoke.", date="1987-05-01")[0][0] == "RUSGOV"
    assert mentions(nlp, actors, "Reagan spoke.", date="1987-05-01")[0][0] == "USAGOV"


def test_actors_sector_nouns(nlp, actors):
    codes = {c for c, _ in mentions(nlp, actors, "Egyptian police and Syrian troops met Iraqi rebels.")}
    assert {"EGYCOP", "SYRMIL", "IRQREB"} <= codes


def test_actors_historical_state_maps_to_successor(nlp, actors):
    assert mentions(nlp, actors, "The Soviet Union protested.", date="1987-05-01")[0][0] == "RUS"


def test_actors_pronoun_refers_to_last_person(nlp, actors):
    doc = nlp("Russian President Vladimir Putin arrived in Tehran. He met the Iranian leader.")
    ms = find_mentions(doc, actors, dt.date(2022, 7, 19))
    he = next(m for m in ms if doc.text[m.start : m.end] == "He")
    assert he.actor.name == "Vladimir Putin" and he.how == "pronoun"


def test_actors_user_dictionary_extends_and_is_validated(tmp_path, nlp):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - {name: Jane Roe, aliases: [Roe], country: ISL, role: GOV, start: 2020-01-01}\n")
    ad = ActorDictionary.load((str(extra),))
    doc = nlp("Roe visited Norway.")
    assert find_mentions(doc, ad, dt.date(2022, 1, 1))[0].actor.code == "ISLGOV"
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {aliases: [Nobody]}\n")
    with pytest.raises(DictionaryError, match="name"):
        ActorDictionary.load((str(bad),))


def test_actors_dateline_is_where_not_who():
    from accord.actors import dateline

    assert dateline("CAIRO -- Forces loyal to the commander dismissed it.")[0] == len("CAIRO -- ")
    assert dateline("THE HAGUE, Netherlands -- A prosecutor said.")[0] == len("THE HAGUE, Netherlands -- ")
    assert dateline("WASHINGTON, March 3 - The Treasury said.")[0] == len("WASHINGTON, March 3 - ")
    assert dateline("Iran pledged to join the SCO.") == (0, None)
    assert dateline("The United States - and Iran - agreed.") == (0, None)


@pytest.mark.model
def test_actors_dateline_place_is_not_an_actor_but_gives_the_country(code):
    r = code("KABUL, May 2 - Police arrested 20 protesters.")
    assert ("AFGCOP", "173", "AFGCVL") in {(e.source.code, e.cameo, e.target.code) for e in r.events}
    assert not [e for e in r.events if e.source and e.source.name.upper() == "KABUL"]


@pytest.mark.model
def test_actors_organisation_named_as_written(code):
    r = code("SADC refused the Lesotho government's request.")
    assert any(e.source and e.source.name == "SADC" and e.source.igo for e in r.events)


@pytest.mark.model
def test_actors_an_office_of_the_named_organisation_wins(code):
    r = code("NATO Secretary General Jens Stoltenberg called Erdogan during exercises held in Norway.", date=None)
    assert any(e.source and e.source.igo == "NATO" for e in r.events)
