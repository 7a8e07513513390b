"""Targets that are no actor the dictionaries know: the thing or phrase an act is done to ("lifted the ban on
Polish meat"), the place it is done in or the people of that place, where captives were held, the first actor a
complement names, and whom a show of force is aimed at. Split from :mod:`accord.targets`, which finds the
actors an act is done to; :mod:`accord.events` uses both.
"""

from __future__ import annotations

from accord.arguments import (
    PEOPLE_COUNTS,
    _actors,
    _conj,
    _core_subtree,
    _Ctx,
    _is_passive,
    _key,
    _modifier_actors,
)
from accord.targets import (
    _FROM_NOUNS,
    PERMITTING,
    PLACE_TARGET_ABROAD,
    PLACE_TARGET_ROOTS,
    _first_actor_below,
    _hung_below,
    _hung_to,
    _named_place,
    _object_owners,
    _people_of,
    _phrase_name,
    _phrase_of,
    _place_at,
    _place_target,
)
from accord.types import Actor, Event
from accord.vocabulary import DEFAULT_PREPS, Pattern


def _permitted_phrase(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """The thing not let happen, kept by name when no actor is named: "refused to allow the plane to land"."""
    if tok.lemma_.lower() not in PERMITTING:
        return [], ""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp"):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and (thing := _thing(ctx, s, None)) is not None:
                return [Actor(name=_phrase_name(thing), code=None)], f"phrase '{thing.text}'"
    return [], ""


# Participles that name who made a thing: "an appeal filed by", "the threats made by", "orders passed by".
_MAKER_PREPS = ("by", "from")


def held_in(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """Who released people no one is named for: the country they were held or freed in ("the hostages held in
    Mali were released", "was freed from captivity in Libya"), when the act's own phrases name one country
    (not a place in a clause of its own: "…, the ministry in Delhi said")."""
    found: dict[str, tuple[Actor, str]] = {}
    for t in tok.subtree:
        if t.dep_ != "prep" or t.lower_ not in _HELD_PREPS or not _phrase_of(t, tok, _OTHER_CLAUSES):
            continue
        for p in t.subtree:
            if p.i != t.i and (a := _place_at(ctx, p)) is not None:
                found.setdefault(a.country, (a, f"held '{t.text} {p.text}'"))
                break
    if len(found) != 1:
        return [], ""
    a, why = next(iter(found.values()))
    # an unidentified actor of the place, as accord.pipeline names the doer of an incident no one is named in
    return [Actor(name=f"unidentified actor in {a.name}", code=a.country, country=a.country)], why


# Acts by which a state puts people out of its territory: "were expelled from Poland", "deported from Malaysia".
EXPELLING_VERBS = frozenset({"expel", "deport", "banish", "evict", "eject"})


def expelled_from(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """Who expelled people no one is named for: the country they were put out of ("three Russian diplomats were
    expelled from Poland", "two inspectors have been expelled from North Korea"), the state of the place the
    "from" phrase of the act names."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for p in c.children:
                if p.dep_ == "pobj" and (a := _place_at(ctx, p)) is not None:
                    return [Actor(name=a.name, code=a.country, country=a.country)], f"expelled 'from {p.text}'"
    return [], ""


_HELD_PREPS = frozenset({"in", "inside", "at", "near"})
# Clauses of their own under an act, whose places are not where it happened (a participle describing its
# patient, "held in Mali", is the patient's own).
_OTHER_CLAUSES = frozenset({"ccomp", "parataxis", "advcl", "conj", "csubj", "xcomp"})


# Entity types that name a time, an amount or a rank, never what an act is done to.
_NOT_THINGS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Prepositions whose object an act with no actor named is done to ("imposed blockades on the ports").
PHRASE_PREPS = ("to", "against", "on", "with", "toward", "towards", "into", "at")


def _phrase_target(ctx: _Ctx, tok, pat: Pattern | None, extra_holders: tuple = (),
                   own: frozenset[str] = frozenset()) -> tuple[list[Actor], str]:
    """What an act is done to when it names no actor: the noun phrase of its object, kept by name with
    no code ("rejected the legislation", "condemned the attacks", "imposed blockades on the ports").

    The direct object is the act's own matter when the pattern names it ("imposed sanctions on …",
    "lifted the ban on …"); then only a prepositional object is the target. An act of force or of
    posture with no one named is done in a place ("extended the curfew in Maungtaw district"), and so is one
    on a thing placed in a country ("shelled a government compound in Badghis province" is done to
    Afghanistan; aid "for farmers in Nigeria" goes to Nigeria when it comes from abroad: ``own`` are the
    source's countries)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if _is_passive(tok):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"] + objs
    # a person is never the act's matter: "freed a former presidential candidate" frees the candidate
    cands = list(objs) if pat is None or pat.objects is None else [o for o in objs if o.lemma_.lower() in ctx.verbs.persons]
    # a thing given to someone: the one it goes to ("returned a 16th-century Bible to its owners")
    tos = [c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"] + [
        h for h in [_hung_to(tok)] if h is not None]
    recipients = [p for c in tos if pat is not None and "to" in pat.preps
                  for p in c.children if p.dep_ == "pobj" and _thing(ctx, p, pat) is not None]
    if recipients:
        cands = recipients[:1] + [o for o in cands if o.lemma_.lower() in ctx.verbs.persons] + \
            [o for o in cands if o.lemma_.lower() not in ctx.verbs.persons]
    preps = tuple(p for p in (pat.preps if pat else DEFAULT_PREPS) if p in PHRASE_PREPS) or PHRASE_PREPS
    if pat is not None and pat.code[:2] in PLACE_TARGET_ROOTS:
        preps += ("in",)
    for holder in [tok, *extra_holders, *objs]:
        for c in holder.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and not _hung_below(c):
                # "in" only before a name ("in Maungtaw district", never "in an unprecedented move")
                cands += [p for p in c.children if p.dep_ == "pobj" and (c.lower_ != "in" or _named_place(p))]
    for c in cands:
        for t in _conj(c)[:1]:
            thing = _thing(ctx, t, pat)
            if thing is not None:
                if (placed := _people_of_place(ctx, thing)) is not None:
                    return placed
                if pat is not None and pat.code[:2] in PLACE_TARGET_ROOTS | PLACE_TARGET_ABROAD:
                    found, why = _place_target(ctx, thing, [])
                    if found and (pat.code[:2] in PLACE_TARGET_ROOTS or found[0].country not in own):
                        return found, why
                return [Actor(name=_phrase_name(thing), code=None)], f"phrase '{thing.text}'"
    return [], ""


def _people_of_place(ctx: _Ctx, t) -> tuple[list[Actor], str] | None:
    """"help people in Somalia", "support for farmers in Nigeria": people no one names, of a named country, are
    that country's people."""
    low = t.lemma_.lower()
    if low not in ctx.verbs.persons and t.lower_ not in PEOPLE_COUNTS:
        return None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across", "throughout"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                # "people in Somalia, Ethiopia and Kenya": each country's people
                places = {a.country: a for q in _conj(p) if (a := _place_at(ctx, q)) is not None}
                if places:
                    return [_people_of(f"{_phrase_name(t)} in {a.name}", a.country) for a in places.values()], \
                        f"people in '{p.text}'"
    return None


def phrase_target(event: Event) -> bool:
    """Is the event's target an object phrase with no actor named (a place found later is a better one)?"""
    return event.target is not None and event.target.code is None and "target: phrase '" in event.rule


def _thing(ctx: _Ctx, t, pat: Pattern | None, depth: int = 0):
    """The noun an act is done to, through the act's own matter ("the demands of the truck drivers")."""
    if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in _NOT_THINGS or t.dep_ == "npadvmod":
        return None
    if any(ch.isdigit() for ch in t.text) or t.lemma_.lower() in ctx.verbs.instruments and t.dep_ == "pobj" \
            and t.head.lower_ == "with":
        return None  # "in 2015-16", "a 60-person team"; "hit positions with a ballistic missile": a means
    lemma = t.lemma_.lower()
    matter = (pat is not None and pat.objects is not None and lemma in pat.objects) or lemma in ctx.verbs.nouns
    if matter and depth < 2:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "to", "with"):
                for p in c.children:
                    if p.dep_ == "pobj" and (inner := _thing(ctx, p, pat, depth + 1)) is not None:
                        return inner
    if pat is not None and pat.objects is not None and lemma in pat.objects and lemma not in ctx.verbs.persons:
        return None
    return t


def _first_actor_in_complement(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """"refused to meet the Iranian envoy": the first actor the complement names, after whose thing the
    complement acts on ("refused to answer a request from 20 lawmakers" refuses the lawmakers)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp"):
            held = [o for o in c.children if o.dep_ in ("dobj", "obj")] + [
                p for g in c.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
            for h in held:
                if h.lemma_.lower() not in _FROM_NOUNS:
                    continue  # "declined to elaborate on the company's release" is no refusal of the company
                for acts, why in _object_owners(ctx, h):
                    acts = [a for a in acts if _key(a) not in exclude]
                    if acts:
                        return acts, f"whose thing the complement acts on: {why}"
            for t in _core_subtree(c):
                acts = [a for a in ctx.by_head.get(t.i, []) if (a.actor.country or a.actor.igo) and _key(a.actor) not in exclude]
                if acts:
                    return [acts[0].actor], f"first actor in the complement: '{t.text}'"
    return [], ""


def _posture_target(ctx: _Ctx, tok, srcs: list[Actor], tgts: list[Actor], why: str) -> tuple[list[Actor], str]:
    """A show of force is aimed at whom the forces are readied against, not at the forces: "put two brigades on
    alert to deploy into Syria" is aimed at Syria, the brigades being the Pentagon's means (its own or no
    one's forces are never the target)."""
    own = {a.country for a in srcs if a.country}
    # forces readied, the object of the act, are under the doer's command wherever they are ("placed an
    # airborne brigade in Germany on alert")
    kept = [t for t in tgts if not (t.role in ("MIL", "COP") and (t.country is None or t.country in own
                                                                 or why.startswith("object ")))]
    if kept:
        return kept, why
    for c in tok.children:  # the purpose: "… on alert to fly into Lebanon", "… to move against the rebels"
        if c.dep_ not in ("xcomp", "advcl") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        for d in c.subtree:
            if d.dep_ == "prep" and d.lower_ in ("into", "to", "against", "toward", "towards"):
                for p in d.children:
                    acts = [a for a in _actors(ctx, p) or _modifier_actors(ctx, p)  # "against American ships"
                            if a.country not in own] if p.dep_ == "pobj" else []
                    if acts:
                        return acts, f"purpose '{d.text} {p.text}'"
    for c in tok.children:  # what the forces are for: "mobilised troops for a possible order to move against Syria"
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        for d in c.subtree:
            if d.dep_ == "prep" and d.lower_ == "against":
                for p in d.children:
                    # (or whose thing it is: "… against Syria's chemical weapons")
                    acts = [a for a in _actors(ctx, p) or _modifier_actors(ctx, p) or _first_actor_below(ctx, p, 2)[0]
                            if a.country not in own] if p.dep_ == "pobj" else []
                    if acts:
                        return acts, f"'for … {d.text} {p.text}'"
    return [], ""
