"""The PLOVER types accord found least often in news-like text (benchmarks/ngec_types.py): MOBILIZE (CAMEO 15),
COOPERATE (06), SANCTION (16), CONCEDE and RETREAT (08), THREATEN (13).

The vocabulary is written per CAMEO code from the codebook's description and usage notes (data/verbs/06_material.yaml,
15_force_posture.yaml, 16_reduce_relations.yaml, ...). One sentence of our own per case, never a story's, with the
CAMEO code (or prefix) it must yield and who must do it to whom (an ISO3 country, "IGO" for an international
organisation, or None where the sentence names no one to check).
"""

from __future__ import annotations

import pytest
from vocab_fixture import coded, yields

pytestmark = pytest.mark.model

CASES = [
    # 154 armed forces increased by raising men (codebook: "increase the number of military personnel")
    ("The Taliban recruited hundreds of fighters in Helmand.", "154", "AFG", None),
    ("The Serbian army enlisted 2,000 volunteers for the offensive.", "154", "SRB", None),
    ("Boko Haram intensified its recruitment of fighters in the north.", "154", "NGA", None),
    ("The Nigerian army stepped up recruitment in the north.", "154", "NGA", None),
    ("The Taliban mobilized its fighters near the town.", "154", "AFG", None),
    # 153 police power increased: a police presence strengthened, riot police mobilised
    ("Kenya increased the police presence in Nairobi ahead of the vote.", "153", "KEN", None),
    ("Turkey mobilised riot police in Istanbul.", "153", "TUR", None),
    # 153/154 forces called in
    ("Hundreds of Kenyan police officers were called in after the riots.", "153", "KEN", None),
    ("The Kenyan government called in the army to restore order.", "154", "KEN", None),
    # 154 the armed forces' presence strengthened stays 154
    ("Russia boosted its military presence near the Ukrainian border.", "154", "RUS", None),
    # 152-154 forces ordered out by their own authority: the order is the deployment, not a demand on the army
    ("Chile's president ordered the army to deploy thousands more troops to the south.", "154", "CHL", None),
    ("Turkey's president ordered the army to deploy troops to the Syrian border.", "154", "TUR", "SYR"),
    ("The Pakistani government ordered the army to go on high alert.", "152", "PAK", None),
    ("Russia's defence minister ordered troops to the Ukrainian border.", "154", "RUS", "UKR"),
    ("Kenya's governor ordered police to the city centre.", "153", "KEN", None),
    # 150 a single country's exercises are a show of force (PLOVER 3.14: single-country exercises are MOBILIZE)
    ("The Nigerian army held military exercises near the border on Monday.", "150", "NGA", None),
    ("China's navy conducted drills in the South China Sea.", "150", "CHN", None),
    ("The Chilean army carried out military exercises near the border.", "150", "CHL", None),
    ("The Chilean army carried out joint exercises with Argentina.", "062", "CHL", "ARG"),
    # 062 exercises with a partner, or called joint, stay military cooperation
    ("The Indian navy held exercises with the US Navy.", "062", "IND", "USA"),
    ("Russia held drills with NATO forces.", "062", "RUS", "IGO"),
    ("India and Japan held joint naval drills in the Indian Ocean.", "062", "IND", "JPN"),
    ("The Chilean navy jointly carried out drills near Valparaiso.", "062", "CHL", None),
    ("Armed forces from Canada and Singapore made joint maneuvers on Thursday.", "062", "CAN", None),
    # 061 economic exchange expanded with someone named, by a state
    ("Russia increased its investment in Colombia.", "061", "RUS", "COL"),
    ("China boosted trade with Brazil.", "061", "CHN", "BRA"),
    ("Chile and Peru doubled their trade last year.", "061", "CHL", "PER"),
    # 166 a guest organisation of civilians withdrawing ("withdrawals by guest groups or organizations")
    ("Human Rights Watch withdrew from Cambodia.", "166", "IGO", "KHM"),
    ("Doctors Without Borders pulled out of Somalia.", "166", "IGO", "SOM"),
    # 0874 a state's withdrawal stays a military retreat
    ("Russia withdrew from Syria.", "0874", "RUS", "SYR"),
    # 161 diplomatic relations suspended, by whatever noun
    ("The Bahamas suspended its relationship with the United States.", "161", "BHS", "USA"),
    # 080 demands yielded to: agreed to, met (not a meeting)
    ("The Malawian government agreed to all the demands of the protesters.", "080", "MWI", "MWI"),
    ("The Malawian government met the demands of the protesters.", "080", "MWI", "MWI"),
    # 082 protesters going home end their protest
    ("Thai protesters dispersed peacefully after the talks.", "082", "THA", None),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_weak_types_code_their_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence))
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize("sentence", [
    "Google recruited hundreds of engineers in India.",  # a firm's hiring raises no armed force
    "Microsoft expanded its recruitment of graduates.",
    "The bank increased its investment in bonds.",  # money put into things, by a firm: business
    "The company expanded its presence in Asia.",  # a presence with no force named
    "The company called in consultants to review its accounts.",  # help called in is no force
])
def test_weak_types_business_is_no_event(code, sentence: str):
    assert not [e for e in code(sentence).events if e.cameo[:2] in ("06", "15")], coded(code(sentence))


def test_single_country_exercises_are_plover_mobilize(code):
    events = code("The Iranian navy staged war games in the Gulf on Friday.").events
    assert [(e.cameo, e.plover_type) for e in events][:1] == [("150", "MOBILIZE")]


def test_a_past_tense_conjunct_of_a_future_act_is_done(code):
    # "would suspend visits" is a threat (1313); "and recalled its ambassador" was done (161), in a tense of its own
    events = coded(code("Britain said it would suspend all visits with Malawi and recalled its ambassador."))
    assert ("161", "GBR", None) in events, events
    assert ("1313", "GBR", "MWI") in events, events


def test_police_dispersing_a_crowd_stay_a_repression(code):
    assert yields(coded(code("Kenyan police dispersed the protesters with tear gas.")), "175", "KEN", None)


def test_meeting_someone_is_still_a_meeting(code):
    assert yields(coded(code("The Malawian president met the protesters' leaders.")), "04", "MWI", None)


def test_an_army_ordered_to_deploy_is_not_the_deployment_s_target(code):
    events = coded(code("Chile's president ordered the army to deploy thousands more troops to the south."))
    assert ("154", "CHL", None) in events, events


def test_troops_ordered_to_withdraw_stay_a_withdrawal(code):
    # the demand family takes the complement first: the order is the withdrawal (0874), no deployment
    events = coded(code("Russia's defence minister ordered troops to withdraw from the border."))
    assert yields(events, "0874", "RUS", None) and not yields(events, "15", None, None), events
