"""Kinds of act in CAMEO roots 04, 09-14 and 16 the coder used to miss (issue 12): one sentence of our own per case.

Each case names the CAMEO code (or prefix) the sentence must yield, and the source's and target's
country (None: not checked). The kinds are read off the codebook and the PLOVER manual, not off any
gold sentence: investigations opened, searches of premises, bringing to trial, calls for someone's
punishment, objections to plans, cancelled visits, meetings joined.
"""

from __future__ import annotations

import pytest
from vocab_fixture import coded, yields

pytestmark = pytest.mark.model

CASES = [
    # 04 consult: meeting the one joined; a conference by video is a call (041)
    ("The Kenyan president joined his Ugandan counterpart for talks in Kampala.", "040", "KEN", "UGA"),
    ("The Chilean foreign minister will join the Peruvian president for dinner on Friday.", "036", "CHL", "PER"),
    ("The German chancellor held a video conference with the French president.", "041", "DEU", "FRA"),
    ("The French president shook hands with the Iranian president.", "040", "FRA", "IRN"),
    # 09 investigate: an official audit, a summons for questioning, a search of someone's premises
    ("The OAS launched an audit of the Bolivian election.", "090", None, "BOL"),
    ("Nigerian police summoned the Ghanaian businessman for questioning.", "090", "NGA", "GHA"),
    ("German police searched the offices of the Turkish cultural association.", "090", "DEU", "TUR"),
    ("Spanish prosecutors search the home of the Catalan leader.", "090", "ESP", None),
    ("The UN will send an investigative team to Myanmar.", "090", None, "MMR"),
    # 10 / 11: demanding or calling for sanctions or punishment against someone rallies others against them (113)
    ("The United States demanded sanctions against Venezuela.", "113", "USA", "VEN"),
    ("Britain calls for sanctions against Belarus.", "113", "GBR", "BLR"),
    ("Canada called for the punishment of the Iranian officials responsible.", "113", "CAN", "IRN"),
    # 11 objecting to plans and decisions (110); bringing to trial (115)
    ("The Turkish government challenged the American plan.", "110", "TUR", "USA"),
    ("Greece is disputing the Turkish decision.", "110", "GRC", "TUR"),
    ("The Rwandan authorities put the Congolese rebel leader on trial.", "115", "RWA", "COD"),
    ("Iran is filing a case against Canada at the World Court.", "115", "IRN", "CAN"),  # the defendant, not the court
    ("The Indian opposition leader launched a bitter attack on the Pakistani prime minister.", "111", "IND", "PAK"),
    # 12 a cancelled or postponed visit is a refusal to meet (PLOVER: "Cancellation of meetings are REJECT")
    ("The Japanese prime minister cancelled his visit to South Korea.", "125", "JPN", "KOR"),
    ("The Chinese premier has postponed his trip to India.", "125", "CHN", "IND"),
    ("North Korea turned down talks with Seoul.", "125", "PRK", "KOR"),
    ("Hamas turned down the Egyptian proposal.", "127", None, "EGY"),
    # 14 boycotted proceedings
    ("The Kenyan opposition boycotted the runoff.", "143", "KEN", None),
    ("Kenyan nurses held a sit-in at the health ministry.", "141", "KEN", "KEN"),  # "sit - in" as the tokenizer splits it
    # 16 suspended visits reduce relations
    ("Japan suspended ministerial visits to China.", "161", "JPN", "CHN"),
    ("The Egyptian government will suspend flights to Qatar.", "131", "EGY", "QAT"),  # future: a threat
    ("Saudi Arabia suspended all flights to Qatar.", "160", "SAU", "QAT"),
    ("The United States withdrew from the nuclear deal with Iran.", "160", "USA", "IRN"),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_vocab_gaps_04_16_codes_its_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence), igo=False)
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize(("sentence", "not_code"), [
    ("Egypt joined the African Union in 1963.", "040"),  # joining an organisation is no meeting
    ("The French company's accountants audited its Brazilian unit.", "090"),  # a company's audit is no inquiry
    ("The regulators hoped to eliminate audits by unqualified accounting firms.", "090"),  # an audit of no one named
    ("Rescue teams searched the houses in the Turkish village.", "090"),  # a search by no investigator
    ("The Italian company cancelled a planned visit to the Spanish plant.", "125"),  # companies do not meet states
    ("The Indian opposition contested the election in Kerala.", "110"),  # running in an election is no objection
    ("Lufthansa suspended its flights to Germany because of the storm.", "16"),  # an airline's flights, not a state's
    ("Kurdish rebels launched a fierce attack on the Turkish army base.", "111"),  # an attack by force
    ("The Swiss company withdrew from the merger agreement with the Dutch firm.", "160"),  # a company's deal
    ("Two Japanese firms shook hands on the deal.", "040"),  # a handshake with no one named
])
def test_vocab_gaps_04_16_words_need_their_objects_and_actors(code, sentence: str, not_code: str):
    events = coded(code(sentence), igo=False)
    assert not [c for c, _, _ in events if c.startswith(not_code)], events


def test_vocab_gaps_04_16_a_demand_to_lift_sanctions_is_no_call_for_punishment(code):
    events = coded(code("Cuba demanded the lifting of the American embargo."), igo=False)
    assert any(c == "1054" for c, _, _ in events) and not any(c == "113" for c, _, _ in events), events
