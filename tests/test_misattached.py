"""Arguments the parser hangs in the wrong place, and whom investigations, complaints and lawsuits are
against (issue 12). Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def named(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


# Complaints and lawsuits are against their defendant (CAMEO 115: "target must be the defendant"), not the
# body they are lodged with or the court they are filed in.
def test_complaint_against_beats_with(code):
    r = code("Amnesty International filed a complaint with the UN Human Rights Council against the Turkish army.")
    assert ("NGOAMN", "114", "TURMIL") in triples(r)
    assert not any(t == "IGOUNO" for _, _, t in triples(r))


def test_petition_lodged_with_a_court_against_a_government(code):
    r = code("Activists will lodge a petition with the High Court against the Kenyan government.")
    assert any(c == "114" and t == "KENGOV" for _, c, t in triples(r))


def test_lawsuit_against_hung_on_the_court(code):
    # the parser hangs "against" on the court the suit is filed in
    r = code("Kenyan lawyers filed a lawsuit in a federal court against the government of Uganda.")
    assert ("KENJUD", "115", "UGAGOV") in triples(r)


def test_lawsuit_accusing_someone_is_against_them(code):
    # the plaintiff accuses the defendant: the lawsuit says what its filer alleges
    r = code("Mexican farmers have filed a lawsuit accusing the Sinaloa cartel of ordering the massacre.")
    assert ("MEXCVL", "115", "MEXREB") in triples(r)
    assert any(s == "MEXCVL" and c.startswith("112") and t == "MEXREB" for s, c, t in triples(r))
    assert not any(s == "MEXREB" for s, _, _ in triples(r))


def test_complaint_accusing_the_army(code):
    r = code("Colombian opposition lawmakers submitted a complaint accusing the army of killing civilians.")
    assert any(s == "COLOPP" and c.startswith("11") and t == "COLMIL" for s, c, t in triples(r))


# Whom an investigation is done to: the accused (CAMEO 092-094: "alleged or potential perpetrators should be
# coded as targets"); with no one accused, the victim of the act looked into.
def test_inquiry_into_allegations_targets_the_accused(code):
    r = code("The UN will launch an investigation into allegations that Ethiopian troops killed civilians in Tigray.")
    assert any(s == "IGOUNO" and c.startswith("09") and t == "ETHMIL" for s, c, t in triples(r))


def test_inquiry_into_claims_against_the_own_army(code):
    # a state's own forces are what it acts with, but an inquiry into them is done to them
    r = code("British military police opened an investigation into claims that British soldiers abused detainees in Basra.")
    assert any(s == "GBRCOP" and c.startswith("09") and t == "GBRMIL" for s, c, t in triples(r))


def test_inquiry_into_reports_names_an_unplaced_accused(code):
    r = code("The senate has opened an inquiry into reports that the interior minister took bribes.")
    assert ("senate", "090", "interior minister") in named(r)


def test_inquiry_into_a_killing_by_someone_targets_the_killer(code):
    r = code("The Mexican government launched an inquiry into the killing of a local journalist by soldiers.")
    assert ("MEXGOV", "090", "MEXMIL") in triples(r)


def test_inquiry_into_a_killing_with_no_killer_targets_the_victim(code):
    r = code("Brazil opened an investigation into the murder of an Indigenous activist.")
    assert ("BRA", "090", "BRACVL") in triples(r)


def test_investigation_ordered_against_officers(code):
    r = code("A Kenyan court ordered an investigation against two police commanders.")
    assert any(s == "KENJUD" and c.startswith("09") and t and t.startswith("KEN") for s, c, t in triples(r))


# People sent to a country to investigate, inspect or monitor: an investigation there (CAMEO 09), done to
# that country when it is not the sender's own.
def test_team_sent_abroad_to_investigate(code):
    r = code("Kenya sent a team of experts to Uganda to investigate the crash.")
    assert ("KEN", "090", "UGA") in triples(r)


def test_sent_to_help_investigate(code):
    r = code("Canada will send forensic experts to Lebanon to help investigate the port explosion.")
    assert any(s == "CAN" and c.startswith("09") and t == "LBN" for s, c, t in triples(r))


def test_inspectors_dispatched_to_monitor_a_truce(code):
    r = code("The United Nations dispatched inspectors into Syria to monitor the ceasefire.")
    assert ("IGOUNO", "093", "SYR") in triples(r)


def test_investigators_sent_at_home_are_no_act_on_the_own_country(code):
    r = code("Nigeria sent police investigators to Lagos to investigate the riots.")
    assert not any(c.startswith("09") and t == "NGA" for _, c, t in triples(r))


# A giving verb's recipient that the parser hung inside the object's relative clause, participle or
# apposition is still the giving verb's, when that verb has no "to" of its own.
def test_recipient_hung_in_a_relative_clause(code):
    r = code("Germany returned the bronze statues that were looted in 1897 to Nigeria.")
    assert ("DEU", "0842", "NGA") in triples(r)
    assert not any(c.startswith("17") and t == "NGA" for _, c, t in triples(r))  # nothing was looted to Nigeria


def test_recipient_after_an_apposition(code):
    r = code("Italy will hand back a painting, missing since 1944, to the government of Poland.")
    assert any(s == "ITA" and t == "POLGOV" for s, _, t in triples(r))


def test_the_clause_verb_keeps_its_own_first_to(code):
    # "date back to the 16th century" is the clause's own "to"; the second one is the recipient
    r = code("The Dutch government returned 14 bronze heads that date back to the 16th century to Nigeria.")
    assert ("NLDGOV", "0842", "NGA") in triples(r)


def test_a_clause_verb_with_one_to_keeps_it(code):
    # the ship sailed to Cyprus; it was not returned to Cyprus
    r = code("Turkey returned the cargo ship that had sailed to Cyprus.")
    assert not any(s == "TUR" and t == "CYP" for s, _, t in triples(r))


def test_restriction_on_inside_the_relative_clause(code):
    r = code("The junta has lifted the ban that it had imposed on Al Jazeera.")
    assert any(c.startswith("08") and t is not None and "Jazeera" in t for _, c, t in named(r))


def test_recipient_after_a_clause_done_by_someone_else(code):
    r = code("Pakistan returned the land that the army had seized to the farmers of Okara.")
    assert any(s == "PAK" and c.startswith("084") and t == "PAKCVL" for s, c, t in triples(r))


def test_an_abbreviated_state_is_not_a_people(code):
    # "US" ends in "s" but names a state, which acts as its government where a pattern asks for one
    r = code("The US returned the island to Japan.")
    assert ("USA", "0842", "JPN") in triples(r)
