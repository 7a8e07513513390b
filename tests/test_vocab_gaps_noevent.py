"""Issue 12: sentences the coder found no event in at all, for want of a verb, an object word or a sector noun.

accord/data/verbs/08_yield.yaml (concessions, safe passage, mandates, withdrawn complaints, armed groups
disbanding), 11_disapprove.yaml (convictions handed down), 16_reduce_relations.yaml (observers ejected,
supplies cut off), 17_coerce.yaml (citizenship stripped, constitution suspended), 19_fight.yaml (military
operations launched against someone) and accord/data/sectors.yaml (investigators, home guards, cattle raiders,
goons): one sentence of our own per case, with the CAMEO code (or prefix) it must yield and who must do it to
whom (an ISO3 country, "IGO" for an international organisation, or None where the sentence names no one to
check).
"""

from __future__ import annotations

import pytest
from vocab_fixture import coded, yields

pytestmark = pytest.mark.model

CASES = [
    # CAMEO 080 yield: concessions made or granted to someone named
    ("Peru made concessions to the rebels.", "080", "PER", "PER"),
    ("The Nepalese government has granted concessions to the Maoist rebels.", "080", "NPL", None),
    # safe passage granted to someone named (080)
    ("The Syrian army gave safe passage to rebel fighters leaving Homs.", "080", "SYR", "SYR"),
    # a mandate given to someone, like consent or leave (080): to form a government, to negotiate
    ("The king gave the Thai prime minister a mandate to form a new cabinet.", None, None, "THA"),
    # a complaint withdrawn, like a demand or a claim (080); withdrawing it later is a promise to yield (035)
    ("Brazil withdrew its complaint against Argentina.", "080", "BRA", "ARG"),
    ("India will withdraw its complaint against China.", "035", "IND", None),
    # CAMEO 0873 demobilise: an armed group disbanding itself
    ("The rebels in Colombia formally disbanded.", "0873", "COL", None),
    ("The Kurdish militia in Iraq disbanded last year.", "0873", "IRQ", None),
    # CAMEO 1662 expel inspectors or observers: "eject" like "expel" and "evict"
    ("The president of Belarus ejected the international observers.", "1662", "BLR", None),
    # CAMEO 163 embargo: energy or goods cut off to a country named; threatened, 1312
    ("Algeria cut off gas supplies to Spain.", "163", "DZA", "ESP"),
    ("Russia halted gas deliveries to Moldova.", "163", "RUS", "MDA"),
    ("Russia will cut off gas supplies to Ukraine.", "1312", "RUS", "UKR"),
    # CAMEO 172 administrative sanctions: citizenship taken away
    ("Bahrain stripped 50 dissidents of their citizenship.", "172", "BHR", "BHR"),
    ("Kuwait revoked the citizenship of the opposition lawmaker.", "172", "KWT", "KWT"),
    # CAMEO 190: a military operation launched against someone named; announced for later, a threat (138)
    ("The Pakistani army launched an operation against the rebels in Waziristan.", "190", "PAK", "PAK"),
    ("Turkey says it will launch a new military operation against Kurdish fighters in Syria.", "138", "TUR", "SYR"),
    # CAMEO 1724: the constitution suspended by those who rule
    ("The army of Thailand suspended the constitution.", "1724", "THA", None),
    ("The Fijian military abrogated the constitution.", "1724", "FJI", None),
    # CAMEO 116 find guilty: a conviction or a guilty verdict handed down or returned against someone named
    ("The Czech Supreme Court handed down convictions against five former ministers.", "116", "CZE", "CZE"),
    ("A Kenyan court returned a guilty verdict against the opposition leader.", "116", "KEN", "KEN"),
    # sector nouns: federal investigators are police (064 share information with another)
    ("Federal investigators in Canada shared evidence with Mexico.", "064", "CAN", "MEX"),
    ("Federal investigators shared evidence with Mexico.", "064", None, "MEX"),
    # cattle raiders are an armed group (REB), like bandits and dacoits
    ("Cattle raiders killed 12 herders in South Sudan.", "19", "SSD", "SSD"),
    # goons and hooligans are civilians, as rioters are: their attack has a source
    ("Goons assaulted a journalist in West Bengal.", "19", "IND", "IND"),
    ("Hooligans attacked police in Moscow.", "19", "RUS", "RUS"),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_vocab_gaps_noevent_codes_its_sentence(code, sentence: str, cameo: str | None, source: str | None, target: str | None):
    events = coded(code(sentence))
    assert yields(events, cameo or "08", source, target), events


@pytest.mark.parametrize("sentence", [
    "The company made concessions to its creditors.",  # a firm's bargain, no political yield
    "The bank withdrew its complaint against the regulator.",  # a firm's complaint
    "The rock band disbanded in 1995.",  # no armed group
    "The club ejected two fans from the stadium.",  # no observers
    "Peru made concessions.",  # made to no one named
    "The utility cut off power supplies to 20,000 homes.",  # a utility's cut, to no one named
    "Saudi Arabia cut oil output by 500,000 barrels a day.",  # production, not a sanction
    "The company launched operations in Kenya.",  # a firm's business
    "The club suspended its constitution.",  # no ruler's act
    "The jury delivered a verdict on the case.",  # against no one named
    "Parliament allowed passage of the budget bill.",  # a bill passed, no one let through
])
def test_vocab_gaps_noevent_business_and_private_uses_are_nocoded(code, sentence: str):
    assert not [e for e in code(sentence).events if e.cameo[:2] in ("08", "11", "16", "17", "19")], coded(code(sentence))


def test_vocab_gaps_noevent_home_guards_are_armed_forces(code):
    # a village guard force is a security force (MIL), so a release of its members has a target
    events = coded(code("Tamil rebels in Sri Lanka released two homeguards."), igo=False)
    assert yields(events, "0841", "LKA", "LKA"), events
