"""South Asian police and court news, headlines and first sentences: the events a careful coder expects.

Much of South Asia's English-language press reports crime through the police: an FIR is lodged, a man is
"booked", "held" or "nabbed", remanded, produced before a court and sent to judicial custody; agencies
(CBI, NIA, ED, ACB, crime branch, cyber cell, STF) raid and arrest; police lathi-charge crowds and impose
prohibitory orders. The items below were written for accord in the style of Indian, Pakistani, Bangladeshi
and Nepali papers (districts and cities of every region, invented people). Each lists the events expected as
(source, CAMEO root(s), target), an actor written as the start of its code — a country ("IND"), a country
and sector ("INDCOP"), or None for "no requirement". CAMEO codes an arrest, detention or imprisonment 173,
a criminal case or charge-sheet 115 (a charge 1121), the dispersal of a crowd 175, prohibitory orders 1721,
a police killing 18/19; a case "registered against" someone accuses them (11), an arrest coerces them (17).

Recall is the share of expected events matched by a coded event (root alone, and root with both actors);
"extra" counts coded events of roots 17-20 matching no expected event. Every item is scored as written
and lower-cased (as one held-out news set is). HELD_OUT items were written first and scored once, at the
end (``--held-out``): nothing was tuned on them.

    .venv/bin/python benchmarks/police_snippets.py             # tuning items, cased and lower-cased
    .venv/bin/python benchmarks/police_snippets.py --held-out  # the held-out items
    .venv/bin/python benchmarks/police_snippets.py --misses    # print every miss and extra event
"""

from __future__ import annotations

import argparse
import sys

from incident_snippets import score  # the same matching and counts (benchmarks/ is on the path)

Expect = tuple[str | None, str, str | None]

HELD_OUT: list[tuple[str, list[Expect]]] = [
    ("Police arrested two men for snatching a gold chain from a woman in Ludhiana on Monday.",
     [("INDCOP", "17", "IND")]),
    ("Kolkata Police nabbed a drug peddler with 200 grams of brown sugar near Sealdah station.",
     [("INDCOP", "17", "IND")]),
    ("The Enforcement Directorate arrested a former minister in a money laundering case on Thursday.",
     [("INDCOP", "17", "IND")]),
    ("A youth was booked for posting objectionable content on social media in Bareilly.",
     [(None, "11/17", "IND")]),
    ("Four held for kidnapping businessman in Patna", [(None, "17", "IND")]),
    ("The accused was produced before a local court which sent him to judicial custody for 14 days.",
     [("-JUD", "17", None)]),
    ("Police lathi-charged students protesting outside the university in Bhubaneswar.",
     [("INDCOP", "17", "IND")]),
    ("The district administration imposed Section 144 in Nuh after communal clashes.",
     [("IND", "17", None)]),
    ("The NIA filed a chargesheet against six accused in the Coimbatore car blast case.",
     [("INDCOP", "11", "IND")]),
    ("Two alleged gangsters were killed in an encounter with the STF in Meerut on Saturday.",
     [("INDCOP", "18/19", "IND")]),
    ("Karachi police arrested three suspects involved in a street robbery in Gulshan-e-Iqbal.",
     [("PAKCOP", "17", "PAK")]),
    ("The CTD arrested a suspected terrorist from Dera Ghazi Khan, officials said.",
     [("PAKCOP", "17", "PAK")]),
    ("Lahore police booked 25 PTI workers for violating Section 144 on The Mall.",
     [("PAKCOP", "11/17", "PAK")]),
    ("RAB members detained five people with yaba tablets in Cox's Bazar on Sunday night.",
     [("BGD", "17", "BGD")]),
    ("A Dhaka court sentenced two men to death for murdering a college student in 2019.",
     [("BGDJUD", "17", "BGD")]),
    ("Police in Kathmandu arrested a man for defrauding job seekers of Rs 5 million.",
     [("NPLCOP", "17", "NPL")]),
    ("The Anti-Corruption Bureau caught a revenue officer red-handed while taking a bribe in Nizamabad.",
     [("INDCOP", "17", "IND")]),
    ("The Special Court convicted the former MLA in the disproportionate assets case.",
     [("INDJUD", "11/17", "IND")]),
    ("Cyber crime police arrested a man from Jamtara for duping bank customers across the country.",
     [("INDCOP", "17", "IND")]),
    ("Police detained dozens of Congress workers who were protesting against fuel price hike in Jaipur.",
     [("INDCOP", "17", "IND")]),
]

# Written in the sixth session before any of its changes were measured on them, scored once at its end
# (``--held-out-2``): towns the small model does not tag, courts, agencies and headline forms.
HELD_OUT_2: list[tuple[str, list[Expect]]] = [
    ("Police arrested a history-sheeter in Vijayawada for a series of chain snatchings.",
     [("INDCOP", "17", "IND")]),
    ("A fast-track court in Jodhpur sentenced a man to 20 years in jail for abducting a minor girl.",
     [("INDJUD", "17", "IND")]),
    ("Nagpur police arrested two men with mephedrone worth Rs 12 lakh.",
     [("INDCOP", "17", "IND")]),
    ("The Economic Offences Wing arrested the director of a chit fund company in Bhubaneswar.",
     [("INDCOP", "17", "IND")]),
    ("Two held with country-made pistols in Muzaffarpur", [(None, "17", "IND")]),
    ("The CBI registered a case against a bank manager in Visakhapatnam for loan fraud.",
     [("INDCOP", "11", "IND")]),
    ("Police opened fire on a mob that torched vehicles in Sitamarhi, killing one person.",
     [("INDCOP", "18/19", "IND")]),
    ("The Lokayukta police caught an engineer accepting a bribe of Rs 50,000 in Mysuru.",
     [("INDCOP", "17", "IND")]),
    ("A magistrate in Thane remanded the accused in police custody for seven days.",
     [("INDJUD", "17", "IND")]),
    ("Rawalpindi police arrested a man for firing in the air at a wedding ceremony.",
     [("PAKCOP", "17", "PAK")]),
    ("An anti-terrorism court in Hyderabad sentenced three militants to life imprisonment.",
     [("-JUD", "17", None)]),
    ("Quetta police detained a dozen protesters outside the press club on Friday.",
     [("PAKCOP", "17", "PAK")]),
    ("The FIA arrested a suspect in Multan for running a fake visa network.",
     [("PAKCOP", "17", "PAK")]),
    ("Police in Chittagong arrested four people for attacking a ruling party leader.",
     [("BGDCOP", "17", "BGD")]),
    ("DB police detained an alleged fraudster from Mirpur in Dhaka.",
     [("BGDCOP", "17", "BGD")]),
    ("A Kandy court remanded three suspects until next week over the assault on a bus driver.",
     [("LKAJUD", "17", "LKA")]),
    ("Police in Pokhara arrested a man for smuggling gold from Dubai.",
     [("NPLCOP", "17", "NPL")]),
    ("Kenyan police arrested a suspect in Eldoret over the murder of a teacher.",
     [("KENCOP", "17", "KEN")]),
    ("Police in Kano arrested 30 people for rioting after a football match.",
     [("NGACOP", "17", "NGA")]),
    ("A court in Abeokuta sentenced a pastor to death for murder.",
     [("NGAJUD", "17", "NGA")]),
]

SNIPPETS: list[tuple[str, list[Expect]]] = [
    # northern India
    ("Delhi Police arrested a 24-year-old man for stabbing his neighbour in Jahangirpuri.",
     [("INDCOP", "17", "IND")]),
    ("Three held for murder of trader in Aligarh", [(None, "17", "IND")]),
    ("A man was booked by the Kotwali police for cheating a woman of Rs 2 lakh in Kanpur.",
     [("INDCOP", "11/17", "IND")]),
    ("The CBI arrested a senior railway official in Lucknow for accepting a bribe of Rs 50,000.",
     [("INDCOP", "17", "IND")]),
    ("Two men were arrested by the cyber cell for running a fake call centre in Noida.",
     [("INDCOP", "17", "IND")]),
    ("An FIR was registered against the shopkeeper under the Arms Act in Moradabad.",
     [(None, "11", "IND")]),
    ("Police lathi-charged protesters who tried to block the highway in Hisar on Tuesday.",
     [("INDCOP", "17", "IND")]),
    ("Prohibitory orders under Section 144 were imposed in Jammu after the violence.",
     [(None, "17", None)]),
    ("Punjab Police busted a drug racket and nabbed four smugglers with heroin in Amritsar.",
     [("INDCOP", "17", "IND")]),
    ("The accused were produced before the court and sent to judicial custody.",
     [("-JUD", "17", None)]),
    ("Wanted criminal injured in police encounter in Ghaziabad", [("INDCOP", "18/19", "IND")]),
    ("The crime branch arrested a contract killer from Dehradun on Wednesday.", [("INDCOP", "17", "IND")]),
    # western and central India
    ("Mumbai Police arrested a businessman for duping investors of Rs 10 crore.", [("INDCOP", "17", "IND")]),
    ("The Anti-Corruption Bureau caught a talathi red-handed accepting a bribe in Nashik.",
     [("INDCOP", "17", "IND")]),
    ("Ahmedabad police booked five people for rioting after a clash in Bapunagar.",
     [("INDCOP", "11/17", "IND")]),
    ("A sessions court in Indore convicted a man of raping a minor and sentenced him to life imprisonment.",
     [("INDJUD", "11/17", "IND")]),
    ("Police raided a gambling den in Nagpur and detained 12 people.", [("INDCOP", "17", "IND")]),
    ("The ED raided the premises of a Congress leader in Raipur in a money laundering probe.",
     [("INDCOP", "17", "IND")]),
    ("Bhopal police registered a case against the builder for forgery.", [("INDCOP", "11", "IND")]),
    ("A local court remanded the accused in police custody till Friday.", [("INDJUD", "17", "IND")]),
    # southern India
    ("Chennai police arrested a gang of chain snatchers in Tambaram.", [("INDCOP", "17", "IND")]),
    ("The NIA arrested a suspected Islamic State operative in Coimbatore.", [("INDCOP", "17", "IND")]),
    ("Hyderabad police nabbed three men for selling fake currency notes.", [("INDCOP", "17", "IND")]),
    ("Bengaluru police took into custody a techie accused of harassing a colleague.",
     [("INDCOP", "17", "IND")]),
    ("Kerala Police registered cases against 200 people for violating the hartal in Kozhikode.",
     [("INDCOP", "11", "IND")]),
    ("The Vigilance and Anti-Corruption Bureau arrested a village officer in Thrissur for taking a bribe.",
     [("INDCOP", "17", "IND")]),
    ("The High Court granted bail to the former minister in the land scam case.", [("INDJUD", "08", "IND")]),
    # eastern and north-eastern India
    ("Police fired tear gas and lathi-charged a mob that attacked a police station in Howrah.",
     [("INDCOP", "17", "IND")]),
    ("Assam Police arrested 15 people in a crackdown on child marriage in Dhubri.",
     [("INDCOP", "17", "IND")]),
    ("The Special Task Force arrested two Maoists in Giridih district of Jharkhand.",
     [("INDCOP", "17", "IND")]),
    # Pakistan
    ("Islamabad police arrested a PTI leader outside his residence on Tuesday night.",
     [("PAKCOP", "17", "PAK")]),
    ("The FIA arrested a man in Rawalpindi for harassing women on social media.", [("PAKCOP", "17", "PAK")]),
    ("An anti-terrorism court in Lahore sentenced a militant to 10 years in prison.",
     [("PAKJUD", "17", "PAK")]),
    ("Police registered a case against the cleric for delivering a hate speech in Peshawar.",
     [("PAKCOP", "11", "PAK")]),
    # Bangladesh
    ("Detectives arrested a man in Chattogram for the murder of a garment worker.", [("BGDCOP", "17", "BGD")]),
    ("Police charged batons to disperse BNP activists in Dhaka's Paltan area.", [("BGDCOP", "17", "BGD")]),
    ("The Anti-Corruption Commission filed a case against a former MP for amassing illegal wealth.",
     [("BGD", "11", "BGD")]),
    # Nepal
    ("Nepal Police arrested five people for smuggling gold at Tribhuvan International Airport.",
     [("NPLCOP", "17", "NPL")]),
    ("The district administration office issued prohibitory orders in Janakpur after clashes.",
     [("NPL", "17", None)]),
    ("The Central Investigation Bureau arrested a man in Lalitpur for running a human trafficking racket.",
     [("NPLCOP", "17", "NPL")]),
]


def _lower(items: list[tuple[str, list[Expect]]]) -> list[tuple[str, list[Expect]]]:
    return [(text.lower(), expected) for text, expected in items]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--held-out", action="store_true", help="score the held-out items instead")
    ap.add_argument("--held-out-2", action="store_true", help="score the second held-out set instead")
    ap.add_argument("--misses", action="store_true", help="print every miss and extra event")
    args = ap.parse_args(argv)

    from accord.pipeline import Resources, process
    from accord.types import Article

    res = Resources.load()

    def code(text: str):
        return process(Article(id="t", text=text, date="2023-06-15"), res)

    name, items = ("held-out-2", HELD_OUT_2) if args.held_out_2 else (
        ("held-out", HELD_OUT) if args.held_out else ("snippets", SNIPPETS))
    for label, batch in ((name, items), (f"{name} lower-cased", _lower(items))):
        if args.misses:
            print(f"== {label}")
        r = score(batch, code, args.misses, roots=None)  # every event counts, extras are 17-20 as there
        print(f"{label} n={len(batch)} expected={r['expected']} root_recall={r['root_recall']:.3f} "
              f"recall={r['recall']:.3f} extra={r['extra']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
