"""Lower-cased and damaged text codes like clean text: the share of events that survive the damage.

Much regional news reaches accord lower-cased ("police arrested three men in pulwama on monday"), often
decoded with the wrong codec as well ("the minister’s" read as "the ministerâ€™s"). This benchmark codes
each of its own news sentences (written for accord: police arrests, killings, clashes, protests, bombings,
court actions, meetings, sanctions; South Asia, the Middle East, Africa, Latin America) as written,
lower-cased, and lower-cased with mojibake, and reports the share of the as-written events
(source code, CAMEO root, target code) that each damaged version reproduces, and the events only the
damaged version codes (a precision check).

    .venv/bin/python benchmarks/lowercase_parity.py                 # the sentences below
    .venv/bin/python benchmarks/lowercase_parity.py --plv 300       # + the first 300 PLV train sentences
    .venv/bin/python benchmarks/lowercase_parity.py --reuters 300   # + 300 Reuters articles lower-cased
    .venv/bin/python benchmarks/lowercase_parity.py --reuters 300 --reuters-offset 5000 --only reuters
                                                                    # a held-out slice: articles 5000-5299
    .venv/bin/python benchmarks/lowercase_parity.py --losses        # print every lost or added event

``--plv`` and ``--reuters`` read /work/shared (measurement only; skipped when absent).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SENTENCES = [
    # South Asia: police, courts, militants
    "Police arrested three men in Pulwama on Monday for sheltering militants.",
    "The Delhi Police arrested two suspected drug peddlers near Sarai Kale Khan on Tuesday.",
    "Gunmen killed four policemen at a checkpoint in Quetta on Friday.",
    "Maoists torched two trucks and a road roller in Dantewada district on Sunday.",
    "The CBI arrested a senior railway official in Kolkata on bribery charges.",
    "The Supreme Court of India ordered the Uttar Pradesh government to pay compensation to the victims.",
    "Pakistani troops killed six militants in a raid in North Waziristan, the army said.",
    "Protesters blocked the Srinagar-Jammu highway after a youth was killed in Anantnag.",
    "Security forces arrested a Lashkar-e-Taiba commander in Baramulla on Wednesday.",
    "A bomb exploded at a market in Peshawar, killing 11 people.",
    "Indian Prime Minister Narendra Modi met Bangladesh’s Prime Minister Sheikh Hasina in New Delhi.",
    "The Election Commission of India barred the candidate from campaigning for 72 hours.",
    "Students protested outside the vice chancellor’s office in Hyderabad on Thursday.",
    "The Mumbai police arrested a man for threatening to bomb the airport.",
    "Villagers attacked a forest guard in Sundargarh district and set his motorcycle on fire.",
    "The National Investigation Agency arrested four men in Kerala over the Coimbatore blast.",
    "A court in Lahore sentenced the former minister to seven years in prison for corruption.",
    "Sri Lankan police arrested 20 fishermen off the coast of Jaffna.",
    "The Nepal government banned the protest in Kathmandu.",
    "The Taliban executed two men in Ghazni province, residents said.",
    "Afghan forces killed 12 Taliban fighters in Helmand province on Saturday.",
    "The Enforcement Directorate raided the offices of a businessman in Chennai.",
    "The Karnataka High Court granted bail to the activist on Friday.",
    "Naxalites killed a village head in Gadchiroli district on Tuesday night.",
    "Border Security Force troops seized 12 kilograms of heroin near Amritsar.",
    "The Bangladesh government arrested opposition leaders ahead of the rally in Dhaka.",
    "The police lathicharged protesting farmers in Karnal on Saturday.",
    "Pakistan summoned the Indian envoy to protest the killing of civilians along the Line of Control.",
    "The Army killed two terrorists in an encounter in Shopian on Sunday.",
    "Police in Bihar arrested the husband for killing his wife over dowry.",
    # the Middle East
    "Israeli forces arrested 15 Palestinians in raids across the West Bank.",
    "Syrian government forces shelled rebel positions in Idlib on Thursday.",
    "Russian warplanes bombed a hospital in Idlib province, a monitoring group said.",
    "The US imposed sanctions on Iran’s oil minister on Monday.",
    "The EU condemned the attack on the mosque in Kabul.",
    "The UN Security Council condemned the attack on peacekeepers in Mali.",
    "US President Joe Biden met Saudi Crown Prince Mohammed bin Salman in Jeddah.",
    "Iraqi police arrested a senior Islamic State leader in Mosul.",
    "Houthi rebels fired a missile at Riyadh, the Saudi-led coalition said.",
    "A suicide bomber killed 30 people at a funeral in Baghdad.",
    "Turkish troops killed 10 Kurdish militants in northern Iraq.",
    "Lebanese protesters clashed with police outside parliament in Beirut.",
    "Egypt’s foreign minister met his Jordanian counterpart in Cairo on Sunday.",
    "Iran accused the United States of violating the nuclear deal.",
    "Israeli troops shot dead a Palestinian teenager near Nablus.",
    "A US-led coalition air strike killed eight civilians in Raqqa.",
    "Yemen’s government rejected the Houthi offer of a truce.",
    "The Iraqi parliament voted to expel US troops from the country.",
    "Kuwait expelled the Iranian ambassador on Wednesday.",
    "Hamas fired rockets at Israel from the Gaza Strip.",
    "Qatar hosted talks between the Taliban and US envoys in Doha.",
    "Jordanian police detained dozens of teachers during a protest in Amman.",
    "The Syrian army recaptured the town of Khan Sheikhoun from rebels.",
    "Bahrain sentenced 12 people to death for forming a terrorist cell.",
    "The EU extended its sanctions against Russia for six months.",
    "Saudi Arabia intercepted a drone launched by the Houthis over Jizan.",
    "Gunmen kidnapped three aid workers in Deir ez-Zor on Monday.",
    "The Turkish foreign minister visited Baghdad to discuss water rights.",
    "Iranian police arrested dozens of protesters in Tehran and Mashhad.",
    "Israel’s prime minister warned Hezbollah against attacking northern Israel.",
    # Africa
    "Boko Haram fighters killed 20 farmers near Maiduguri in Borno State.",
    "Kenyan police arrested 40 protesters in Nairobi on Tuesday.",
    "Gunmen abducted 30 students from a school in Zamfara State.",
    "Al-Shabaab militants attacked a military base in Lower Shabelle.",
    "The Ethiopian government accused the TPLF of attacking an army base in Mekelle.",
    "Sudanese security forces fired tear gas at protesters in Khartoum.",
    "The African Union suspended Mali after the coup.",
    "Nigerian troops rescued 50 hostages in Kaduna State.",
    "Somali forces killed 15 al-Shabaab militants in Hiraan region.",
    "Ugandan police arrested the opposition leader Bobi Wine in Kampala.",
    "South Africa’s president met Zimbabwe’s president in Pretoria.",
    "Rebels killed 12 villagers in North Kivu province, the army said.",
    "The ICC issued an arrest warrant for the former Ivorian president.",
    "Cameroonian soldiers burned houses in the Anglophone region, residents said.",
    "Malian troops killed dozens of civilians in the central Mopti region.",
    "The government of Niger banned demonstrations in Niamey.",
    "Burkina Faso’s junta expelled the French ambassador.",
    "Egyptian police arrested a journalist in Alexandria on Sunday.",
    "Mozambican troops clashed with insurgents in Cabo Delgado province.",
    "The Libyan National Army shelled the airport in Tripoli.",
    "Tanzanian police arrested 10 opposition members in Dar es Salaam.",
    "Zimbabwean police beat protesters in Harare.",
    "Gunmen killed a priest in Enugu State on Saturday.",
    "The UN Security Council imposed an arms embargo on South Sudan.",
    "Ghana’s president visited Abidjan to meet his Ivorian counterpart.",
    "Rwanda accused Congo of shelling its territory.",
    "Police in Lagos arrested five suspected kidnappers.",
    "Sudan’s army and the Rapid Support Forces clashed in Darfur.",
    "The EU imposed sanctions on three Rwandan army commanders.",
    "Senegalese police detained the opposition leader in Dakar.",
    # Latin America
    "Colombian troops killed a FARC dissident commander in Cauca.",
    "Mexican police arrested the mayor of Iguala on Wednesday.",
    "Gunmen killed six people at a bar in Guanajuato state.",
    "Venezuelan security forces arrested an opposition lawmaker in Caracas.",
    "Brazilian police raided the home of the former president in Sao Paulo.",
    "Protesters clashed with police in Santiago over the rise in metro fares.",
    "The US imposed sanctions on Nicaraguan officials on Friday.",
    "Peruvian police arrested the former president in Lima.",
    "A car bomb exploded outside a police station in Cali, killing two officers.",
    "The Mexican army killed 13 suspected cartel gunmen in Michoacan.",
    "Bolivian police fired tear gas at protesters in La Paz.",
    "Ecuador declared a state of emergency in Guayaquil after a prison riot.",
    "Cuban authorities detained dozens of dissidents in Havana.",
    "The Honduran president met the US vice president in Tegucigalpa.",
    "Haitian gangs kidnapped 17 missionaries near Port-au-Prince.",
    "Argentina’s government expelled a Venezuelan diplomat.",
    "Guatemalan police arrested a former minister on corruption charges.",
    "Colombia’s president met the ELN negotiators in Havana.",
    "Chilean police arrested 30 students during a march in Valparaiso.",
    "Salvadoran soldiers detained hundreds of gang members in San Salvador.",
    # elsewhere
    "Russian forces shelled Kharkiv overnight, killing three civilians.",
    "Chinese police detained a Uighur scholar in Urumqi.",
    "Myanmar’s military killed 20 protesters in Mandalay.",
    "Philippine troops killed five Abu Sayyaf militants on Jolo island.",
    "Thai police arrested protest leaders in Bangkok.",
    "The EU leaders met in Brussels to discuss migration.",
    "NATO condemned the missile test by North Korea.",
    "US-led forces killed an Islamic State commander in Syria.",
    "The US president met the Indian prime minister in Washington.",
    "The UN envoy met Houthi leaders in Sanaa.",
    "Indonesian police arrested 12 suspected militants in Central Java.",
    "Ukrainian forces shot down 20 Russian drones over Kyiv.",
]

Triple = tuple[str, str, str]


def lower(text: str) -> str:
    return text.lower()


def mojibake(text: str) -> str:
    """Lower-cased and decoded with the wrong codec: UTF-8 bytes read as cp1252 ("’" → "â€™")."""
    return text.lower().encode("utf-8").decode("cp1252", errors="replace")


VARIANTS: dict[str, Callable[[str], str]] = {"lower": lower, "lower+mojibake": mojibake}


def triples(result) -> Counter[Triple]:
    return Counter(((e.source and e.source.code) or "-", e.cameo[:2], (e.target and e.target.code) or "-")
                   for e in result.events)


def parity(texts: list[str], code: Callable[[str], object], losses: bool = False) -> dict[str, dict[str, float]]:
    """For each variant: events as written, the share it reproduces, and the events only it codes."""
    cased = [triples(code(t)) for t in texts]
    out: dict[str, dict[str, float]] = {}
    total = sum(sum(c.values()) for c in cased)
    for name, damage in VARIANTS.items():
        kept = added = 0
        for t, c in zip(texts, cased, strict=True):
            d = triples(code(damage(t)))
            kept += sum((c & d).values())
            added += sum((d - c).values())
            if losses and (c - d or d - c):
                print(f"[{name}] {t}\n   lost {sorted((c - d).elements())}  added {sorted((d - c).elements())}")
        out[name] = {"events": total, "kept": kept, "parity": round(kept / total, 3) if total else 0.0,
                     "added": added}
    return out


def plv_sentences(n: int) -> list[str]:
    path = Path("/work/shared/gold/plv/PLV_train.tsv")
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [row["sentence"] for _, row in zip(range(n), csv.DictReader(f, delimiter="\t"), strict=False)]


def reuters_articles(n: int, offset: int = 0) -> list[str]:
    """``n`` Reuters articles with text, after the first ``offset`` ones (a held-out slice: ``offset=5000``)."""
    path = Path("/work/shared/corpora/reuters21578.jsonl.gz")
    if n <= 0 or not path.exists():
        return []
    out: list[str] = []
    skipped = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            if not text.strip():
                continue
            if skipped < offset:
                skipped += 1
                continue
            out.append(text)
            if len(out) >= n:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plv", type=int, default=0, help="also the first N PLV train sentences")
    ap.add_argument("--reuters", type=int, default=0, help="also the first N Reuters articles")
    ap.add_argument("--reuters-offset", type=int, default=0, metavar="K",
                    help="skip the first K Reuters articles (a held-out slice: --reuters 300 --reuters-offset 5000)")
    ap.add_argument("--only", choices=["own", "plv", "reuters"], help="only this set")
    ap.add_argument("--losses", action="store_true", help="print every lost or added event")
    args = ap.parse_args(argv)

    from accord.pipeline import Resources, process
    from accord.types import Article

    res = Resources.load()

    def code(text: str):
        return process(Article(id="t", text=text, date="2022-09-15"), res)

    sets = {"own": SENTENCES, "plv": plv_sentences(args.plv), "reuters": reuters_articles(args.reuters, args.reuters_offset)}
    for name, texts in sets.items():
        if not texts or (args.only and args.only != name):
            continue
        for variant, r in parity(texts, code, args.losses).items():
            print(f"{name:8} n={len(texts):4} {variant:15} events={r['events']:4.0f} kept={r['kept']:4.0f} "
                  f"parity={r['parity']:.3f} added={r['added']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
