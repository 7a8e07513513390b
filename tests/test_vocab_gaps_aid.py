"""Issue 12: aid seen from its receiver and its donor, and peacekeeping (CAMEO 07, 0334) the coder used to miss.

accord/data/verbs/07_aid.yaml and the receipt construction of accord/events.py (``_received_gift``): one
sentence of our own per case, with the CAMEO code (or prefix) it must yield and who must do it to whom (an
ISO3 country, "IGO" for an international organisation, or None where the sentence names no one to check).
"""

from __future__ import annotations

import pytest
from vocab_fixture import coded, yields

pytestmark = pytest.mark.model

CASES = [
    # the receiver as subject: what a giving verb's aid pattern names, received from someone, is their aid
    # to the receiver (070-073 by what is given); a receipt to come is a promise (033)
    ("Nepal received 15 million dollars in aid from China.", "07", "CHN", "NPL"),
    ("Georgia has received rifles from Turkey.", "072", "TUR", "GEO"),
    ("Peru has received tanks and helicopters from Russia.", "072", "RUS", "PER"),
    ("Cuba received food and medicine from Mexico.", "073", "MEX", "CUB"),
    ("Argentina received two billion dollars from the International Monetary Fund.", "071", "IGO", "ARG"),
    ("Bolivia will receive loans from Brazil.", "0331", "BRA", "BOL"),
    # a donor to someone provides them aid (070): the subject it is said of, or the name beside it
    ("Sweden is the largest donor of aid to Afghanistan.", "070", "SWE", "AFG"),
    ("Germany remains one of the biggest donors to the Palestinians.", "070", "DEU", "PSE"),
    ("Japan, the biggest donor to Myanmar, criticised the junta.", "070", "JPN", "MMR"),
    # peacekeepers sent, serving or arriving in a country (074), with the country as target; to come, 0334
    ("Italy is sending 400 soldiers to the UN peacekeeping mission in Lebanon.", "074", "ITA", "LBN"),
    ("Bangladeshi troops take part in peacekeeping operations in Liberia.", "074", "BGD", "LBR"),
    ("Ghana deployed troops to Mali as part of a peacekeeping force.", "074", "GHA", "MLI"),
    ("Fijian peacekeepers arrived in Sudan.", "074", "FJI", "SDN"),
    ("Irish peacekeepers served in Lebanon for decades.", "074", "IRL", "LBN"),
    ("Kenya is ready to contribute troops to the peacekeeping force in Somalia.", "0334", "KEN", "SOM"),
    ("Uruguay will send soldiers to the peacekeeping mission in Congo.", "0334", "URY", "COD"),
    ("Chile pledged to send troops to the peacekeeping mission in Haiti.", "0334", "CHL", "HTI"),
    # money raised for someone named
    ("Qatar raised funds for the Palestinians.", "070", "QAT", "PSE"),
    # a demand for peacekeeping is 1034, not a demand for aid (103)
    ("Somalia demanded a larger peacekeeping force from the African Union.", "1034", "SOM", None),
    # support named by its kind is aid
    ("Rwanda gave military support to the Congolese army.", "07", "RWA", "COD"),
    ("Washington's financial support for Kiev angered Moscow.", "071", "USA", "UKR"),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_vocab_gaps_aid_codes_its_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence))
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize("sentence", [
    "The senator received support from the unions.",  # backing, not aid
    "Ghana received a letter from Nigeria.",  # a letter is no gift of aid
    "The company received 5 million dollars from its investors.",  # money among firms and investors
    "Tunisia did not receive any weapons from France.",  # none received
    "Greece raised money on the bond market.",  # a bond issue, for no one
    "The government raised money to cut the deficit.",  # a budget, for no one
    "Japan is a donor.",  # a donor to no one named
    "Russia objected to the peacekeeping mission in Ukraine.",  # objecting provides no peacekeepers
    "The peacekeeping mission in Cyprus costs 50 million dollars a year.",  # the mission named, nothing done
])
def test_vocab_gaps_aid_receipts_that_are_not_aid_are_nocoded(code, sentence: str):
    assert not [e for e in code(sentence).events if e.cameo[:2] == "07"], coded(code(sentence))


def test_vocab_gaps_aid_the_receiver_is_the_target_not_the_source(code):
    # "received ... from": the giver acts, whoever names it first
    events = coded(code("Haiti received vaccines from Cuba."))
    assert ("073", "CUB", "HTI") in events and not any(s == "HTI" for c, s, _ in events if c[:2] == "07"), events


def test_vocab_gaps_aid_troops_sent_to_a_peacekeeping_force_are_no_mobilisation(code):
    # the troop deployment (154) gives way to the peacekeeping it provides (074), a promised one to 0334
    for sentence in ("Ghana deployed troops to Mali as part of a peacekeeping force.",
                     "Uruguay will send soldiers to the peacekeeping mission in Congo."):
        assert not [e for e in coded(code(sentence)) if e[0][:2] in ("13", "15")], coded(code(sentence))
