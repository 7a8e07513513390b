"""Vocabulary gaps of CAMEO roots 01-05 and 17-20 found on the PLOVER dev set (issue 12): one sentence of our
own per kind of sentence that had no event, the wrong PLOVER type or only the root's residual code.

Each case names the CAMEO code (or prefix) the sentence must yield and the source's and target's country
(None: not checked). The kinds, by the codebook or the PLOVER manual:
- support voiced or pledged is the support itself (CAMEO 051 "express support for"; PLOVER SUPPORT), not an
  expression of accord (018) or aid (070); a pledge to back someone later is an intent (032);
- cyber attacks and hacking are COERCE (PLOVER COERCE mode "cyber"), not military force;
- warrants, curfews and states of siege in a place (17); towns and markets struck or shelled (19); ground
  taken by force (192, not an arrest); people forced out of their homes en masse (201).
"""

from __future__ import annotations

import pytest
from vocab_fixture import coded, yields

pytestmark = pytest.mark.model

CASES = [
    # 05: support voiced, pledged, conveyed
    ("President Ruto voiced his strong support for President Museveni.", "051", "KEN", "UGA"),
    ("Canada pledged its full support for the Ukrainian government.", "051", "CAN", "UKR"),
    ("Japan pledged support for Kenya's efforts to end the dispute.", "051", "JPN", "KEN"),
    ("The Chilean president expressed solidarity with Argentina.", "051", "CHL", "ARG"),
    # 02: support and weapons asked for
    ("Kenya sought the support of Uganda for its bid.", "022", "KEN", "UGA"),
    ("Taiwan requested more weapons from the United States.", "0232", "TWN", "USA"),
    # 03: a promise of a later act of support stays an intent
    ("Germany pledged to support the French proposal.", "03", "DEU", None),
    ("Japan will pledge support for Kenya's efforts to end the dispute.", "032", "JPN", "KEN"),  # PLOVER: SUPPORT + future
    # 17: legal action, curfews and emergency rule where they apply
    ("A Lagos court issued a warrant against the former governor James Ibori.", "173", "NGA", None),
    ("The Thai army imposed a curfew in Yala.", "1723", "THA", "THA"),
    ("Ecuadorian authorities declared a state of siege in Ecuador on Friday.", "1724", "ECU", "ECU"),
    ("Indian authorities imposed prohibitory orders in Srinagar.", "1721", "IND", "IND"),
    ("Protesters burned down a police station in Minneapolis.", "1712", "USA", "USA"),
    ("The Sudanese government switched off mobile communications in Khartoum.", "1721", "SDN", "SDN"),
    ("The government shut down two opposition newspapers.", "1721", None, None),
    # 17: cyber attacks (PLOVER COERCE, mode cyber)
    ("Russian hackers hacked into the computers of the German parliament.", "170", "RUS", "DEU"),
    ("North Korea launched cyber attacks on South Korean banks.", "170", "PRK", "KOR"),
    ("The Chinese cyberattack on Taiwan's banks lasted two days.", "170", "CHN", "TWN"),
    # 19: places struck and shelled, ground taken
    ("Sudanese jets struck a market in Darfur.", "190", "SDN", "SDN"),
    ("Ethiopian government forces shelled the city of Mekelle.", "194", "ETH", "ETH"),
    ("Iraqi troops captured the mosque in Falluja.", "192", "IRQ", None),
    ("India conducted surgical strikes on Pakistan.", "190", "IND", "PAK"),
    ("The rebels waged guerrilla warfare against the Peruvian army.", "190", None, None),
    ("The Malian army took over Kidal.", "192", "MLI", None),
    ("The Iraqi army pushed Kurdish fighters out of the city.", "190", "IRQ", None),
    # 05: respect voiced is praise
    ("Fiji expressed deep respect for India's sovereignty.", "051", "FJI", "IND"),
    # 20: mass expulsion of people from their homes
    ("Burmese soldiers forced out 2,000 Rohingya villagers from their homes.", "201", "MMR", "MMR"),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_vocab_gaps_plover_codes_its_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence), igo=False)
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize(("sentence", "not_prefix"), [
    ("The company issued warrants to buy its shares.", "173"),  # equity warrants are against no one
    ("Iran waged cyber warfare against Israel.", "19"),  # cyber warfare is coercion, not military force
    ("Iraqi troops captured the mosque in Falluja.", "173"),  # a place taken, not a person arrested
    ("The earthquake struck the city of Kobe.", "19"),  # no one struck it
    ("The general strike hit the capital on Monday.", "19"),  # "hit" a town is no attack by itself
    ("Indian coal workers called off the strike.", "02"),  # a strike called off, not an appeal
    ("The president voiced support for the new tax plan.", "018"),  # support, not mere accord
    ("Vodafone took over the German company Mannesmann.", "19"),  # a takeover, no occupation
    ("The old factory burned down in 1998.", "17"),  # a fire, not an act against property
    ("The company shut down its television unit.", "17"),  # a business closing a unit censors no one
    ("Dockworkers called off the strike at the port of Santos.", "19"),  # a work stoppage, not an attack
])
def test_vocab_gaps_plover_ambiguous_words_keep_their_sense(code, sentence: str, not_prefix: str):
    assert not [e for e in code(sentence).events if e.cameo.startswith(not_prefix)], coded(code(sentence), igo=False)
