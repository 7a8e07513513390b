"""Vocabulary that coded the wrong type (issue 12): one sentence of our own per kind of construction that the
coder read as another CAMEO root than the codebook or the PLOVER manual gives it.

Each case names the CAMEO code (or prefix) the sentence must yield and the source's and target's country
("IGO" for an international organisation; None: not checked). The kinds:
- an extradition approved, ordered or authorised is judicial cooperation (CAMEO 063 "such as extraditions";
  PLOVER COOPERATE), not praise of a policy (051);
- being put under investigation, a hearing into someone's conduct, inspectors or investigators sent somewhere
  are inquiries (CAMEO 09; PLOVER ACCUSE, investigate: "any investigation ... judicial or political");
- an organisation, observers or peacekeepers forced out of a country are expelled (CAMEO 166, 1661-1663;
  PLOVER SANCTION, expel), not a craft or a person coerced (170);
- a news blackout imposed restricts access to information (CAMEO 1721; PLOVER COERCE, censor);
- training another's soldiers is military aid (CAMEO 062: "unilateral ... provisions of aid ... under 07"; PLOVER
  AID benefits the recipient), training together with them stays military cooperation (062);
- security stepped up and patrols ordered or intensified are police power increased (CAMEO 153; PLOVER MOBILIZE),
  not an order given to someone (100);
- websites, servers and computers attacked or breached are hacked (PLOVER COERCE, cyber: "security breaches,
  website attacks"), not struck by military force (190) nor a law defied (128);
- premises raided by the police, prosecutors or tax officers are searched (PLOVER COERCE, seize: "execute search,
  confiscate property, raid"; CAMEO 171), raids by armed groups and soldiers stay military force (190);
- refugees arriving in a country visit no one (CAMEO 042 is travel "for a meeting or other event").
"""

from __future__ import annotations

import pytest
from vocab_fixture import coded, yields

pytestmark = pytest.mark.model

CASES = [
    # 063: extraditions approved or authorised
    ("A Spanish court approved the extradition of a Russian businessman to the United States.", "063", "ESP", "RUS"),
    ("The Polish government authorised the extradition of two suspects to Germany.", "063", "POL", None),
    # 09: inquiries opened into someone, people put under investigation, inspectors sent
    ("French prosecutors put the former Gabonese minister under investigation.", "090", "FRA", "GAB"),
    ("Belgian magistrates will place the Congolese general under investigation.", "090", "BEL", "COD"),
    ("The Brazilian Senate began hearings into the president's handling of the pandemic.", "090", "BRA", "BRA"),
    ("The US Senate opened hearings into Russian interference in the election.", "090", "USA", "RUS"),
    ("The United Nations dispatched inspectors to Iraq.", "090", "IGO", "IRQ"),
    ("The African Union sent investigators to Darfur.", "090", "IGO", "SDN"),
    # 166: organisations and observers forced out of a country
    ("Rwanda forced the UN refugee agency out of the country.", "1663", "RWA", "IGO"),
    ("Burundi forced the UN human rights observers out of the country.", "1662", "BDI", "IGO"),
    # 1721: information blacked out
    ("The Ethiopian government imposed a news blackout on the fighting in Tigray.", "1721", "ETH", None),
    # 072 / 062: training someone's forces, training with them
    ("The British army trained Ukrainian soldiers.", "072", "GBR", "UKR"),
    ("The US military is training Afghan pilots.", "072", "USA", "AFG"),
    ("The French army trained with the Indian army in Rajasthan.", "062", "FRA", "IND"),
    # 153: police power increased
    ("Kenyan police stepped up patrols in Mombasa.", "153", "KEN", "KEN"),
    ("The Pakistani government ordered police patrols in Karachi.", "153", "PAK", None),
    ("Egyptian authorities stepped up security around churches in Cairo.", "153", "EGY", None),
    # 170: computers attacked
    ("Iranian hackers attacked Saudi government websites.", "170", "IRN", "SAU"),
    ("Chinese hackers breached the computers of the Indian defence ministry.", "170", "CHN", "IND"),
    ("Russian hackers targeted the email accounts of German lawmakers.", "170", "RUS", "DEU"),
    # 171: premises raided by state officials
    ("Russian police raided the homes of opposition activists.", "171", "RUS", "RUS"),
    ("Indian tax officials raided the offices of the BBC in Delhi.", "171", "IND", None),
    ("Gunmen raided homes in Zamfara state.", "190", None, "NGA"),
    # a trip is a visit
    ("The Kenyan president travelled to Uganda.", "042", "KEN", "UGA"),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_vocab_gaps_types_codes_its_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence))
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize(("sentence", "not_prefix"), [
    ("The court approved the merger of the two banks.", "063"),  # only an extradition is judicial cooperation
    ("The senator attended a hearing on the budget.", "09"),  # a hearing into no one is no inquiry
    ("The company sent inspectors to its factory in Ohio.", "09"),  # a firm's own inspectors investigate no one
    ("The insurer put the claim under investigation.", "09"),  # a claim, not an actor, put under it
    ("The utility imposed rolling blackouts across the city.", "17"),  # power cuts censor no one
    ("The French army trained with the Indian army in Rajasthan.", "07"),  # trained together: no aid
    ("The bank stepped up security at its branches.", "15"),  # a firm's guards are no police power
    ("The carmaker stepped up production in Mexico.", "15"),  # "step up" anything else is no show of force
    ("Iranian hackers attacked Saudi government websites.", "19"),  # hacking, no military force
    ("Chinese hackers breached the computers of the Indian defence ministry.", "12"),  # no law defied
    ("Thousands of Syrian refugees arrived in Greece.", "04"),  # fleeing, not visiting
])
def test_vocab_gaps_types_ambiguous_words_keep_their_sense(code, sentence: str, not_prefix: str):
    assert not [e for e in code(sentence).events if e.cameo.startswith(not_prefix)], coded(code(sentence))
