"""Emitting events: the actor pairs an act is recorded for and the Event records made of them.

Who may act (a pattern's source roles), when coordinated actors act on each other (reciprocal codes) or each
on no one, a protest naming no one as done to its own country, which pairs are political news (a placed or
political actor, not companies among themselves), violence with no source stated, and the codes of acts
said of the future (intent 03, threat 13).
"""

from __future__ import annotations

from accord import places as places_mod
from accord.arguments import (
    _actors,
    _agent,
    _Ctx,
    _direct_objects,
    _is_passive,
    _key,
    _subject_token,
)
from accord.incidents import explosive_code, struck_explosive
from accord.modality import (
    _conditional,
)
from accord.phrase_targets import _NOT_THINGS, _phrase_target
from accord.targets import VIOLENT_ROOTS, _place_at, _place_target, own_means
from accord.types import Actor, Event
from accord.vocabulary import Pattern


def _role_ok(pat: Pattern, src: Actor) -> bool:
    role = src.role or ""
    if pat.source_roles and role not in pat.source_roles:
        # a state or an organisation named by itself ("Iran protested to the UN") acts as its government;
        # a people ("Palestinians") or a bare adjective does not
        if role or not ((src.country or src.igo) and src.name[:1].isupper() and not _people(src.name)):
            return False
    return not (pat.source_roles_not and role in pat.source_roles_not)


DOMESTIC_ROOTS = {"14"}
# Cooperation done together: with no one else named, "X and Y agreed / met / signed a treaty" is each with the other.
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}


def _reciprocal(ctx: _Ctx, code: str, pat: Pattern | None, trigger) -> bool:
    """Is an act by coordinated actors with no target done to each other?

    Yes for acts that take two by nature ("fight", "a ceasefire", listed in verbs.yaml `reciprocal`) and
    for cooperation (03–06) that is either intransitive ("agreed", "met") or about the relation itself
    ("signed a treaty", "strengthened ties"); no for an act on something else ("welcomed the decision",
    "attacked shipping").
    """
    if trigger.lemma_.lower() in ctx.verbs.reciprocal or trigger.lower_ in ctx.verbs.reciprocal:
        return True
    if pat is not None and pat.id.split(":")[-1].split("+")[0] in ctx.verbs.reciprocal:
        return True  # "traded fire", "swapped prisoners": a pattern of a two-sided act's verb family
    if _failed_agreement(code, pat):
        return True  # "Russia and the Netherlands failed to reach agreement": with each other
    if code[:2] not in RECIPROCAL_ROOTS or code == "045":
        return False  # co-mediators ("brokered by Qatar and Egypt") mediate between others, not each other
    if trigger.pos_ != "VERB" or code[:2] == "04":  # "France and Germany discussed Mali": they consulted
        return True
    objs = _direct_objects(trigger)
    # "agreed a trade agreement", "held talks": the object is the relation itself
    about_relation = any(p.code[:2] in RECIPROCAL_ROOTS and p.objects is None and p.code[:2] != "07"
                         for o in objs for p in ctx.verbs.nouns.get(o.lemma_.lower(), ()))
    return not objs or bool(pat is not None and pat.objects) or about_relation


def _failed_agreement(code: str, pat: Pattern | None) -> bool:
    """A rejection coded from an agreement not reached ("failed to reach a deal"): done with each other."""
    return code[:2] == "12" and pat is not None and pat.code == "057"


def _countries(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


def _topic_only(ctx: _Ctx, code: str, pat: Pattern | None, first, last) -> bool:
    """"Trump and Putin agreed to share information on North Korea": coordinated actors cooperating, whose
    only other actor is what they cooperate about (no object, no "with", "to" or "between" actor) act on
    each other, not on the topic."""
    if not _failed_agreement(code, pat) and (code[:2] not in RECIPROCAL_ROOTS or not _reciprocal(ctx, code, pat, first)):
        return False
    if pat is not None and pat.code[:2] not in RECIPROCAL_ROOTS:
        return False  # "agreed to lift a ban on Egyptian imports": the ban's lifting is done to Egypt
    # the partner may hang on the act's object: "held talks in Amman with King Abdullah"
    holders = {first, last} | {c for t in (first, last) for c in t.children if c.dep_ == "dobj"}
    for t in holders:
        for c in t.children:
            if t in (first, last) and c.dep_ in ("dobj", "dative") and any(not own_means(a, pat) for a in _actors(ctx, c)):
                return False
            if c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to", "between", "toward", "towards", "for"):
                return False
    return True


def _home_target(ctx: _Ctx, trigger, src: Actor) -> list[Actor]:
    """Where a protest with no named target is set: a place on its verb (or light verb), else the protesters'
    country — named by what is protested when the protest names it ("boycotted the presidential poll",
    "protesting the state's unemployment system": that country's poll and system)."""
    holders = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj") else [])
    for h in holders:
        found, _ = _place_target(ctx, h, [])
        if found:
            return found
    if src.country:
        for h in holders:
            what, why = _phrase_target(ctx, h, None)  # the protested thing, even a pattern's own object word,
            head = why.removeprefix("phrase '").removesuffix("'") if why.startswith("phrase '") else None
            if what and not what[0].code and head is not None and head.lower() not in ctx.verbs.nouns:
                # but not the protest itself ("started a hunger strike")
                return [Actor(name=what[0].name, code=src.country, country=src.country)]
        return [Actor(name=src.country, code=src.country, country=src.country)]
    return []


_PLURAL_STATES = {"states", "nations", "emirates", "islands", "philippines", "netherlands", "bahamas", "maldives",
                  "seychelles", "comoros", "grenadines", "territories"}


def _people(name: str) -> bool:
    """"Palestinians", "Iraqi Kurds": a people, not the state ("the United States")."""
    last = name.split()[-1] if name.split() else ""
    # an abbreviation is a state, not a plural: "the US", "UAS"
    return last.lower().endswith("s") and last.lower() not in _PLURAL_STATES and not last.isupper()


# Violence is reported from the victim's side ("three civilians were killed in a bombing"): with
# the victim known and no perpetrator stated, the event is kept with no source, as GDELT keeps it.
SOURCELESS_ROOTS = {"17", "18", "19", "20"}
# A criminal case opened against someone no one is named for ("a man was booked for cheating", "an FIR was
# registered against the driver"): the state's legal action (CAMEO 115: the source "the plaintiff or the
# state"), kept with no source as violence is; the verbs of police cases only, not every accusation.
SOURCELESS_CASE_VERBS = frozenset({"book", "register", "lodge"})
# Detentions and seizures, made by whichever force reports them when the text names no one else.
DETENTION_CODES = {"171", "172", "173", "174"}


def _unstated_source(ctx: _Ctx, tok, swhy: str) -> bool:
    if swhy == "passive-no-agent":
        return True
    s = _subject_token(tok) if not _is_passive(tok) else _agent(tok)
    if s is None:
        return False
    words = {s.lemma_.lower(), s.lower_} | {c.lower_ for c in s.children if c.dep_ in ("compound", "amod")}
    return bool(words & ctx.verbs.instruments) and not ctx.by_head.get(s.i)


def _forward_code(ctx: _Ctx, verb, code: str, modality: str, rule: str) -> tuple[str, str]:
    """CAMEO codes what an actor says it will do as the intent (03) or the threat (13) of doing it."""
    root = int(code[:2])
    fam_name = "intent" if 4 <= root <= 8 else "threaten" if root >= 14 else None
    if _conditional(verb):  # "will withdraw its force unless …": a threat
        fam_name = "threaten"
    target_fam = next((f for f in ctx.verbs.families.values() if f.name == fam_name), None)
    if target_fam is None:
        return code, rule
    return target_fam.code_for(code), f"{modality} {rule} → {fam_name}"


def _emit(ctx: _Ctx, sent, first, last, code: str, srcs: list[Actor], tgts: list[Actor], modality: str,
          rule: str, pat: Pattern | None, table, sourceless: bool = False, incident: bool = False) -> list[Event]:
    pairs: list[tuple[Actor | None, Actor | None]] = []
    code, rule, victim = explosive_code(first, code, rule)
    if victim:  # "a military truck hit a landmine": the truck's owners are hit, by no one named
        tgts = srcs if struck_explosive(first) else tgts
        srcs, sourceless, incident = [], True, True
    if sourceless and not srcs:
        pairs = [(None, t) for t in tgts] or ([(None, None)] if incident else [])
    elif not srcs:
        return []
    elif not tgts and code[:2] in DOMESTIC_ROOTS and (home := _home_target(ctx, first, srcs[0])):
        # a protest that names no one protests to its own country's authorities (CAMEO codes CVL → GOV)
        tgts, rule = home, rule.replace("target: none", "target: the protest's own country")
        pairs = [(srcs[0], tgts[0])]
    elif tgts and not (len(srcs) >= 2 and _topic_only(ctx, code, pat, first, last)):
        pairs = [(s, t) for s in srcs for t in tgts if _key(s) != _key(t)]
    elif len(srcs) >= 2 and _reciprocal(ctx, code, pat, first):  # "Russia and Iran agreed": mutual
        pairs = [(s, t) for s in srcs for t in srcs if _key(s) != _key(t)]
        if tgts:
            rule = rule.rsplit("; target:", 1)[0] + "; target: each other, not the topic"
        rule += " (coordinated subject: mutual)"
    elif len(srcs) >= 2:  # "Iran and Iraq have been attacking shipping": each of them, at no one named
        pairs = [(s, None) for s in srcs]
        rule += " (coordinated subject: each)"
    else:
        pairs = [(srcs[0], None)]
    if srcs and _business(srcs[0]) and "modifier of" in rule.split("target:")[-1]:
        return []  # "Union Carbide offered three billion dlrs for the British unit": a deal, not diplomacy
    # an act among companies or unplaced names alone is not political news ("Texaco rejected the bid"):
    # it takes a placed or political actor, or a named actor acting on another
    pairs = [(s, t) for s, t in pairs if _political(s) or _political(t) or (s is not None and t is not None
                                                                           and not _business(s) and not _business(t))
             or (incident and s is None and t is None)
             # "a car bomb in Kiev killed another ethnic Chechen": violence against anyone but a company
             or (sourceless and s is None and t is not None and code[:2] in VIOLENT_ROOTS and not _business(t))]
    # an actor no dictionary places, acting on no one, says too little to be an event ("the chairman told a
    # meeting of analysts", "the commission declined to comment") unless its sector is a political one
    # that titles of business do not share ("rebels attacked", "police fired"): otherwise unplaced actors
    # count in dyads, or as victims of force; several countries named by their region likewise ("most European
    # countries allow banking and securities to be mixed" is no act of theirs)
    pairs = [(s, t) for s, t in pairs if t is not None or s is None or s.country or s.igo or s.first_person
             or s.role in LONE_ROLES]
    if not pairs:
        return []
    if code[:2] in VIOLENT_ROOTS and (home := _incident_country(ctx, sent)):
        # "gunmen killed four aid workers near Gao": who no dictionary places, in an incident set in one
        # country, is of that country (ICEWS's "Unidentified Gunmen (Mali)", "Civilians (Mali)")
        # — a victim too whom the actor stage gave the country of the sentence's other actors ("a Russian
        # strike hit a restaurant in Kramatorsk, killing 13 civilians": Ukraine's civilians)
        guessed = {id(m.actor) for ms in ctx.by_head.values() for m in ms if m.how == "domestic"}
        pairs = [(_placed_in(s, home, True), _placed_in(t, home, False, t is not None and id(t) in guessed))
                 for s, t in pairs]
    if code[:2] == "17" and (home := _incident_country(ctx, sent)):
        pairs = [(s, _member_at_home(ctx, s, t, home)) for s, t in pairs]
    cc = table[code]
    a, b = min(first.i, last.i), max(first.i, last.i)
    doc = ctx.doc
    span = (doc[a].idx, doc[b].idx + len(doc[b]))
    evs = []
    for s, t in pairs:
        evs.append(Event(
            source=s, target=t, cameo=code, sentence=sent.text.strip(), span=span, rule=rule,
            goldstein=cc.goldstein, quad_class=cc.quad_class, plover_type=cc.plover_type,
            plover_mode=cc.plover_mode, context=cc.plover_context, negated=False, modality=modality,
            date=ctx.pub.isoformat() if ctx.pub else None, sentence_span=(sent.start_char, sent.end_char),
            trigger=doc[a : b + 1].text if b - a < 12 else doc[a].text,
        ))
    return evs


_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "between", "around",
                          "off"})


def _incident_country(ctx: _Ctx, sent) -> str | None:
    """The one country the places of a sentence are in ("near Gao", "in Beni territory"): a place an actor
    dictionary knows, else a town of the gazetteer (named as a place entity); None for none or several.
    Found once per sentence, however many events it has."""
    key = ("incident", sent.start)
    if key not in ctx.matched:
        ctx.matched[key] = _places_country(ctx, sent)
    return ctx.matched[key]


def _places_country(ctx: _Ctx, sent) -> str | None:
    found: set[str] = set()
    iso2: set[str] | None = None  # the text's countries, for a town several countries have (found once)
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in _PLACE_PREPS:
            continue
        for p in t.subtree:
            if p.i == t.i:
                continue
            if (a := _place_at(ctx, p)) is not None:
                found.add(a.country or "")
            elif (name := _town_name(sent, p, t)) is not None:
                gaz = places_mod.Gazetteer.load()
                if iso2 is None:
                    hints = {c for ms in ctx.by_head.values() for m in ms if (c := m.actor.country)}
                    iso2 = {gaz.by_iso3[c].iso2 for c in hints if c in gaz.by_iso3}
                if (place := gaz.lookup(name, iso2)) is not None and place.iso3:
                    found.add(place.iso3)
    found.discard("")
    return next(iter(found)) if len(found) == 1 else None


def _town_name(sent, p, prep) -> str | None:
    """The name of a town a place phrase names: a place entity, one the tagger took for a person or a group
    ("near Gao"), or a proper noun it left unlabelled right after the preposition ("near Timbuktu")."""
    if p.ent_iob_ == "B" and (ent := next((e for e in sent.ents if e.start == p.i), None)) is not None:
        if ent.label_ in places_mod.PLACE_LABELS:
            return ent.text
        framed = p.dep_ == "pobj" and p.head.i == prep.i or p.dep_ == "compound" and p.head.lower_ in places_mod.PLACE_NOUNS
        # a one-word name the tagger mislabelled, framed as a place ("in Kramatorsk", "near Gambella town")
        return ent.text if len(ent) == 1 and framed and ent.label_ not in _NOT_THINGS else None
    if p.ent_iob_ == "O" and p.pos_ == "PROPN" and p.dep_ == "pobj" and p.head.i == prep.i and p.text[:1].isupper():
        return p.text
    return None


# Nouns for one person of an armed group: "an Islamic State operative", "a suspected LeT recruit".
_MEMBER_NOUNS = frozenset({"operative", "operatives", "member", "members", "sympathiser", "sympathisers", "sympathizer",
                           "sympathizers", "recruit", "recruits", "cadre", "cadres"})


def _member_at_home(ctx: _Ctx, s: Actor | None, t: Actor | None, home: str) -> Actor | None:
    """A member of a foreign armed group that a state's own forces arrest at home is one of that country's
    rebels: "the NIA arrested a suspected Islamic State operative in Coimbatore" (India's, not Iraq's); the
    group named alone ("arrested Islamic State fighters") or arrested abroad keeps its country."""
    if s is None or t is None or s.country != home or s.role not in ("COP", "SPY", "JUD", "MIL") or t.role != "REB" \
            or not t.country or t.country == home:
        return t
    m = next((m for ms in ctx.by_head.values() for m in ms if m.actor is t), None)
    if m is None or ctx.doc[m.head].lower_ not in _MEMBER_NOUNS:
        return t
    return Actor(name=t.name, code=home + "REB", country=home, role="REB")


# Weapons a sector list names as the military ("drones", "jets"): whose they are is not where they strike.
_WEAPONS = frozenset({"drone", "drones", "jet", "jets", "warplane", "warplanes", "aircraft", "helicopter",
                      "helicopters", "gunship", "gunships", "bomber", "bombers", "artillery", "tank", "tanks",
                      "missile", "missiles", "warship", "warships", "gunboat", "gunboats"})


def _placed_in(a: Actor | None, country: str, source: bool, guessed: bool = False) -> Actor | None:
    """An unplaced actor of a political sector ("gunmen", "two civilians"), or one whose country was only
    guessed, placed in the incident's country; not a weapon doing the act ("a drone strike killed …": the
    drone is not the place's)."""
    if a is None or (a.placed and not (guessed and a.country != country)) or a.role not in POLITICAL_ROLES \
            or a.role in ("IGO", "NGO"):
        return a
    last = a.name.lower().split()[-1] if a.name.split() else ""
    if source and last in _WEAPONS:
        return a
    return Actor(name=a.name, code=country + a.role, country=country, role=a.role)


# Sectors of political life: an actor of one of these is political news even without a country.
POLITICAL_ROLES = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "LEG", "JUD", "SPY", "RAD", "PTY", "INS", "SEP",
                             "CVL", "LAB", "ETH", "REF", "HRI", "IGO", "NGO", "UAF", "ELI", "MED", "REL", "EDU"})


def _political(a: Actor | None) -> bool:
    """Placed, political by sector, or first person ("we": the quote's speaker, resolved later)."""
    return a is not None and (a.placed or a.role in POLITICAL_ROLES or a.first_person)


LONE_ROLES = frozenset({"MIL", "REB", "COP", "OPP", "RAD", "INS", "SEP", "UAF", "CVL", "LAB", "PTY", "LEG", "SPY"})


def _business(a: Actor) -> bool:
    return a.role == "BUS"


def _wants_phrase(tgts: list[Actor], srcs: list[Actor], code: str) -> bool:
    """An act by one political actor that names no actor as its target (a protest's target is its country)."""
    return not tgts and len(srcs) == 1 and _political(srcs[0]) and code[:2] not in DOMESTIC_ROOTS
