"""Vocabulary of CAMEO roots 01-09 (accord/data/verbs/01_*.yaml … 09_*.yaml): one sentence of our own per code.

Each case names the CAMEO code (or prefix) the sentence must yield and who must do it to whom: an ISO3
country, "IGO" for an international organisation, or None where the sentence names no one to check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from vocab_fixture import coded, yields

from accord import yamlio
from accord.events import VerbDictionary

pytestmark = pytest.mark.model

VERBS = Path(__file__).resolve().parent.parent / "accord" / "data" / "verbs"
MINE = sorted(VERBS.glob("0[1-9]_*.yaml"))

CASES = [
    # 01 statements
    ('The Iranian government refused comment on the report.', '011', 'IRN', None),
    ("The German government voiced concern over Russia's troop movements.", '012', 'DEU', None),
    ('The Indian Prime Minister expressed optimism about the talks with Pakistan.', '013', 'IND', None),
    ('The Japanese government is weighing options for sanctions on North Korea.', '014', 'JPN', None),
    ('Iran took responsibility for the downing of the airliner.', '015', 'IRN', None),
    ('The French President offered condolences to Turkey after the earthquake.', '016', 'FRA', 'TUR'),
    ('The Russian President laid a wreath at the memorial in Minsk.', '017', 'RUS', None),
    ("Russia shares China's concerns.", '018', 'RUS', 'CHN'),
    # 02 appeals
    ('Lebanon beseeched France to intervene.', '020', 'LBN', 'FRA'),
    ('Egypt sought investment from China.', '021', 'EGY', 'CHN'),
    ('Turkey requested the extradition of two suspects from Sweden.', '0213', 'TUR', None),
    ('Sweden asked Turkey for information on the suspects.', '0214', 'SWE', 'TUR'),
    ('Peru sought the support of Chile for its candidate.', '022', 'PER', 'CHL'),
    ('Haiti appealed to Canada for aid.', '023', 'HTI', 'CAN'),
    ('Latvia asked Sweden for ammunition.', '0232', 'LVA', 'SWE'),
    ('Pakistan sought a loan from China.', '0231', 'PAK', 'CHN'),
    ('Thousands of Syrians sought asylum in Germany.', '0233', 'SYR', 'DEU'),
    ('Kenya requested peacekeepers from the African Union.', '0234', 'KEN', 'IGO'),
    ('Britain called for reforms in Zimbabwe.', '024', 'GBR', None),
    ('The United States called for the resignation of the Bolivian President.', '0241', 'USA', 'BOL'),
    ('Britain called for a rethink of the Israeli settlement policy.', '0242', 'GBR', None),
    ('Sweden called for autonomy for the Kurds.', '0243', 'SWE', None),
    ('Nigerian students pressed for democracy.', '0244', 'NGA', None),
    ('The United Nations urged restraint from India and Pakistan.', '025', 'IGO', 'IND'),
    ('Norway called for talks between Colombia and Venezuela.', '026', 'NOR', 'COL'),
    ('Qatar called for a settlement between Israel and Hamas.', '027', 'QAT', 'ISR'),
    ('Sudan sought mediation from Ethiopia.', '028', 'SDN', None),
    # 03 intents
    ('Iran accepted the Iraqi proposal.', '030', 'IRN', 'IRQ'),
    ('Germany pledged backing for Ukraine.', '032', 'DEU', 'UKR'),
    ('The Nigerian President promised elections in Nigeria next year.', '034', 'NGA', None),
    ('The Haitian Prime Minister vowed resignation by Friday.', '0341', 'HTI', None),
    ('The Iranian President accepted an invitation to visit China.', '036', 'IRN', None),
    ('Ethiopia sought peace with Eritrea.', '037', 'ETH', 'ERI'),
    ('Ethiopia accepted Kenyan mediation.', '038', 'ETH', 'KEN'),
    ('Turkey offered its good offices to Russia and Ukraine.', '039', 'TUR', 'RUS'),
    # 04 consult
    ('The Iranian President had lunch with the French President.', '040', 'IRN', 'FRA'),
    ('Indian and Chinese foreign ministers exchanged views on the border dispute.', '040', 'IND', 'CHN'),
    ('The Indian Prime Minister spoke by telephone with the Pakistani Prime Minister.', '041', 'IND', 'PAK'),
    ('The Iranian President received a phone call from the French President.', '041', 'IRN', 'FRA'),
    ('The Iranian Foreign Minister paid a visit to Iraq.', '042', 'IRN', 'IRQ'),
    ('The Chinese President hosted a dinner for the Russian President.', '043', 'CHN', 'RUS'),
    ('Kenya and Uganda convened in Geneva.', '044', 'KEN', 'UGA'),
    ('Egypt launched a mediation effort between Israel and Hamas.', '045', 'EGY', 'ISR'),
    ('Iran and Iraq entered into negotiations over the border.', '046', 'IRN', 'IRQ'),
    # 05 diplomatic cooperation
    ('Turkey mended fences with Armenia.', '050', 'TUR', 'ARM'),
    ('Kosovo awarded a medal to the American ambassador.', '051', 'XKX', 'USA'),
    ('Russia stood by Syria.', '052', 'RUS', 'SYR'),
    ('France garnered support for Lebanon.', '053', 'FRA', 'LBN'),
    ('Israel opened an embassy in Bahrain.', '054', 'ISR', 'BHR'),
    ('Russia extended recognition to Abkhazia.', '054', 'RUS', None),
    ('Japan issued an apology to South Korea.', '055', 'JPN', 'KOR'),
    ('Egypt and Jordan entered into an agreement on gas.', '057', 'EGY', 'JOR'),
    # 06 material cooperation
    ('Vietnam opened its markets to Japan.', '061', 'VNM', 'JPN'),
    ('Jordan held joint exercises with the United States.', '062', 'JOR', 'USA'),
    ('Pakistan handed over two suspects to Iran.', '063', 'PAK', 'IRN'),
    ('Britain shared information with France.', '064', 'GBR', 'FRA'),
    # 07 aid
    ('Japan contributed aid to Bangladesh.', '070', 'JPN', 'BGD'),
    ('France cancelled the debt of Senegal.', '071', 'FRA', 'SEN'),
    ('The IMF approved a bailout for Greece.', '071', 'IGO', 'GRC'),
    ('Germany contributed funds to Iraq.', '071', 'DEU', 'IRQ'),
    ('The United States supplied helicopters to Colombia.', '072', 'USA', 'COL'),
    ('India evacuated its citizens from Ukraine.', '073', 'IND', None),
    ('Japan deployed peacekeepers to South Sudan.', '074', 'JPN', 'SSD'),
    ('Ecuador granted sanctuary to the Swedish journalist.', '075', 'ECU', 'SWE'),
    # 08 yield
    ('Pakistan bowed to India.', '080', 'PAK', 'IND'),
    ('Pakistan gave the United States permission to use its airspace.', '080', 'PAK', 'USA'),
    ('The Egyptian government repealed the restrictions on Gaza.', '081', 'EGY', None),
    ('The Chinese government lifted censorship of foreign newspapers.', '0811', 'CHN', None),
    ('The Kenyan government legalized the opposition party.', '0812', 'KEN', None),
    ('Indian police curtailed the curfew in Kashmir.', '0813', 'IND', None),
    ('The Thai government terminated the state of emergency.', '0814', 'THA', None),
    ('Iranian workers ended their strike.', '082', 'IRN', None),
    ('The Peruvian President stepped aside.', '0831', 'PER', None),
    ('The French government scrapped its pension plan.', '0832', 'FRA', None),
    ('Iraq granted autonomy to the Kurds.', '0833', 'IRQ', None),
    ('The Chilean government restored democracy.', '0834', 'CHL', None),
    ('Kenya completed the handover of three suspects to Uganda.', '084', 'KEN', 'UGA'),
    ('Iran freed the British tourists.', '0841', 'IRN', 'GBR'),
    ('The Philippine President pardoned the former president.', '0841', 'PHL', None),
    ('Iraq returned the Kuwaiti archives to Kuwait.', '0842', 'IRQ', 'KWT'),
    ('The United States returned the stolen sculptures to Italy.', '0842', 'USA', 'ITA'),
    ('The Libyan army released the Turkish ship.', '0842', 'LBY', 'TUR'),
    ('The European Union unblocked Afghan assets.', '085', 'IGO', 'AFG'),
    ('Syria granted access to the Red Cross.', '086', 'SYR', None),
    ('Lebanon welcomed peacekeepers from Ireland.', '0861', 'LBN', None),
    ('Iran admitted inspectors from the IAEA.', '0862', 'IRN', 'IGO'),
    ('Ethiopia opened humanitarian corridors to Tigray.', '0863', 'ETH', None),
    ('Israel halted air strikes on Gaza.', '087', 'ISR', None),
    ('Armenia and Azerbaijan restored the ceasefire.', '0871', 'ARM', None),
    ('The Sudanese President declared a cessation of hostilities.', '0871', 'SDN', None),
    ('Qatar reopened its airspace to Saudi Arabia.', '0872', 'QAT', 'SAU'),
    ('Colombian rebels laid down their weapons.', '0873', 'COL', None),
    ('Russia is drawing down its troops.', '0874', 'RUS', None),
    # 09 investigate
    ('Kenyan police looked into the complaints against the Kenyan Army.', '090', 'KEN', 'KEN'),
    ('French prosecutors investigated corruption in Gabon.', '091', 'FRA', None),
    ('The United Nations probed torture in Syria.', '092', 'IGO', None),
    ('The United Nations investigated the airstrike on Yemen.', '093', 'IGO', None),
    ('The International Criminal Court probed atrocities in Sudan.', '094', 'IGO', None),
]


@pytest.mark.parametrize(("sentence", "cameo", "source", "target"), CASES, ids=[c[1] + ":" + c[0][:40] for c in CASES])
def test_vocabulary_01_09_codes_its_sentence(code, sentence: str, cameo: str, source: str | None, target: str | None):
    events = coded(code(sentence))
    assert yields(events, cameo, source, target), events


@pytest.mark.parametrize("sentence", [
    "The company accepted the takeover offer from its rival.",  # companies accept offers; states accept proposals
    "Nissan is studying the possibility of setting up a finance company.",  # no policy option of a state
    "Citibank wrote off its loans to Brazil.",  # a bank's write-off is no debt relief
    "Boeing sold ten aircraft to Japan Airlines.",  # a sale, not military aid
    "The company scrapped its plan to build a plant in Texas.",  # no policy reversal
    "Exxon entered into an agreement with Mobil on pipelines.",  # a contract, not a treaty
    "The company sought financing from its banks.",  # no appeal for economic aid
    "The firm shared information with its auditors.",  # no intelligence sharing
    "The United States shipped wheat to the Soviet Union.",  # grain is trade, not humanitarian aid
    "Turkey halted the march in Istanbul.",  # a state stopping a march ends no dissent of its own
])
def test_vocabulary_01_09_business_words_are_not_state_acts(code, sentence: str):
    assert not [e for e in code(sentence).events if "01" <= e.cameo[:2] <= "09"], coded(code(sentence))


def test_vocabulary_01_09_covers_every_root_and_names_its_source():
    codes = set()
    for path in MINE:
        data = yamlio.load(path.read_text(encoding="utf-8"))
        assert data.get("source"), f"{path.name} names no source"
        codes |= {str(e["code"])[:2] for kind in ("verbs", "nouns") for e in data.get(kind) or []}
    assert codes == {f"0{r}" for r in range(1, 10)}


def test_vocabulary_01_09_cases_cover_every_code_the_files_name():
    named = set()
    for path in MINE:
        data = yamlio.load(path.read_text(encoding="utf-8"))
        named |= {str(e["code"]) for kind in ("verbs", "nouns") for e in data.get(kind) or []}
    assert named <= {c[1] for c in CASES}


def test_vocabulary_01_09_entries_load_into_the_dictionary():
    verbs = VerbDictionary.load()
    assert any(p.code == "0873" and p.particle == "down" for p in verbs.verbs["lay"])
    assert any(p.code == "0233" for p in verbs.verbs["seek"])
    assert any(p.code == "045" for p in verbs.nouns["effort"])
