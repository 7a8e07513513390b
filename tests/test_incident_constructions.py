"""Short incident reports (ACLED-note style): the constructions of accord.incidents and the actor words
they rely on. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def violent(result):
    return {t for t in triples(result) if t[1][:2] in ("18", "19", "20")}


def test_country_word_before_forces_noun_on_their_convoy_names_the_forces(code):
    # "Chadian" modifies the convoy in the parse; the convoy is the Chadian army's
    r = code("Gunmen ambushed a Chadian army convoy near Bol on Thursday.")
    assert any(t[2] == "TCDMIL" for t in violent(r))


def test_country_word_before_police_post_names_the_police(code):
    r = code("Militants attacked a Kenyan police post near Garissa.")
    assert any(t[2] == "KENCOP" for t in violent(r))


def test_country_word_before_a_forces_act_stays_the_country(code):
    # an act noun is not a post or a unit: "an Israeli troop pullback" is Israel's, not a target's
    r = code("Syria welcomed an Israeli troop pullback from the Golan.")
    assert not any(t[2] == "ISRMIL" for t in triples(r))


def test_ambiguous_group_name_before_its_forces_is_the_group(code):
    r = code("Houthi forces fired rockets at Marib on Sunday.")
    assert any(t[0] == "YEMREB" for t in violent(r))


def test_the_before_a_group_tagged_as_a_person_is_the_group(code):
    r = code("The Houthis attacked a village near Hodeidah.")
    assert any(t[0] == "YEMREB" for t in violent(r))


def test_group_name_without_province_is_the_group(code):
    r = code("Islamic State Sahel fighters attacked a village near Menaka.")
    assert any(t[0] == "MLIREB" for t in violent(r))


@pytest.mark.parametrize("text,cameo", [
    ("A roadside bomb killed four soldiers near Kidal on Monday.", "1833"),
    ("A landmine killed two children in Helmand.", "1833"),
    ("A car bomb killed nine people outside a hotel in Baidoa.", "1832"),
    ("A suicide bomb killed 15 worshippers at a mosque in Maiduguri.", "1831"),
    ("An explosion killed six people at a bus station in Quetta.", "183"),
])
def test_explosive_subject_is_a_bombing_of_its_kind(code, text, cameo):
    assert any(t[1] == cameo for t in triples(code(text)))


def test_explosive_subject_bombing_keeps_the_victims_as_target(code):
    r = code("A roadside bomb killed three Malian soldiers near Gao.")
    assert any(t[1] == "1833" and t[2] == "MLIMIL" for t in triples(r))


def test_killing_by_gunmen_is_not_a_bombing(code):
    r = code("Gunmen killed three farmers in Benue State.")
    assert not any(t[1].startswith("183") for t in triples(r))


def test_blew_up_a_vehicle_is_a_bombing(code):
    r = code("Rebels blew up a police vehicle near Sukma.")
    assert any(t[1] == "183" and t[2] == "INDCOP" for t in triples(r))


def test_blew_up_a_bridge_is_property_destroyed(code):
    r = code("Rebels blew up a bridge near Goma.")
    assert any(t[1] == "1712" for t in triples(r))
    assert not any(t[1].startswith("183") for t in triples(r))


@pytest.mark.parametrize("text", [
    "Hitmen shot dead a journalist in Veracruz on Tuesday.",
    "Sicarios killed a police commander in Sinaloa.",
    "Cartel members ambushed a police convoy in Jalisco.",
])
def test_cartel_killers_are_an_armed_group(code, text):
    assert any(t[0] == "MEXREB" for t in violent(code(text)))


def test_an_attack_made_with_a_bomb_is_a_bombing(code):
    r = code("An IED attack targeted an army convoy near Afgoye.")
    assert any(t[1] == "1833" for t in triples(r))


def test_a_rocket_attack_is_not_a_bombing(code):
    r = code("A rocket attack killed two soldiers near Kidal.")
    assert not any(t[1].startswith("183") for t in triples(r))


def test_military_post_attacked_is_the_military_of_the_place(code):
    r = code("Rebels attacked a military base near Tillaberi on Friday.")
    assert any(t[2] == "NERMIL" for t in violent(r))


def test_claimed_responsibility_for_an_attack_makes_the_claimer_its_doer(code):
    r = code("Al-Shabaab claimed responsibility for the attack on a hotel in Kismayo.")
    assert any(t[0] == "SOMREB" and t[1][:2] in ("18", "19") for t in triples(r))
    assert any(t[0] == "SOMREB" and t[1] == "015" for t in triples(r))


def test_clashes_between_two_communities_militias_is_one_fight(code):
    r = code("Clashes broke out between Hema and Lendu militias near Bunia.")
    fights = [t for t in triples(r) if t[1][:2] == "19"]
    assert fights and all(t[0] == "CODREB" and t[2] == "CODREB" for t in fights)


def test_clashes_between_the_army_and_a_militia_are_between_them(code):
    r = code("Clashes between the army and Fano militias erupted in Gondar.")
    assert ("ETHMIL", "190", "ETHREB") in triples(r)


def test_a_patrol_that_struck_a_landmine_is_bombed_by_no_one_named(code):
    r = code("Soldiers struck a landmine near Kidal on Sunday.")
    assert ("MLI", "1833", "MLIMIL") in triples(r)


def test_a_truck_hitting_a_mine_kills_its_soldiers_by_a_bombing(code):
    r = code("A military truck hit a landmine near Gao, killing three soldiers.")
    assert ("MLI", "1833", "MLIMIL") in triples(r)
    assert not any(t[1] == "190" for t in triples(r))


def test_a_suicide_bomber_is_a_suicide_bombing(code):
    r = code("A suicide bomber killed 14 people at a mosque in Maiduguri.")
    assert any(t[1] == "1831" and t[2] == "NGACVL" for t in triples(r))


def test_the_road_between_two_towns_places_the_incident(code):
    r = code("An IED attack targeted an army convoy on the road between Mogadishu and Afgoye.")
    assert any(t[0] == "SOM" and t[1] == "1833" for t in triples(r))
    assert any(e.location is not None and e.location.country == "SOM" for e in r.events)


def test_talks_between_two_countries_are_not_placed_in_them(code):
    r = code("Talks between Russia and Iran began on Monday.")
    assert all(e.location is None for e in r.events)


# Whoever detonates a bomb is its bomber, never its victim; a bombing near a forces' post is against the forces.
def test_a_car_bomb_near_a_police_station_targets_the_police(code):
    r = code("Militants detonated a car bomb near an Iraqi police station.")
    assert any(e.cameo == "1832" and e.source and e.source.country == "IRQ" and e.target and e.target.code == "IRQCOP"
               for e in r.events)
    r = code("Gunmen opened fire near a police checkpoint in Quetta.")
    assert any(e.cameo.startswith("19") and e.target and e.target.code == "PAKCOP" for e in r.events)


# Trading fire is exchanging it: a two-sided act between the sides named.
def test_traded_fire_is_mutual(code):
    r = code("Indian and Pakistani troops traded fire across the Line of Control.")
    pairs = {(e.source.code, e.target.code) for e in r.events if e.cameo == "190" and e.source and e.target}
    assert {("INDMIL", "PAKMIL"), ("PAKMIL", "INDMIL")} <= pairs
