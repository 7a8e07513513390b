"""Vocabulary of CAMEO roots 10-20 (accord/data/verbs/1*_*.yaml, 20_*.yaml): one sentence of our own per code.

Each case names the CAMEO code (or prefix) the sentence must yield, and the source's and target's
country (None: not checked). Where the dictionary can only reach a code's parent, the case says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from vocab_fixture import coded, yields

from accord import yamlio
from accord.events import VerbDictionary

pytestmark = pytest.mark.model

VERBS = Path(__file__).resolve().parent.parent / "accord" / "data" / "verbs"
MINE = sorted([*VERBS.glob("1[0-9]_*.yaml"), *VERBS.glob("20_*.yaml")])

CASES = [
    # 10
    ("Ghana demanded trade with Nigeria.", "1011", "GHA", "NGA"),
    ("Poland demanded bases from the United States.", "1012", "POL", "USA"),
    ("Iran demanded the extradition of the two suspects from Turkey.", "1013", "IRN", None),
    ("Pakistan demanded information from India about the missing pilots.", "1014", "PAK", "IND"),
    ("Pakistan demanded an apology from India.", "102", "PAK", "IND"),
    ("Ukraine demanded aid from Germany.", "103", "UKR", "DEU"),
    ("Iraq demanded compensation from Kuwait.", "1031", "IRQ", "KWT"),
    ("Ukraine demanded weapons from Germany.", "1032", "UKR", "DEU"),
    ("The Afghan refugees demanded asylum from Pakistan.", "103", "AFG", None),
    ("Bosnia demanded protection from NATO.", "1034", "BIH", None),
    ("The Kenyan opposition demanded the resignation of the Kenyan president.", "1041", "KEN", "KEN"),
    ("Indian farmers demanded reforms from the Indian government.", "1042", "IND", "IND"),
    ("Kurdish leaders demanded rights from the Turkish government.", "1043", None, "TUR"),
    ("Catalan leaders demanded independence from the Spanish government.", "1044", None, "ESP"),
    ("Iraq demanded concessions from Iran.", "105", "IRQ", "IRN"),
    ("Pakistan demanded the lifting of the curfew in Kashmir.", "1051", "PAK", None),
    ("Lebanon demanded the return of its prisoners from Israel.", "1053", "LBN", "ISR"),
    ("Cuba demanded the lifting of the American embargo.", "1054", "CUB", "USA"),
    ("The United Nations demanded access to the camps in Myanmar.", "1055", None, None),
    ("Syria demanded the withdrawal of Israeli troops.", "1056", "SYR", "ISR"),
    ("Russia demanded talks with Ukraine.", "106", "RUS", "UKR"),
    ("The United Nations demanded a settlement between Armenia and Azerbaijan.", "107", None, "ARM"),
    ("Ethiopia demanded mediation from the African Union.", "108", "ETH", None),
    ("France expressed anger at Italy over the decision.", "110", "FRA", "ITA"),
    ("Mexico objected to the American wall.", "110", "MEX", "USA"),
    ("China rapped Japan over the textbook.", "111", "CHN", "JPN"),
    ("Iran hit out at Saudi Arabia on Monday.", "111", "IRN", "SAU"),
    ("Iran levelled accusations against Israel.", "112", "IRN", "ISR"),
    ("The United States accused Russia of corruption.", "1121", "USA", "RUS"),
    ("Amnesty accused Egypt of torture.", "1122", None, "EGY"),
    ("India accused Pakistan of aggression.", "1123", "IND", "PAK"),
    ("Bosnia accused Serbia of genocide.", "1124", "BIH", "SRB"),
    ("Israel accused Iran of espionage.", "1125", "ISR", "IRN"),
    ("Iran mobilised resistance against Israel.", "113", "IRN", "ISR"),
    ("Britain lodged a formal protest with Argentina.", "114", "GBR", "ARG"),
    ("Japan summoned the Chinese ambassador.", "114", "JPN", "CHN"),
    ("Iran filed a lawsuit against the United States.", "115", "IRN", "USA"),
    ("The Afghan government disputed the results of the U.N. report.", "110", "AFG", None),
    ("A French court convicted the Libyan government.", "116", "FRA", "LBY"),
    # 12
    ("Egypt turned down the offer from Israel.", "120", "EGY", "ISR"),
    ("The United States reneged on the nuclear accord with Iran.", "120", "USA", "IRN"),
    ("Germany rejected the alliance with Russia.", "1212", "DEU", "RUS"),
    ("Russia rejected the extradition of the suspects to Britain.", "1213", "RUS", "GBR"),
    ("Germany rejected a loan to Greece.", "1221", "DEU", "GRC"),
    ("Germany rejected weapons for Ukraine.", "1222", "DEU", "UKR"),
    ("Hungary refused asylum to the Syrian refugees.", "122", "HUN", "SYR"),
    ("The Venezuelan president rejected the resignation demanded by the United States.", "123", "VEN", None),
    ("Myanmar denied rights to the Rohingya of Myanmar.", "1233", "MMR", None),
    ("Spain rejected independence for Catalonia.", "1234", "ESP", None),
    ("China rejected reforms demanded by Britain.", "123", "CHN", None),
    ("Iraq rejected concessions to Iran.", "124", "IRQ", "IRN"),
    ("Iraq barred United Nations inspectors.", "1245", "IRQ", None),
    ("Israel rejected the truce with Hamas.", "1246", "ISR", "PSE"),
    ("North Korea rejected talks with South Korea.", "125", "PRK", "KOR"),
    ("Israel rejected mediation by Egypt.", "126", "ISR", None),
    ("Iran rejected the peace plan of the United Nations.", "127", "IRN", None),
    ("Iran defied United Nations sanctions.", "128", "IRN", None),
    ("Russia vetoed the resolution against Syria.", "129", "RUS", "SYR"),
    ("Russia blocked the resolution on Syria.", "129", "RUS", "SYR"),
    # 13
    ("Iran threatened Israel with nuclear annihilation.", "1385", "IRN", "ISR"),
    ("Turkey threatened Syria with a blockade.", "1381", "TUR", "SYR"),
    ("Iraq threatened Kuwait with invasion.", "1382", "IRQ", "KWT"),
    ("Hamas threatened Israel with suicide bombings.", "1383", None, "ISR"),
    ("Russia threatened Ukraine with air raids.", "1384", "RUS", "UKR"),
    ("Russia warned Ukraine of military retaliation.", "138", "RUS", "UKR"),
    ("Hamas vowed revenge against Israel.", "138", None, "ISR"),
    ("The United States threatened Egypt with an aid cutoff.", "1311", "USA", "EGY"),
    ("The United States threatened China with sanctions.", "1312", "USA", "CHN"),
    ("Iran threatened Britain with a rupture.", "1313", "IRN", "GBR"),
    ("The Turkish government threatened Turkish newspapers with closure.", "1321", "TUR", "TUR"),
    ("The Indian government threatened Kashmir with a curfew.", "1323", "IND", None),
    ("The Thai army threatened martial law.", "1324", "THA", None),
    ("Kenyan students threatened the Kenyan government with protests.", "133", "KEN", "KEN"),
    ("Sudan threatened the United Nations with expulsion.", "136", "SDN", None),
    ("The Kenyan president threatened Kenyan journalists with prosecution.", "137", "KEN", "KEN"),
    ("Iran threatened Iraq with countermeasures.", "131", "IRN", "IRQ"),
    ("Egypt gave Libya an ultimatum.", "139", "EGY", "LBY"),
    ("The Philippine government gave Canada a deadline to remove the waste.", "139", "PHL", "CAN"),
    # 14
    ("Thousands of Kenyan students took to the streets against the government.", "141", "KEN", "KEN"),
    ("Kenyan students joined the protest against the Kenyan government.", "141", "KEN", "KEN"),
    ("Iranian prisoners staged a hunger strike.", "142", "IRN", "IRN"),
    ("Indian farmers went on strike on Monday.", "143", "IND", "IND"),
    ("Three thousand Indian workers stopped work on Monday.", "143", "IND", None),
    ("South Korean opposition parties boycotted the election.", "143", "KOR", "KOR"),
    ("Thai protesters occupied the airport.", "144", "THA", "THA"),
    ("Protesters in Kenya clashed with police.", "145", "KEN", "KEN"),
    ("Palestinian youths threw stones at Israeli soldiers.", "145", "PSE", "ISR"),
    # 15
    ("Russia mounted a show of force against Ukraine.", "150", "RUS", "UKR"),
    ("North Korea tested a ballistic missile.", "150", "PRK", None),
    ("The Indian government put the police on alert.", "15", "IND", None),
    ("Russia put its forces on high alert.", "152", "RUS", None),
    ("Indian police deployed riot police in Kashmir.", "153", "IND", None),
    ("Guatemala mobilized police and military to the area.", "153", "GTM", None),
    ("China massed troops on the border with Vietnam.", "154", "CHN", "VNM"),
    ("Iraq called up its reservists.", "154", "IRQ", None),
    # 16
    ("Iran suspended its cooperation with the IAEA.", "160", "IRN", None),
    ("Ghana closed its embassy in Libya.", "161", "GHA", "LBY"),
    ("Kenya recalls envoy to Uganda.", "161", "KEN", "UGA"),
    ("The United States suspended arms deliveries to Pakistan.", "162", "USA", "PAK"),
    ("The World Bank froze a grant to Uganda.", "1621", None, "UGA"),
    ("Britain halted arms to Israel.", "1622", "GBR", "ISR"),
    ("The United States suspended humanitarian supplies to Yemen.", "162", "USA", "YEM"),
    ("The United States froze Iranian assets.", "163", "USA", "IRN"),
    ("The European Union imposed a travel ban on three Belarusian ministers.", "163", None, "BLR"),
    ("Japan banned imports of Chinese goods.", "163", "JPN", "CHN"),
    ("Iran broke off talks with Iraq.", "164", "IRN", "IRQ"),
    ("Qatar withdrew from its mediation between Israel and Hamas.", "165", "QAT", None),
    ("The Malian government kicked out French peacekeepers.", "1661", "MLI", "FRA"),
    ("Iraq kicked out United Nations inspectors.", "1662", "IRQ", None),
    ("Sudan kicked out foreign aid agencies from Darfur.", "1663", "SDN", None),
    # 17
    ("Chinese police harassed Tibetan activists.", "170", "CHN", "CHN"),
    ("Israeli forces seized Palestinian land in the West Bank.", "1711", "ISR", "PSE"),
    ("Israeli forces demolished Palestinian homes in Hebron.", "1712", "ISR", "PSE"),
    ("Turkish authorities banned Kurdish newspapers.", "1721", "TUR", "TUR"),
    ("Thai courts banned the opposition party.", "1722", "THA", "THA"),
    ("Egyptian authorities imposed a curfew in Cairo.", "1723", "EGY", "EGY"),
    ("Pakistan declared a state of emergency.", "1724", "PAK", None),
    ("The Thai government declared a state of siege in the south.", "1724", "THA", None),
    ("Police in Japan issued an arrest warrant for the Chinese actor.", "173", "JPN", "CHN"),
    ("Indian police took Kashmiri protesters into custody.", "173", "IND", None),
    ("Zimbabwe deported British journalists.", "174", "ZWE", "GBR"),
    ("Egyptian police fired tear gas at protesters.", "175", "EGY", "EGY"),
    ("Indian police broke up the demonstration.", "175", "IND", None),
    # 18
    ("Iraqi militants carried out a terrorist attack on Iraqi police.", "180", "IRQ", "IRQ"),
    ("Hezbollah took two Israeli soldiers hostage.", "181", "LBN", "ISR"),
    ("Indonesian soldiers beat Papuan students.", "182", "IDN", None),
    ("Iraqi soldiers sexually assaulted Kuwaiti women.", "1821", "IRQ", "KWT"),
    ("Syrian guards subjected prisoners to torture.", "1822", "SYR", None),
    ("Afghan militants beheaded a Pakistani soldier.", "1823", "AFG", "PAK"),
    ("Iraqi militants planted a bomb near an Iraqi police station.", "183", "IRQ", None),
    ("A suicide bomber blew himself up near Iraqi police.", "1831", None, None),
    ("Militants detonated a car bomb near an Iraqi police station.", "1832", None, "IRQ"),
    ("Afghan militants planted a roadside bomb near a Pakistani convoy.", "1833", "AFG", None),
    ("Hamas used Palestinian civilians as human shields.", "184", None, "PSE"),
    ("Pakistani militants made an assassination attempt on the Pakistani president.", "185", "PAK", "PAK"),
    ("Israeli troops carried out a targeted killing of the Hamas leader.", "186", "ISR", None),
    # 19
    ("Iraqi jets hit Iranian positions.", "190", "IRQ", "IRN"),
    ("Indian and Pakistani troops exchanged fire.", "190", "IND", "PAK"),
    ("Israel's air force carried out strikes against Hamas targets in Gaza.", "190", "ISR", "PSE"),
    ("Israel has launched cyber warfare against Iran.", "170", "ISR", "IRN"),  # PLOVER COERCE, mode cyber
    ("Israeli troops besieged the town.", "191", "ISR", None),
    ("Iraq closed its border with Syria.", "191", "IRQ", "SYR"),
    ("Turkish troops entered the Syrian town of Afrin.", "192", "TUR", "SYR"),
    ("Israeli soldiers shot three Palestinians.", "193", "ISR", "PSE"),
    ("Syrian forces rained rockets on Lebanese villages.", "194", "SYR", "LBN"),
    ("Russian warplanes carried out air strikes on Syrian rebels.", "195", "RUS", "SYR"),
    ("Pakistan violated the ceasefire with India.", "196", "PAK", "IND"),
    # 20
    ("Serb forces committed atrocities against Bosnian Muslims.", "200", "SRB", "BIH"),
    ("Serb forces expelled Albanian villagers from Kosovo.", "201", "SRB", None),
    ("Serb forces committed genocide against Bosnian Muslims.", "202", "SRB", "BIH"),
    ("Serb forces carried out ethnic cleansing against Bosnian Muslims.", "203", "SRB", "BIH"),
    ("Iraq used chemical weapons against Iran.", "2041", "IRQ", "IRN"),
    ("The United States dropped an atomic bomb on Japan.", "2042", "USA", "JPN"),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_vocabulary_10_20_codes_its_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence), igo=False)
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize("sentence", [
    "The company hit its sales target for the year.",  # "hit" needs a military object
    "Shares of the bank rocketed after the report.",  # "rocket" needs an actor as object
    "Ford launched a new air service in Europe.",  # not an air strike
    "Japan uses nuclear power for a third of its electricity.",  # not a nuclear attack
    "The government announced emergency measures to support the banks.",  # no state of emergency
    "The company gave final approval to the merger.",  # no ultimatum
    "Iran followed suit on Monday.",  # "suit" is no lawsuit
    "The chairman was slated to speak at the meeting.",  # no criticism
    "China became a member of the bank, joining in March 1986.",  # the month is no march
    "The Malaysian plant uses rubber from Thailand.",  # no rubber bullets
    "In this case, the Japanese company will open a new plant.",  # no lawsuit
    "The Indian government put the new tax law into force.",  # no show of force
    "The company set a deadline for bids.",  # a deadline, not an ultimatum
    "Young men began military service in Israel.",  # no military operation
    "The Japanese factory stopped work on Monday.",  # a factory does not strike
])
def test_vocabulary_10_20_ambiguous_words_need_their_objects(code, sentence: str):
    assert not [e for e in code(sentence).events if "10" <= e.cameo[:2] <= "20"], coded(code(sentence), igo=False)


def test_vocabulary_10_20_a_boycott_of_parliament_is_a_protest_not_a_sanction(code):
    events = coded(code("Opposition parties in Japan held a parliamentary boycott on Monday."), igo=False)
    assert not [c for c, _, _ in events if c.startswith("163")], events


def test_vocabulary_10_20_covers_every_root_and_names_its_source():
    codes = set()
    for path in MINE:
        data = yamlio.load(path.read_text(encoding="utf-8"))
        assert data.get("source"), f"{path.name} names no source"
        codes |= {str(e["code"])[:2] for kind in ("verbs", "nouns") for e in data.get(kind) or []}
    assert codes == {str(r) for r in range(10, 21)}


def test_vocabulary_10_20_entries_load_into_the_dictionary():
    verbs = VerbDictionary.load()
    assert any(p.code == "2041" for p in verbs.verbs["use"])
    assert any(p.code == "1724" for p in verbs.verbs["proclaim"])
    assert any(p.code == "1661" for p in verbs.verbs["kick"])
