"""Meetings and mediation: photo captions, a call paid on someone, the parties a mediator works between,
and the host of a meeting attended. Sentences of our own (issue 12)."""

from __future__ import annotations

import pytest

from accord.nlp import without_caption_markers

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


# Photo captions: a position marker after a name is blanked for the parser, same length, so offsets hold.
def test_caption_markers_are_blanked_keeping_the_length():
    for text in ("Boric (L) meets his counterpart", "Joly, left, and Barcena hold talks",
                 "Putin, second from right, and Lukashenko, left, attend"):
        blanked = without_caption_markers(text)
        assert len(blanked) == len(text)
        assert "left" not in blanked and "(L)" not in blanked and "right" not in blanked


def test_text_that_only_looks_like_a_marker_is_left_alone():
    for text in ("Copyright (c) 2024 Reuters", "the column turned left, and stopped", "He has left."):
        assert without_caption_markers(text) == text


def test_a_parenthesised_marker_keeps_the_full_name_as_subject(code):
    r = code("Japan's Foreign Minister Yoko Kamikawa (R) holds talks with Philippine Defense Secretary "
             "Gilberto Teodoro in Tokyo on May 2, 2024.")
    assert ("JPNGOV", "040", "PHLMIL") in triples(r)
    assert all("(R)" in e.sentence for e in r.events)  # the sentence is shown as written


def test_a_comma_marker_keeps_the_coordinated_subject(code):
    r = code("Indian Prime Minister Narendra Modi, center, and Japanese Prime Minister Fumio Kishida "
             "held talks in New Delhi.", date="2023-03-20")
    assert {("INDGOV", "040", "JPNGOV"), ("JPNGOV", "040", "INDGOV")} <= triples(r)
    assert all("  " not in a.name for e in r.events for a in (e.source, e.target) if a)  # no blanks in a name


def test_a_lower_cased_caption_keeps_its_names_whole(code):
    r = code("egyptian president abdel fattah al-sisi, right, meets jordan's king abdullah ii in cairo.")
    assert ("EGYGOV", "040", "JORGOV") in triples(r)
    assert all(a.name == a.name.strip() for e in r.events for a in (e.source, e.target) if a)


def test_a_joint_press_conference_is_a_meeting_of_those_holding_it(code):
    r = code("Canadian Foreign Minister Melanie Joly, left, and Mexican Foreign Minister Alicia Barcena "
             "hold a joint news conference in Ottawa on Tuesday.", date="2023-10-10")
    assert {("CANGOV", "040", "MEXGOV"), ("MEXGOV", "040", "CANGOV")} <= triples(r)


def test_a_press_conference_held_alone_is_no_meeting(code):
    r = code("The Egyptian foreign minister held a news conference in Cairo on Sunday.")
    assert not any(e.cameo[:2] == "04" for e in r.events)


# "Called on": a call paid on a person to talk something over is a visit to them; otherwise an appeal.
def test_a_call_paid_on_an_official_to_discuss_is_a_visit(code):
    r = code("A delegation of Punjab's rice exporters called on Chief Minister Maryam Nawaz on Monday "
             "to discuss the new export duty.", date="2024-05-06")
    assert any(e.cameo == "042" and e.target is not None and e.target.name == "Maryam Nawaz" for e in r.events)
    assert not any(e.cameo[:2] == "02" for e in r.events)


def test_a_call_paid_at_an_office_is_a_visit(code):
    r = code("The Turkish ambassador called on President Arif Alvi at the presidency in Islamabad.",
             date="2021-04-02")
    assert ("TURGOV", "042", "PAKGOV") in triples(r)


def test_calling_on_a_state_to_discuss_stays_an_appeal(code):
    r = code("The European Union called on Serbia to discuss the border with Kosovo.")
    codes = {e.cameo for e in r.events}
    assert "026" in codes and "042" not in codes


def test_calling_on_a_person_to_act_stays_an_appeal(code):
    r = code("The senator will call on President Biden to release the report.", date="2022-02-01")
    assert not any(e.cameo[:2] == "04" for e in r.events)
    assert any(e.cameo[:2] == "02" for e in r.events)


# Mediation (CAMEO 045): the mediator is the source, each party a target.
def test_mediation_targets_the_parties_it_would_help(code):
    r = code("Norway launched a mediation bid to help the Colombian government and the ELN rebels reach a peace deal.")
    mediations = {(e.source.code if e.source else None, e.target.name if e.target else None) for e in r.events
                  if e.cameo == "045"}
    assert len(mediations) == 2 and all(s == "NOR" and t for s, t in mediations)


def test_mediation_targets_the_sides_of_the_dispute_it_would_end(code):
    r = code("Algeria launched a mediation effort to end the dispute between Sudan and South Sudan.")
    assert {("DZA", "045", "SDN"), ("DZA", "045", "SSD")} <= triples(r)


def test_an_offer_to_mediate_is_an_intent_to_mediate(code):
    r = code("Kenya offered to mediate between Ethiopia and Eritrea.")
    assert {("KEN", "039", "ETH"), ("KEN", "039", "ERI")} <= triples(r)


# Attendance: the meeting's host or organisation is the one met.
def test_taking_part_in_a_hosted_summit_meets_the_host(code):
    r = code("The Saudi foreign minister will take part in the summit hosted by Egypt.")
    assert any(e.source and e.source.code == "SAUGOV" and e.target and e.target.code == "EGY" for e in r.events)


def test_coordinated_adjectives_of_nationality_meet_each_other(code):
    r = code("The Pakistani and Afghan foreign ministers held talks in Kabul on Sunday.")
    assert {("PAKGOV", "040", "AFGGOV"), ("AFGGOV", "040", "PAKGOV")} <= triples(r)


def test_a_mediation_mission_undertaken_is_mediation_not_a_promise(code):
    r = code("The UN envoy undertook a mediation mission between Armenia and Azerbaijan.")
    assert {("IGOUNO", "045", "ARM"), ("IGOUNO", "045", "AZE")} <= triples(r)


def test_undertaking_to_mediate_is_a_promise(code):
    r = code("Sweden undertook to mediate between Armenia and Azerbaijan.")
    assert {("SWE", "039", "ARM"), ("SWE", "039", "AZE")} <= triples(r)


# "On a visit": the one on it is the subject of the clause the phrase is in.
def test_leading_a_delegation_on_a_visit_is_a_visit(code):
    r = code("Kenyan Foreign Minister Musalia Mudavadi led a delegation on a two-day visit to Ethiopia.")
    assert any(e.cameo == "042" and e.source.code == "KENGOV" and e.target.code == "ETH" for e in r.events)


def test_being_on_a_state_visit_is_a_visit(code):
    r = code("Nigerian President Bola Tinubu is on a state visit to France.", date="2024-08-20")
    assert ("NGAGOV", "042", "FRA") in triples(r)


def test_a_visit_to_be_led_is_an_intent_to_meet(code):
    r = code("Ghana's parliamentary speaker will lead a delegation on an official visit to China next week.")
    assert any(e.cameo == "036" and e.target is not None and e.target.code == "CHN" for e in r.events)
