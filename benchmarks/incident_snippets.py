"""Short incident reports of violence, ACLED-notes style: the events a careful coder expects from each.

Much of what reaches accord about violence is one or two sentences, dated first, often agentless and
often lower-cased ("On 3 March, two civilians were killed when unidentified gunmen opened fire on a bus
near Gao."). The snippets below were written for accord (places from the Sahel, Nigeria, the DRC, the Horn,
the Middle East, South Asia, South-East Asia and Latin America; perpetrators named, unnamed or
"suspected"; victims counted). Each lists the events expected: (source, CAMEO root(s), target), where an
actor is written as the start of its code — a country ("MLI"), a country and sector ("MLIMIL"), "-ROLE"
for a sector of any country, or None for "no requirement" (a source: anyone or the unidentified actor of
the place). A root written "18/19" accepts either: a killing or shooting is coded 18 (1823, 186) or 19 (190,
193) by who does it and how; a clash is one event, from its first-named side.

Recall is the share of expected events matched by a coded event (root alone, and root with both actors);
"extra" counts coded events of roots 17-20 that match no expected event (a precision check).
HELD_OUT snippets were written first and are scored apart (``--held-out``): nothing was tuned on them.

    .venv/bin/python benchmarks/incident_snippets.py             # tuning snippets
    .venv/bin/python benchmarks/incident_snippets.py --held-out  # the held-out snippets
    .venv/bin/python benchmarks/incident_snippets.py --held-out-2  # the second held-out snippets
    .venv/bin/python benchmarks/incident_snippets.py --misses    # print every miss and extra event
"""

from __future__ import annotations

import argparse
import sys

Expect = tuple[str | None, str, str | None]

HELD_OUT: list[tuple[str, list[Expect]]] = [
    ("On 4 June, unidentified gunmen on motorbikes killed five herders near Djibo.",
     [("BFA", "18/19", "BFA")]),
    ("Suspected ISWAP fighters ambushed a Nigerian army patrol near Damboa on Tuesday, killing four soldiers.",
     [("-REB", "18/19", "NGAMIL")]),
    ("On 9 October, an improvised explosive device went off near a market in Mogadishu, wounding six civilians.",
     [("SOM", "18", "SOM")]),
    ("Three farmers were shot dead by suspected Fulani militia in Bassa LGA of Plateau State.",
     [(None, "18/19", "NGA")]),
    ("Police used tear gas to disperse protesters in Khartoum on 30 June.",
     [("SDNCOP", "17", "SDN")]),
    ("On 15 February, M23 rebels shelled positions of the Congolese army near Sake, North Kivu.",
     [("-REB", "19", "CODMIL")]),
    ("A suicide bomber blew himself up outside a mosque in Peshawar, killing at least 30 worshippers.",
     [(None, "18", "PAK")]),
    ("armed men abducted 12 passengers from a bus on the highway near Zinder on sunday.",
     [(None, "18", "NER")]),
    ("Russian forces struck residential buildings in Kharkiv with missiles overnight, killing three civilians.",
     [("RUSMIL", "19/20", "UKR")]),
    ("On 21 August, an airstrike hit a house in Saada governorate, killing a family of six.",
     [(None, "18/19/20", "YEM")]),
    ("Gunmen attacked a police station in Mardan district; two policemen were killed.",
     [(None, "18/19", "PAKCOP")]),
    ("Myanmar military troops torched houses in a village in Sagaing Region on 12 March.",
     [("MMRMIL", "18/19/20", "MMR")]),
    ("the body of a community leader was found in cauca after he was abducted by farc dissidents.",
     [(None, "18", "COL")]),
    ("Clashes between the army and ELN guerrillas in Arauca left three soldiers dead.",
     [("COLMIL", "19", "-REB")]),
    ("Al-Shabaab claimed responsibility for a mortar attack on the presidential palace in Mogadishu.",
     [("-REB", "18/19", "SOM")]),
    ("On 2 May, Indian security forces killed two militants in an encounter in Kupwara.",
     [("INDMIL", "18/19", "-REB")]),
    ("Cartel gunmen killed a local police chief in Zacatecas on Saturday.",
     [("-REB", "18", "MEXCOP")]),
    ("A landmine planted by suspected JNIM militants killed three soldiers near Boni.",
     [(None, "18", "MLIMIL")]),
    ("RSF fighters looted the market and killed 20 villagers in El Geneina.",
     [("SDN", "18/19/20", "SDN")]),
    ("abu sayyaf gunmen kidnapped two fishermen off the coast of sulu on 8 april.",
     [("-REB", "18", "PHL")]),
]

# HELD_OUT_2: written before any change of the second incident pass; scored once at its start and once at
# its end (``--held-out-2``), never read for misses in between.
HELD_OUT_2: list[tuple[str, list[Expect]]] = [
    # the Sahel
    ("On 7 November, gunmen on motorcycles killed 11 villagers near Bankass in central Mali.",
     [(None, "18/19", "MLI")]),
    ("jihadists attacked an army base in Seytenga on saturday, killing six soldiers.",
     [(None, "18/19", "BFAMIL")]),
    ("Nigerien soldiers killed about 20 suspected jihadists in an operation near Tahoua.",
     [("NERMIL", "18/19", None)]),
    ("A roadside bomb killed two French soldiers near Menaka in 2019.", [(None, "18", "FRAMIL")]),
    ("Suspected Islamic State militants kidnapped a priest in the Tillaberi region on Monday.",
     [(None, "18", "NER")]),
    # Nigeria, Cameroon, Chad
    ("Bandits abducted 80 schoolchildren from a boarding school in Kebbi State on 17 June.",
     [(None, "18", "NGA")]),
    ("On 4 April, suspected herdsmen killed 23 people in attacks on three villages in Benue State.",
     [(None, "18/19", "NGA")]),
    ("Boko Haram insurgents overran a Chadian army base on the Lake Chad islands, killing 92 soldiers.",
     [("-REB", "18/19", "TCDMIL")]),
    ("ambazonian separatists set fire to a school in the northwest region of cameroon.",
     [("-REB", "18/19/20", "CMR")]),
    ("Nigerian Air Force jets bombed a camp of bandits in Zamfara State, killing dozens.",
     [("NGAMIL", "18/19/20", None)]),
    # DRC and the Great Lakes
    ("ADF rebels hacked to death 22 civilians in the village of Mamove near Beni.",
     [("-REB", "18/19/20", "COD")]),
    ("On 30 January, fighting between M23 and the FARDC forced thousands to flee near Kibumba.",
     [(None, "19", None)]),
    ("Unknown assailants shot dead a Red Cross volunteer in Bunia on Tuesday.", [(None, "18/19", "COD")]),
    ("Burundian soldiers fired on demonstrators in Bujumbura, killing three people.",
     [("BDIMIL", "18/19/20", "BDI")]),
    # Somalia, Ethiopia, Kenya
    ("Al-Shabaab fighters attacked a Kenyan police post in Mandera county, killing three officers.",
     [("-REB", "18/19", "KENCOP")]),
    ("A suicide car bomb exploded at a checkpoint in Mogadishu on 14 October 2017, killing over 500 people.",
     [(None, "18", "SOM")]),
    ("Ethiopian troops killed dozens of civilians in the town of Axum, witnesses said.",
     [("ETHMIL", "18/19/20", "ETH")]),
    ("gunmen ambushed a bus in Benishangul-Gumuz region, killing 34 passengers.", [(None, "18/19", "ETH")]),
    # Middle East
    ("Israeli aircraft struck a building in Gaza City overnight, killing four people.",
     [("ISRMIL", "19/20", None)]),
    ("Islamic State militants attacked an army checkpoint near Tikrit, killing three Iraqi soldiers.",
     [("-REB", "18/19", "IRQMIL")]),
    ("the houthis fired a ballistic missile at the saudi city of jizan, wounding two residents.",
     [("-REB", "19/20", "SAU")]),
    ("A car bomb exploded in a crowded market in Sadr City in 2016, killing 18 people.", [(None, "18", "IRQ")]),
    ("Syrian government helicopters dropped barrel bombs on a village in Daraa province.",
     [("SYR", "19/20", "SYR")]),
    # South Asia
    ("Baloch separatists attacked a Pakistani army convoy in Kech district, killing seven soldiers.",
     [("-REB", "18/19", "PAKMIL")]),
    ("On 13 May, an explosion at a mosque in Nangarhar province killed 12 worshippers.",
     [(None, "18", "AFG")]),
    ("Taliban gunmen shot dead two female judges in Kabul on Sunday.", [("AFG", "18/19", "AFG")]),
    ("naxals killed a village headman in bijapur district after accusing him of being a police informer.",
     [("-REB", "18/19", "IND")]),
    ("Police opened fire on protesters in Dhaka, killing at least five students.",
     [("BGDCOP", "18/19/20", "BGD")]),
    ("Militants hurled a grenade at a security forces bunker in Srinagar, injuring two troopers.",
     [("-REB", "18/19", "INDMIL")]),
    # South-East Asia
    ("Suspected insurgents detonated a bomb near a school in Narathiwat, wounding three rangers.",
     [(None, "18", "THA")]),
    ("Myanmar soldiers burned down more than 200 houses in Thantlang in Chin State.",
     [("MMRMIL", "18/19/20", "MMR")]),
    ("Gunmen believed to be NPA rebels killed a village chief in Negros Oriental.",
     [(None, "18/19", "PHL")]),
    ("On 28 March 2019, a bomb went off at a church in Jolo, killing 20 people.", [(None, "18", "PHL")]),
    # Latin America
    ("Sicarios killed a mayoral candidate at a campaign event in Guerrero on Thursday.",
     [(None, "18/19", "MEX")]),
    ("cartel hitmen opened fire on a family in Culiacan, killing a child.", [(None, "18/19", "MEX")]),
    ("Gang members burned a bus in San Pedro Sula after the driver refused to pay extortion.",
     [(None, "18/19/20", "HND")]),
    ("ELN rebels blew up a section of the Cano Limon-Covenas pipeline in Arauca.", [("-REB", "18/19", None)]),
    ("Venezuelan security forces shot dead two protesters in Caracas in 2017.", [("VEN", "18/19/20", "VEN")]),
    ("Armed men killed an indigenous leader in Cauca on Friday.", [(None, "18/19", "COL")]),
    # Ukraine
    ("A Russian missile hit a shopping centre in Kremenchuk, killing 20 people.", [("RUS", "19/20", "UKR")]),
]

SNIPPETS: list[tuple[str, list[Expect]]] = [
    # the Sahel
    ("On 12 May, a landmine exploded in Kidal, injuring three soldiers.", [("MLI", "18", "MLIMIL")]),
    ("Two civilians were killed when unidentified gunmen opened fire on a minibus near Gao.",
     [("MLI", "18/19", "MLI")]),
    ("Suspected JNIM militants attacked a gendarmerie post in Dori on 3 March, killing two gendarmes.",
     [("-REB", "18/19", "BFA")]),
    ("On 17 January, Burkinabe soldiers killed about 40 civilians in the village of Zaongo.",
     [("BFAMIL", "18/19/20", "BFA")]),
    ("Armed men kidnapped a village chief near Tillaberi on Friday.", [(None, "18", "NER")]),
    ("Islamic State Sahel fighters ambushed a Nigerien army convoy near Ouallam, killing 12 soldiers.",
     [("-REB", "18/19", "NERMIL")]),
    ("On 6 April, a vehicle struck an IED on the road between Gao and Ansongo; four passengers died.",
     [("MLI", "18", "MLI")]),
    ("Malian troops and Wagner forces executed dozens of men in Moura, residents said.",
     [("MLIMIL", "18/20", "MLI")]),
    # Nigeria and Cameroon
    ("Boko Haram fighters attacked Gajiram in Borno State on Sunday night, killing seven residents.",
     [("-REB", "18/19", "NGA")]),
    ("Gunmen abducted 25 worshippers from a church in Kaduna State on 11 July.", [(None, "18", "NGA")]),
    ("Bandits killed 15 villagers in an attack on Dansadau in Zamfara State.", [(None, "18/19", "NGA")]),
    ("On 22 September, suspected separatists shot dead a teacher in Bamenda.", [(None, "18/19", "CMR")]),
    ("Police in Lagos fired live rounds at protesters at the Lekki toll gate, killing at least two.",
     [("NGACOP", "18/19/20", "NGA")]),
    ("Three soldiers were killed when an IED hit their vehicle near Mora in the Far North region.",
     [("CMR", "18", "CMRMIL")]),
    # DRC
    ("Suspected ADF militants attacked a village in Beni territory, killing 14.", [("-REB", "18/19", "COD")]),
    ("On 8 June, CODECO militiamen attacked a displacement camp in Djugu territory, killing 18 people.",
     [("-REB", "18/19/20", "COD")]),
    ("M23 rebels seized the town of Rubaya after fighting with the Congolese army.",
     [("-REB", "19", "COD")]),
    ("Unidentified armed men killed a motorcycle taxi driver in Butembo on Wednesday.", [("COD", "18/19", "COD")]),
    # Somalia and the Horn
    ("An IED attack targeted a military convoy on the road between Mogadishu and Afgoye.",
     [("SOM", "18", "SOMMIL")]),
    ("Al-Shabaab militants stormed a hotel in Mogadishu on 19 August, killing 21 people.",
     [("-REB", "18/19", "SOM")]),
    ("A car bomb exploded near a checkpoint in Beledweyne, killing four police officers.", [("SOM", "18", "SOMCOP")]),
    ("On 2 February, Fano militiamen clashed with Ethiopian federal forces in Lalibela.",
     [("-REB", "19", "ETHMIL")]),
    ("Ethiopian government drones struck a market in Amhara region, killing dozens of civilians.",
     [("ETH", "18/19/20", "ETH")]),
    ("Gunmen killed four aid workers near Gambella town on Monday.", [(None, "18/19", "ETH")]),
    # Sudan
    ("Police fired live rounds to disperse protesters in Omdurman; one person was killed.",
     [("SDNCOP", "17/18/19", "SDN")]),
    ("The Rapid Support Forces shelled residential areas of El Fasher on 14 May, killing 12 civilians.",
     [("SDN", "19/20", "SDN")]),
    ("Sudanese army warplanes bombed a market in Nyala, killing at least 30 people.", [("SDNMIL", "19/20", "SDN")]),
    ("Armed men attacked a village in North Darfur and burned dozens of homes.", [(None, "18/19/20", "SDN")]),
    # Syria, Iraq, Yemen
    ("On 5 March, a roadside bomb targeted a Syrian army bus near Palmyra, killing 13 soldiers.",
     [("SYR", "18", "SYRMIL")]),
    ("Russian warplanes struck a hospital in Idlib province, killing five people.", [("RUSMIL", "19/20", "SYR")]),
    ("Two Iraqi policemen were wounded when gunmen attacked a checkpoint in Tarmiyah.",
     [(None, "18/19", "IRQCOP")]),
    ("ISIS militants killed four shepherds in the desert of Anbar province.", [("-REB", "18/19", "IRQ")]),
    ("A Turkish drone strike killed three PKK fighters in Sinjar on Tuesday.", [("TUR", "18/19", "-REB")]),
    ("Houthi forces shelled residential neighbourhoods in Taiz, killing a child.", [("-REB", "19", "YEM")]),
    ("On 16 January, a drone attack claimed by the Houthis hit an oil facility in Abu Dhabi.",
     [("-REB", "18/19", "ARE")]),
    ("An explosion hit a mosque in Kirkuk during Friday prayers, killing 10 people.", [("IRQ", "18", "IRQ")]),
    # Afghanistan and Pakistan
    ("Taliban fighters attacked a police checkpoint in Kunduz province, killing seven policemen.",
     [("AFG", "18/19", "AFGCOP")]),
    ("On 26 August, a suicide bombing at Kabul airport killed 170 people.", [("AFG", "18", "AFG")]),
    ("Unidentified gunmen shot dead a polio worker in Bajaur district.", [("PAK", "18/19", "PAK")]),
    ("Pakistani security forces killed five militants in a raid in North Waziristan.",
     [("PAK", "18/19", "-REB")]),
    ("A blast claimed by the Islamic State killed 12 people at a rally in Bajaur on Sunday.",
     [("-REB", "18/19", "PAK")]),
    ("TTP militants ambushed a police patrol in Dera Ismail Khan; three officers were killed.",
     [("-REB", "18/19", "PAKCOP")]),
    # India
    ("Maoists blew up a police vehicle with an IED in Dantewada, killing 10 policemen.",
     [("-REB", "18", "INDCOP")]),
    ("Militants shot dead a migrant labourer in Pulwama on Thursday evening.", [("-REB", "18/19", "IND")]),
    ("police lathicharged farmers protesting on the highway near ambala on 13 february.",
     [("INDCOP", "17/18", "IND")]),
    ("Two people were killed in clashes between Kuki and Meitei groups in Churachandpur.",
     [(None, "19", None)]),
    # Myanmar and the Philippines
    ("Myanmar junta airstrikes hit a village in Sagaing Region on 11 April, killing more than 100 people.",
     [("MMR", "18/19/20", "MMR")]),
    ("The Arakan Army attacked a military outpost in Rathedaung township.", [("-REB", "18/19", "MMRMIL")]),
    ("Security forces opened fire on protesters in Mandalay, killing three.", [("MMR", "18/19/20", "MMR")]),
    ("New People's Army rebels ambushed soldiers in Samar province, killing two.", [("-REB", "18/19", "PHLMIL")]),
    ("A bomb exploded on a passenger bus in Cotabato City, injuring nine people.", [("PHL", "18", "PHL")]),
    # Colombia, Mexico, Brazil
    ("On 3 May, FARC dissidents killed a social leader in Cauca department.", [("-REB", "18/19", "COL")]),
    ("ELN guerrillas attacked a military base in Arauca with explosives, wounding 12 soldiers.",
     [("-REB", "18/19", "COLMIL")]),
    ("Gunmen opened fire at a bar in Celaya, Guanajuato, killing 12 people.", [(None, "18/19", "MEX")]),
    ("Suspected cartel members ambushed a police convoy in Michoacan, killing 13 officers.",
     [(None, "18/19", "MEXCOP")]),
    ("The body of a journalist was found in Tijuana after he was kidnapped by armed men.", [(None, "18", "MEX")]),
    ("Military police killed eight people in a raid on a favela in Rio de Janeiro.", [("BRA", "18/19", "BRA")]),
    # Ukraine
    ("On 28 June, a Russian missile strike hit a restaurant in Kramatorsk, killing 13 civilians.",
     [("RUS", "19/20", "UKR")]),
    ("Ukrainian forces shelled Russian positions near Bakhmut.", [("UKRMIL", "19", "RUS")]),
    ("russian drones attacked energy infrastructure in odesa overnight, injuring two people.",
     [("RUS", "19", "UKR")]),
    # second pass (written after the first tuning round, before its held-out scoring)
    ("A military truck hit a landmine near Tessalit, killing three soldiers.", [(None, "18", "MLIMIL")]),
    ("On 2 July, a roadside bomb killed two policemen in Kismayo.", [(None, "18", "SOMCOP")]),
    ("ISWAP fighters overran a military base in Marte on Saturday.", [("-REB", "18/19", "NGAMIL")]),
    ("Unknown gunmen killed a district official in Mopti on Wednesday.", [(None, "18/19", "MLI")]),
    ("Suspected Al-Shabaab militants attacked a Kenyan army camp in Lamu county.", [("-REB", "18/19", "KENMIL")]),
    ("Clashes between Nuer and Dinka youths left 15 people dead in Jonglei State.", [(None, "19", None)]),
    ("Al-Shabaab claimed responsibility for the attack on a police station in Baidoa.",
     [("-REB", "18/19", "SOM")]),
    ("the houthis launched drones at a saudi oil terminal on tuesday.", [("-REB", "19", "SAU")]),
    ("Gunmen abducted three Chinese workers from a mining site in Niger State.", [(None, "18", "CHN")]),
    ("A suicide bomber killed 14 people at a mosque in Maiduguri.", [(None, "18", "NGA")]),
    ("Burkinabe army drones struck a market in Djibo, killing dozens of civilians.", [("BFAMIL", "18/19/20", "BFA")]),
    ("Cartel hitmen shot dead a police officer in Ciudad Juarez on Sunday.", [("-REB", "18/19", "MEXCOP")]),
    ("Sicarios attacked a family in a restaurant in Cancun, killing four.", [("-REB", "18/19", "MEX")]),
    ("Rebels blew up a bus near Bossangoa, killing six passengers.", [("-REB", "18", "CAF")]),
    ("Pakistani soldiers killed four militants in an operation in Khyber district.", [("PAKMIL", "18/19", "-REB")]),
    ("A car bomb killed seven people outside a court in Mogadishu.", [(None, "18", "SOM")]),
    ("TTP militants attacked an army post in South Waziristan, killing two soldiers.", [("-REB", "18/19", "PAKMIL")]),
    ("Unidentified assailants torched a school in Kumba in the Southwest region.", [(None, "17/18/19/20", "CMR")]),
    ("Security forces killed two protesters in Conakry on Thursday.", [("GIN", "18/19/20", "GIN")]),
    ("an explosion at a market in maimana killed six people.", [(None, "18", "AFG")]),
]


def _actor_ok(spec: str | None, code: str | None) -> bool:
    if spec is None:
        return True
    code = code or ""
    if spec.startswith("-"):
        return code.endswith(spec[1:]) or spec[1:] in code[3:]
    return code.startswith(spec[:3]) and (len(spec) == 3 or spec[3:] in code[3:])


def _matches(exp: Expect, ev) -> bool:
    src, roots, tgt = exp
    return ev.cameo[:2] in roots.split("/") and _actor_ok(src, ev.source and ev.source.code) \
        and _actor_ok(tgt, ev.target and ev.target.code)


VIOLENT = ("17", "18", "19", "20")


def _show(ev) -> str:
    return f"{ev.source and ev.source.code} {ev.cameo} {ev.target and ev.target.code}  {ev.rule}"


def score(snippets: list[tuple[str, list[Expect]]], code, misses: bool = False,
          roots: tuple[str, ...] | None = VIOLENT) -> dict[str, float]:
    """Expected events matched (by root, and by root with actors) among the coded events of ``roots`` (all
    events when None), and coercive or violent events (17-20) matching none ("extra")."""
    total = root_hits = full_hits = extra = 0
    for text, expected in snippets:
        evs = [e for e in code(text).events if roots is None or e.cameo[:2] in roots]
        used: set[int] = set()
        for exp in expected:
            total += 1
            full = next((i for i, e in enumerate(evs) if i not in used and _matches(exp, e)), None)
            if full is not None:
                used.add(full)
                full_hits += 1
                root_hits += 1
                continue
            if any(e.cameo[:2] in exp[1].split("/") for e in evs):
                root_hits += 1
            if misses:
                print(f"MISS {exp}  {text}")
                for e in evs:
                    print(f"     got {_show(e)}")
        for i, e in enumerate(evs):
            if i not in used and e.cameo[:2] in VIOLENT and not any(e.cameo[:2] in x[1].split("/") for x in expected):
                extra += 1
                if misses:
                    print(f"EXTRA {_show(e)}  {text}")
    return {"expected": total, "root_recall": round(root_hits / total, 3), "recall": round(full_hits / total, 3),
            "extra": extra}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--held-out", action="store_true", help="score the held-out snippets instead")
    ap.add_argument("--held-out-2", action="store_true", help="score the second held-out snippets instead")
    ap.add_argument("--misses", action="store_true", help="print every miss and extra event")
    args = ap.parse_args(argv)

    from accord.pipeline import Resources, process
    from accord.types import Article

    res = Resources.load()

    def code(text: str):
        return process(Article(id="t", text=text, date="2023-06-15"), res)

    name, snippets = (("held-out", HELD_OUT) if args.held_out else ("held-out-2", HELD_OUT_2)
                      if args.held_out_2 else ("snippets", SNIPPETS))
    r = score(snippets, code, args.misses)
    print(f"{name} n={len(snippets)} expected={r['expected']} root_recall={r['root_recall']:.3f} "
          f"recall={r['recall']:.3f} extra={r['extra']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
