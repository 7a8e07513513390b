"""Targets named in conditions, refusals of permission and refusals of requests (CAMEO 12, 13): whoever must
comply, whoever is not permitted, whoever asked. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def rejections(result):
    return {(s, t) for s, c, t in triples(result) if c.startswith("12")}


# A refusal to yield until or unless someone acts is done to whoever must act (CAMEO 124x: refuse to yield,
# 1242 refuse to end a strike or protest).
def test_refusal_until_a_ministry_pays_targets_the_ministry(code):
    r = code("The Kenyan nurses refused to return to their wards until the Kenyan health ministry paid their salaries.")
    assert any(t == "KENGOV" for _, t in rejections(r))


def test_refusal_unless_the_army_stops_targets_the_army(code):
    r = code("Syrian rebels refused to withdraw from the town unless the Turkish army stopped its shelling.")
    assert ("SYRREB", "TURMIL") in rejections(r)


def test_future_refusal_until_a_government_acts(code):
    r = code("Greek farmers say they will not lift the road blockades until the government in Athens cuts fuel taxes.")
    assert any(c.startswith("12") and t is not None and t.startswith("GRC") for _, c, t in triples(r))


# When the condition's subject is the source itself, the clause it embeds names whoever must comply.
def test_condition_on_the_source_being_satisfied_targets_whom_it_embeds(code):
    r = code("Washington will not lift the embargo until it is satisfied that Havana has freed the prisoners.")
    assert ("USAGOV", "CUBGOV") in rejections(r)


def test_the_source_is_never_its_own_condition(code):
    r = code("Seoul will not resume the talks until Seoul has finished its review.")
    assert not any(s == t for s, t in rejections(r))


# A threat's condition names whom it threatens (CAMEO 13: the threatened party must comply).
def test_threat_unless_someone_complies_targets_them(code):
    r = code("Algeria threatened to expel the diplomats unless Paris apologised.")
    assert any(s == "DZA" and c.startswith("13") and t == "FRAGOV" for s, c, t in triples(r))


# Refusing permission: the one not permitted is the target (CAMEO 124x, 125x).
def test_refused_permission_for_someone_to_visit(code):
    r = code("Moscow refused permission for the British envoy to visit the prison.")
    assert ("RUSGOV", "GBRGOV") in rejections(r)


def test_refused_a_visa_for_a_minister(code):
    r = code("Beijing has refused a visa for the Japanese minister to attend the ceremony.")
    assert ("CHNGOV", "JPNGOV") in rejections(r)


def test_refused_someone_to_extend_their_term(code):
    r = code("The African Union refused the Malian junta to extend the transition by two years.")
    assert any(t == "MLIGOV" for _, t in rejections(r))


def test_refused_to_allow_a_plane_named_by_its_country(code):
    r = code("Cairo will refuse to allow a Qatari plane to land.")
    assert any(c.startswith("1") and t == "QAT" for _, c, t in triples(r))


def test_refused_to_let_a_delegation_enter(code):
    r = code("Hungary refused to let the Serbian delegation enter the country.")
    assert any(t is not None and t.startswith("SRB") for _, t in rejections(r))


# A refusal of someone's request, invitation or offer is done to the one who made it.
def test_declined_an_offer_from_someone(code):
    r = code("Tehran declined an offer from Washington to mediate.")
    assert ("IRNGOV", "USAGOV") in rejections(r)


def test_refused_to_comment_on_a_request_from_an_embassy(code):
    r = code("The Kremlin has refused to comment on a request from the Japanese embassy.")
    assert ("RUSGOV", "JPNGOV") in rejections(r)


def test_rejected_someones_proposal(code):
    r = code("Kiev rejected Moscow's proposal for a ceasefire.")
    assert ("UKRGOV", "RUSGOV") in rejections(r)


# Under a negation, "before" is "until": "will not end the strike before the ministry raises wages".
def test_negated_act_before_someone_acts_targets_them(code):
    r = code("Ecuadorian oil workers will not end the strike before the energy ministry raises their wages.")
    assert any(c == "1242" and t == "ECUGOV" for _, c, t in triples(r))


# The parser may read "rejected the premier to speak" as one clause: its subject is the one refused.
def test_refused_someone_to_attend_read_as_a_clause(code):
    r = code("The Commonwealth refused Zimbabwe's president to attend the summit.")
    assert any(t == "ZWEGOV" for _, t in rejections(r))


# With no actor named, what is not let in is kept by name (CAMEO 1245: prospective observers are targets).
def test_refused_to_allow_inspectors_keeps_them_by_name(code):
    r = code("Iran refused to allow the inspectors to visit the site.")
    assert any(e.cameo.startswith("12") and e.target is not None and e.target.name == "inspectors" for e in r.events)
