"""Constructions of short incident reports ("a Nigerien army convoy", "a roadside bomb killed three soldiers")
that the general actor and target code does not see by itself; kept apart to spare actors.py and targets.py."""

from __future__ import annotations

# A state's forces whose country a country word before them gives, when both only modify one of their
# posts, vehicles or units: "ambushed a Nigerien army convoy", "attacked a Kenyan police post" hit Niger's
# army and Kenya's police. (Not a rebel word: "Kampuchean guerrilla camps" are where the rebels are, in
# Cambodia; nor an act: "an Israeli troop pullback" is Israel's.)
FORCE_ROLES = frozenset({"MIL", "COP", "SPY"})
FORCE_THINGS = frozenset({
    "convoy", "convoys", "patrol", "patrols", "post", "posts", "outpost", "outposts", "base", "bases", "camp",
    "camps", "barracks", "checkpoint", "checkpoints", "station", "stations", "position", "positions", "vehicle",
    "vehicles", "truck", "trucks", "bus", "jeep", "helicopter", "helicopters", "jet", "jets", "plane", "planes",
    "aircraft", "ship", "ships", "boat", "boats", "vessel", "headquarters", "academy", "compound", "unit",
    "units", "column", "garrison", "brigade", "battalion", "depot", "airbase", "building", "office", "offices",
    "facility", "installation", "team", "squad"})
_COUNTRY_KINDS = ("adjective", "country", "demonym")


def join_country_forces(doc, groups: dict) -> None:
    """Move a country word that the parser hangs on a thing ("Nigerien" of "Nigerien army convoy") into the
    group of the forces noun right after it, the thing's compound, so that the two make one actor. In place."""
    starts = {m.start: (h, m) for h, ms in groups.items() for m in ms}
    for head in list(groups):
        ms = groups[head]
        if doc[head].lower_ not in FORCE_THINGS or len(ms) != 1:
            continue
        m = ms[0]
        if not m.entries or not all(e.kind in _COUNTRY_KINDS for e in m.entries):
            continue
        nxt = starts.get(m.end)
        if nxt is None or nxt[0] == head:
            continue
        h2, m2 = nxt
        tok2 = doc[h2]
        if (tok2.dep_ == "compound" and tok2.head.i == head and m.head == head
                and any(e.kind == "sector" and e.role in FORCE_ROLES for e in m2.entries)):
            groups[h2].insert(0, m)
            del groups[head]


# An explosive as the doer: "a roadside bomb killed three soldiers", "a car bomb wounded six", "an explosion
# ripped through a market killing ten" are bombings (CAMEO 183: "conduct suicide, car, or other non-military
# bombing"), the narrower code by the kind of bomb (1831 suicide, 1832 car, 1833 roadside: IEDs and mines).
EXPLOSIVES = frozenset({"bomb", "bombs", "explosive", "explosives", "ied", "ieds", "landmine", "landmines",
                        "mine", "mines", "explosion", "blast", "device", "bombing", "grenade"})
_BOMB_KINDS = (("1831", frozenset({"suicide"})),
               ("1832", frozenset({"car", "truck", "vehicle", "lorry", "van", "motorcycle", "motorbike", "vbied"})),
               ("1833", frozenset({"roadside", "ied", "ieds", "landmine", "landmines", "mine", "mines"})))
# what an explosive does to people or places in an incident report (not "hit the headlines": a bomb's verbs)
_BOMB_VERBS = frozenset({"kill", "injure", "wound", "hit", "strike", "target", "rip", "tear", "maim", "destroy",
                         "damage", "claim"})


# Verbs by which a vehicle or a walker sets a hidden explosive off: "a truck hit a landmine", "struck an IED".
# Not "detonate", nor a bomb: "militants detonated a car bomb" is the militants' bombing, not one they suffered.
_SET_OFF = frozenset({"hit", "strike", "trigger"})
_HIDDEN = frozenset({"ied", "ieds", "landmine", "landmines", "mine", "mines", "device", "explosive", "explosives"})


def struck_explosive(verb) -> str | None:
    """"a military truck hit a landmine", "a patrol struck an IED": the subject is the victim of a bombing by
    no one named; the bombing's code (1833: mines and roadside devices), else None."""
    if verb.lemma_.lower() not in _SET_OFF:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return "1833" if obj is not None and obj.lower_ in _HIDDEN else None


def explosive_code(first, code: str, rule: str) -> tuple[str, str, bool]:
    """The bombing an explosive subject makes of a violent verb ("a roadside bomb killed three soldiers": 1833),
    else ``code`` and ``rule`` unchanged; and whether the clause's subject is the bombing's victim, not its doer
    ("a truck hit a landmine, killing three soldiers")."""
    if code[:2] not in ("18", "19") or first.pos_ != "VERB":
        return code, rule, False
    if (new := struck_explosive(first)) is not None:
        return new, f"{rule}; set off a hidden explosive → {new}", True
    if first.dep_ == "advcl" and first.tag_ == "VBG" and (new := struck_explosive(first.head)) is not None \
            and not any(c.dep_ == "nsubj" for c in first.children):
        return new, f"{rule}; after '{first.head.text}' a hidden explosive → {new}", True
    if first.lemma_.lower() not in _BOMB_VERBS or code.startswith("183"):
        return code, rule, False
    subj = next((c for c in first.children if c.dep_ == "nsubj"), None)
    if subj is None and first.dep_ in ("advcl", "conj") and first.tag_ == "VBG":  # "a bomb exploded, killing six"
        head = first.head
        if head.lemma_.lower() in ("explode", "detonate", "go", "blow", "hit", "strike", "rip", "tear"):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return code, rule, False
    if subj.lower_ in ("bomber", "bombers") and any(c.lower_ == "suicide" for c in subj.children):
        return "1831", f"{rule}; suicide bomber → 1831", False  # "a suicide bomber killed 14 people"
    words = {subj.lower_} | {c.lower_ for c in subj.children if c.dep_ in ("compound", "amod", "nmod")}
    # "an IED attack targeted a convoy", "a suicide attack killed 20": an attack made with a bomb is a bombing
    if subj.lower_ not in EXPLOSIVES and not (subj.lower_ in ("attack", "attacks") and words & (
            EXPLOSIVES | {"suicide", "roadside"}) - {"explosion", "blast", "device"}):
        return code, rule, False
    if subj.lower_ == "device" and not words & {"explosive", "improvised"}:
        return code, rule, False
    new = next((k for k, ws in _BOMB_KINDS if words & ws), "183")
    return new, f"{rule}; explosive subject '{subj.text}' → {new}", False


# Heads of the armed sides of communal fighting named by their communities ("clashes between Kuki and Meitei
# groups", "fighting between Hema and Lendu militias"): each community's armed men, a side of its own.
COMMUNAL_SIDES = frozenset({"groups", "militias", "militiamen", "fighters", "gunmen", "youths", "communities",
                            "tribes", "clans", "factions"})


def split_sides(p, base: list) -> list:
    """The two sides of "between A and B militias": one armed actor (REB, of no stated country: the incident's
    place gives it) for each of the coordinated names that modify the one head noun; ``base`` (the actors
    the phrase already names) when it names two or more, or the phrase is no such coordination."""
    if len(base) >= 2 or p.lower_ not in COMMUNAL_SIDES:
        return base
    from accord.types import Actor

    mod = next((c for c in p.children if c.dep_ in ("amod", "compound", "nmod") and c.i < p.i
                and any(g.dep_ == "conj" for g in c.children)), None)
    if mod is None:
        return base
    names = [mod] + [g for g in mod.children if g.dep_ == "conj"]
    names += [h for g in names[1:] for h in g.children if h.dep_ == "conj"]
    return [Actor(name=f"{t.text} {p.text}", code=None, country=None, role="REB") for t in names]
