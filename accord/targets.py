"""Targets: to whom an act is done, found in the dependency parse around its trigger.

The object, a preposition's object, the object's possessor or maker, an actor named deeper inside the
object, a condition's subject, a place, or (with no actor named) the object phrase itself
(:func:`_targets`, :func:`_phrase_target`). Who acts is :mod:`accord.arguments`.
"""

from __future__ import annotations

from accord.arguments import (
    COLLECTIVES,
    FIRST_PERSON,
    LOCATIVE,
    PEOPLE_COUNTS,
    RELATIVE_PRONOUNS,
    _actors,
    _agent,
    _conj,
    _Ctx,
    _is_passive,
    _key,
    _modifier_actors,
    _telephoned,
)
from accord.incidents import FORCE_ROLES
from accord.modality import _conditional, _negated
from accord.types import Actor
from accord.vocabulary import DEFAULT_PREPS, Pattern


def _participle_target(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """"sent a letter to the WHO threatening to pull funding": a participle with no target of its own
    is done to the target of the clause it hangs on."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "mark") for c in tok.children):
        return [], ""
    found, why = _targets(ctx, tok.head, None, exclude)
    return (found, f"of the clause: {why}") if found else ([], "")


def _targets(ctx: _Ctx, tok, pat: Pattern | None, exclude: set) -> tuple[list[Actor], str]:
    cands: list[tuple[list[Actor], str]] = []
    if _is_passive(tok):
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None and tok.dep_ == "acl":
            subj = tok.head
        if subj is None and tok.dep_ == "advcl":  # "Arrested in 2017, the journalist …": the main clause's subject
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            cands.append((_actors(ctx, subj), f"passive subject '{subj.text}'"))
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "obj") or (c.dep_ == "oprd" and _telephoned(tok))]
    for o in objs:
        if pat is not None and pat.object_kind == "thing":
            break  # "returned a looted Bible to its owners": the thing is the matter, the one it goes to the target
        if pat is not None and pat.objects and o.lower_ in pat.objects and o.lemma_.lower() not in ctx.verbs.persons \
                and not any(a.code for a in _actors(ctx, o)) and any(
                    c.dep_ == "prep" and c.lower_ in ("against", "on", "upon") for c in tok.children):
            continue  # the act's own matter, even one the tagger calls a name: "lodged an FIR against the MLA"
        cands.append((_actors(ctx, o), f"object '{o.text}'"))
    for o in objs:  # "allowed aid workers access", "denied journalists entry": the parser's compound is who gets in
        if o.lemma_.lower() in ACCESS_NOUNS:
            cands += [(_actors(ctx, c), f"'{c.text} {o.text}'") for c in o.children if c.dep_ == "compound"]
    for o in objs:  # "branded the opposition traitors": the parser's compound is the one named so
        if o.lower_ in ctx.verbs.insults:
            cands += [(_actors(ctx, c), f"'{c.text} {o.text}'") for c in o.children if c.dep_ == "compound"]
    # "expressed Russia's support for Assad", "reaffirmed its commitment to": a verb that voices its object makes
    # the object's owner the doer's side, never the one the act is done to
    voiced = tok.lemma_.lower() in VOICING_VERBS and pat is not None and bool(pat.objects)
    for o in objs + [c for c in tok.children if c.dep_ == "nsubjpass"]:
        if voiced and o.lemma_.lower() in pat.objects:
            continue
        if o.lemma_.lower() in ctx.verbs.nouns:  # "condemned Israel's attack on Gaza", "the Israeli attack": the attacker
            for c in o.children:
                if c.lemma_.lower() in ctx.verbs.instruments:
                    continue  # "a cruise-missile attack on …": the weapon, not who attacks
                if (c.dep_ == "poss" and c.lower_ not in FIRST_PERSON) or (c.dep_ in ("amod", "compound") and c.i < o.i):
                    cands.append((_actors(ctx, c) or [m.actor for m in ctx.modifiers.get(c.i, [])], f"the act's own actor '{c.text}'"))
            # "condemned the shelling of Kharkiv by Russian forces", "the killings by Syrian troops" (the parser
            # may hang the "by" on the verb, right after the object): who did it, before whom it was done to,
            # when the dictionaries know them ("the killing of three Jordanian soldiers by gunmen" names Jordan's)
            bys = [c for c in o.children if c.dep_ == "prep" and c.lower_ == "by"] + [
                c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and c.i == o.right_edge.i + 1
                and not _is_passive(tok)]
            for c in bys:
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append(([a for a in _actors(ctx, p) if a.country or a.igo], f"the act's own actor 'by {p.text}'"))
    preps = pat.preps if pat else DEFAULT_PREPS
    for holder in [tok] + objs:
        if holder is not tok and not (voiced and holder.lemma_.lower() in pat.objects) and not (
                pat is not None and pat.code == "0841" and holder.lemma_.lower() in GRACE_NOUNS):
            # (whoever issued a pardon grants it, never receives it: "approved a pardon issued by the king")
            # whose thing the object is comes before the object's own phrases: "welcomed Trump's invitation to
            # Putin" welcomes Trump; "rejected an appeal filed by the opposition" rejects the opposition
            cands.extend(_object_owners(ctx, holder))
        for c in holder.children:  # spaCy calls the "to" of "sent a letter to Uganda" a dative
            if c.dep_ in ("prep", "dative") and c.lower_ in preps + ("between",) and not _hung_below(c):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append((_actors(ctx, p), f"'{c.text} {p.text}'"))
                        if not _actors(ctx, p):  # "responded to a request from Haaretz"
                            cands.extend(_object_owners(ctx, p))
    for o in objs:  # "condemned the blockade and the threats made by Turkey": whose a later conjunct is
        for c in _conj(o)[1:]:
            if not (voiced and c.lemma_.lower() in pat.objects):
                cands.extend(_object_owners(ctx, c))
    if pat is not None and pat.code[:2] == "09":
        # "opened an inquiry into allegations that three officers beat a detainee": the accused (CAMEO 092-094:
        # "alleged or potential perpetrators should be coded as targets")
        # ("launched an inquiry into …": the parser may hang "into" on the light verb)
        holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
        cands += _alleged_doers(ctx, objs + [p for h in holders for c in h.children if c.dep_ == "prep"
                                             for p in c.children if p.dep_ == "pobj"])
        cands += _split_of(ctx, tok)
    if "to" in preps and (hung := _hung_to(tok)) is not None:  # "returned the statues that were looted … to Nigeria"
        for p in hung.children:
            if p.dep_ == "pobj":
                cands.append((_actors(ctx, p), f"'to {p.text}' (under '{hung.head.text}')"))
                if not _actors(ctx, p):
                    cands.append((_first_actor_below(ctx, p)[0], f"inside 'to {p.text}'"))
    for o in objs:  # "lifted sanctions imposed on India", "the ban they imposed on aid agencies"
        for c in o.children:
            if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD"):
                for d in c.children:
                    if d.dep_ == "prep" and d.lower_ in ("on", "against", "upon"):
                        for p in d.children:
                            if p.dep_ == "pobj":
                                cands.append((_actors(ctx, p), f"'{o.text} {c.text} {d.text} {p.text}'"))
    for o in objs:  # "the rights of Palestinians", "a curfew in Montenegro"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "on", "against", "from", "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        acts = _actors(ctx, p) or _modifier_actors(ctx, p)
                        if c.lower_ == "in":  # "a curfew in Montenegro", but "an agreement in Berlin" is a venue
                            acts = [a for a in acts if a.country and not a.role]
                        cands.append((acts, f"'{o.text} {c.text} {p.text}'"))
    # "granted asylum to Panamanian officers" where only an adjective names the country; "the detained
    # American vessels were released": a passive's subject is its object
    for o in objs + [c for c in tok.children if c.dep_ == "nsubjpass" and _is_passive(tok)]:
        cands.append((_modifier_actors(ctx, o), f"modifier of '{o.text}'"))
    for holder in [tok] + objs:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append((_modifier_actors(ctx, p), f"modifier of '{p.text}'"))
    # one level down: "a suspension of air links with Serbia", "reservists for a war against Iraq"
    for holder in [tok] + objs:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in preps + ("of",):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    for c2 in p.children:
                        if c2.dep_ == "prep" and c2.lower_ in ("with", "to", "against", "on", "toward", "towards"):
                            for p2 in c2.children:
                                if p2.dep_ == "pobj":
                                    cands.append((_actors(ctx, p2), f"'{p.text} {c2.text} {p2.text}'"))
    # a particle the parser made a preposition: "pulled out of the talks with the government"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("out", "away", "back", "off"):
            for g in c.children:
                if g.dep_ == "prep":
                    for p in g.children:
                        if p.dep_ == "pobj":
                            cands.append((_actors(ctx, p), f"'{c.text} {g.text} {p.text}'"))
                            found, where = _first_actor_below(ctx, p)
                            if found:
                                cands.append((found, f"inside '{p.text}': '{where}'"))
    # deeper inside the object or a prepositional object: "reneged on an accord with Iran", "imposed
    # blockades in some parts of west Darfur", "a meeting of the North Atlantic Council"
    for holder in objs + [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
                          if p.dep_ == "pobj"]:
        found, where = _first_actor_below(ctx, holder, facilities=pat is not None and pat.code[:2] in VIOLENT_ROOTS,
                                          voiced=voiced and holder.lemma_.lower() in pat.objects, exclude=exclude)
        if found:
            cands.append((found, f"inside '{holder.text}': '{where}'"))
    if pat is not None and pat.code[:2] == "04":
        # "discussed Libya with Trump": a consultation's object is its topic, the one it is held with its target
        cands.sort(key=lambda c: not c[1].startswith("'with "))
    if pat is not None and pat.code[:2] == "11" and not objs:
        # "complained to the UN over Israeli air raids": a complaint is about the one complained of, not to whom
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("over", "about", "against"):
                for p in c.children:
                    if p.dep_ == "pobj" and (acts := _actors(ctx, p) or _modifier_actors(ctx, p)):
                        cands.insert(0, (acts, f"'{c.text} {p.text}'"))
    if pat is not None and pat.code[:2] == "11" and pat.objects and any(o.lemma_.lower() in pat.objects for o in objs):
        # "filed a complaint with the rights council against the army", "a lawsuit in a federal court against the
        # county": a complaint or a suit is against its defendant, not the body it is lodged with or filed in
        # (CAMEO 115: "target must be the defendant")
        # and one "accusing" someone is against them ("filed a lawsuit accusing the cartel of …")
        cands[:0] = _against_phrases(ctx, [tok, *objs]) + [
            (_actors(ctx, d), f"'{o.text} {c.text} {d.text}'") for o in objs for c in o.children
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in ACCUSING
            for d in c.children if d.dep_ == "dobj"]
    if pat is not None and pat.code[:2] == "14":
        # what a protest answers or demands outranks a venue ("rallied in Nairobi in protest at …": Nairobi
        # stands for its government only when nothing else is named); the workplace comes last
        answered, workplace = _protested(ctx, tok, objs)
        at = next((i for i, (_, why) in enumerate(cands) if why.startswith("'in ")), len(cands))
        cands[at:at] = answered
        cands += workplace
    if pat is not None and pat.code == "082":
        cands += _dissent_answered(ctx, tok)
    if pat is not None and pat.code == "0841" and tok.dep_ == "advcl" and _is_passive(tok.head) \
            and tok.head.lemma_.lower() in FREEING:
        # "the editor was freed after the king pardoned him": who the main clause frees is who was pardoned
        cands += [(_actors(ctx, c), f"freed '{c.text}'") for c in tok.head.children if c.dep_ == "nsubjpass"]
    states = {k[1] for k in exclude if len(k) == 3 and k[1] and k[0] in (k[1], k[1] + "GOV")}
    if objs and pat is not None and pat.code[:2] in VIOLENT_ROOTS:
        # "hit military positions with a ballistic missile": after an object, "with" names the means
        cands = [(a, w) for a, w in cands if not (w.startswith("'with ") and w.strip("'").split()[-1].lower() in ctx.verbs.instruments)]
    for actors, why in cands:
        # a state's own forces and intelligence are what it acts with ("offered its troops to Lebanon", "provided
        # intelligence to Ukraine"), not its target
        # nor its own officials named by title alone ("Kenya recalls envoy to Uganda": the envoy is Kenya's)
        # (but an inquiry into its own forces is done to them: "claims that the army tortured prisoners")
        actors = [a for a in actors if _key(a) not in exclude and not (a.country in states and (
            a.role in ("MIL", "SPY") or (a.role == "GOV" and a.name[:1].islower())) and not why.startswith("accused"))
            # the act's own unplaced forces: "deployed troops", "agreed to share intelligence"
            and not (why.startswith("object") and own_means(a, pat))]
        if actors and why.startswith("object") and all(_own_people(a, states, pat) for a in actors) and any(
                w.startswith("'to ") and any(b.country and b.country not in states for b in acts) for acts, w in cands):
            continue  # "Pakistan handed over two suspects to Iran": its own people handed over; Iran receives
        if actors:
            return actors, why
    negated = _negated(tok)
    refusal = pat is not None and pat.code[:2] == "12" and not negated
    if (pat is not None and pat.code[:2] == "13") or _conditional(tok) or negated or refusal:
        # "unless Baghdad accepts", "will not lift the embargo until Cuba reforms", "refused to return until the
        # ministry paid them": whoever must comply
        # ("will not end the strike before the management is replaced": "before" is "until" under a negation)
        marks = ("until", "till", "before") if negated else ("unless", "until", "till") if refusal else (
            "unless", "if", "until", "till")
        found = _condition_subject(ctx, tok, marks, exclude=exclude)
        if found:
            return found
    if refusal and (found := _permitted(ctx, tok, exclude))[0]:
        return found
    if pat is not None and pat.code[:2] in PLACE_TARGET_ROOTS:
        # the pattern's object in a phrase holds the place too: "remained on high alert in the district of Poonch"
        phrased = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in pat.object_preps and c.lower_ != "of"
                   for p in c.children if p.dep_ == "pobj" and pat.objects and p.lower_ in pat.objects] \
            if pat.code[:2] == "15" else []
        found, why = _place_target(ctx, tok, objs + phrased)
        person = next((o for o in objs if o.lemma_.lower() in ctx.verbs.persons), None)
        if found and person is not None and found[0].country:
            # "tortured a 35-year-old inmate to death in western Iran": the person, one of that country's people
            # (unless that is who acts: "herdsmen attacked farmers in Benue" is done in Benue)
            people = _people_of(_phrase_name(person), found[0].country)
            if _key(people) not in exclude:
                return [people], f"object '{person.text}', {why}"
        return found, why
    if pat is not None and pat.code[:2] == "07" and (got := _obtained_by(ctx, objs, exclude))[0]:
        return got
    if pat is not None and pat.code[:2] in PLACE_TARGET_ABROAD:
        # "provided food to 300,000 people in northeast Nigeria": aid, or an inquiry, abroad is for that country
        held = objs + [p for c in tok.children if c.dep_ in ("prep", "dative") for p in c.children if p.dep_ == "pobj"]
        found, why = _place_target(ctx, tok, held)
        if not found and pat.code[:2] == "09":
            found, why = _sent_to(ctx, tok)
        if found and found[0].country not in own_countries(exclude):
            return found, why
    return [], ""


# Time words that stand between an act and its "of" phrase: "the murder last week of the lawmaker".
TIME_WORDS = frozenset({"week", "weekend", "night", "day", "morning", "afternoon", "evening", "month", "year",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"})


def _split_of(ctx: _Ctx, tok) -> list[tuple[list[Actor], str]]:
    """Who an act looked into was done to when a time phrase splits it from its "of" phrase, which the parser
    then hangs on the verb or the time word: "opened an inquiry into the murder last week of the lawmaker",
    "an investigation of the killing Tuesday night of the mayor"."""
    sent = tok.sent
    for t in sent:
        if t.i <= tok.i + 2 or t.lower_ != "of" or t.doc[t.i - 1].lemma_.lower() not in TIME_WORDS:
            continue
        acts = [a for a in sent if tok.i < a.i < t.i - 1 and a.pos_ in ("NOUN", "VERB")
                and (a.lemma_.lower() in ctx.verbs.nouns or a.lower_ in ctx.verbs.nouns)]
        if acts:
            return [(_actors(ctx, p), f"'{acts[-1].text} … {t.text} {p.text}'") for p in t.children if p.dep_ == "pobj"]
    return []


# Verbs of getting what was given: "the weapons that Armenia obtained", "the aid Haiti received".
OBTAINING_VERBS = frozenset({"receive", "get", "obtain", "acquire", "import", "buy", "purchase"})


def _obtained_by(ctx: _Ctx, objs: list, exclude: set) -> tuple[list[Actor], str]:
    """Who got what was given, named by a relative clause on it (or on its "of" phrase): "supplied most of the
    weapons that Armenia obtained", "delivered the rations the refugees received"."""
    held = objs + [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
    for o in held:
        for c in o.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in OBTAINING_VERBS:
                s = next((g for g in c.children if g.dep_ == "nsubj" and g.lower_ not in RELATIVE_PRONOUNS), None)
                acts = [a for a in _actors(ctx, s) if _key(a) not in exclude] if s is not None else []
                if acts:
                    return acts, f"who got it: '{o.text} {s.text} {c.text}'"
    return [], ""


# What an allegation is called: "allegations that …", "claims that …", "reports that …".
CLAIM_NOUNS = frozenset({"allegation", "claim", "report", "accusation", "suspicion", "charge", "complaint", "rumour",
                         "rumor", "evidence"})


def _alleged_doers(ctx: _Ctx, nouns: list) -> list[tuple[list[Actor], str]]:
    """Who an allegation says did it: the subject (or a passive's agent) of its "that" clause; who did the act
    looked into, named by "by" ("the killing of a journalist by soldiers") or as its possessor ("the army's
    shelling of the town"). With no doer named, the act's victim is found later ("the killing of a journalist")."""
    out = []
    for n in nouns:
        if n.lemma_.lower() in ctx.verbs.nouns:
            out += [(_actors(ctx, p), f"accused: '{n.text} by {p.text}'") for c in n.children
                    if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
            out += [(_actors(ctx, c), f"accused: '{c.text} {n.text}'") for c in n.children
                    if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON]
        if n.lemma_.lower() not in CLAIM_NOUNS:
            continue
        for c in n.children:
            if c.dep_ not in ("acl", "ccomp", "relcl") or not any(m.lower_ == "that" for m in c.children
                                                                 if m.dep_ in ("mark", "nsubj")):
                continue  # "claims that …", never "the claims it made"
            doer = next((g for g in c.children if g.dep_ == "nsubj" and g.lower_ != "that"), None) or _agent(c)
            if doer is not None:
                out.append((_actors(ctx, doer), f"accused in '{n.text} that … {c.text}': '{doer.text}'"))
    return out


# Participles that name whom a complaint or a suit is against: "a lawsuit accusing the cartel of …".
ACCUSING = frozenset({"accuse", "charge", "blame"})


def _against_phrases(ctx: _Ctx, holders: list) -> list[tuple[list[Actor], str]]:
    """The "against" phrases on the holders, then those the parser hung one phrase down ("in a federal court
    against the county", "with the council on Sunday against the army")."""
    direct, hung = [], []
    for h in holders:
        for c in h.children:
            for p in (p for p in c.children if p.dep_ == "pobj") if c.dep_ == "prep" else ():
                if c.lower_ == "against":
                    direct.append((_actors(ctx, p), f"'against {p.text}'"))
                    continue
                for c2 in p.children:
                    if c2.dep_ == "prep" and c2.lower_ == "against":
                        hung += [(_actors(ctx, p2), f"'against {p2.text}' (under '{p.text}')")
                                 for p2 in c2.children if p2.dep_ == "pobj"]
    return direct + hung


# Verbs that give a thing to someone: their "to" names who receives it.
GIVING = frozenset({"give", "return", "hand", "send", "deliver", "restore", "repatriate", "transfer", "donate", "ship",
                    "lend", "supply", "extradite", "deport", "surrender", "cede", "sell", "provide", "offer", "grant"})
# Verbs (and adjectives) with a "to" of their own: "the refugees who had fled to Lebanon", "heads that date
# back to the 16th century", "paintings that belonged to a family".
OWN_TO = GIVING | frozenset({"belong", "go", "come", "flee", "move", "travel", "take", "bring", "export", "smuggle",
                             "lead", "relate", "link", "date", "add", "contribute", "apply", "refer", "talk", "speak",
                             "write", "report", "entrust", "owe", "fly", "migrate", "escape", "due", "close", "similar",
                             "loan", "carry", "transport", "expel", "sentence", "appeal",
                             "sign", "tie", "attach", "dedicate", "devote", "present", "submit", "raise", "rise", "fall"})


def _hung_to(tok):
    """The "to" a giving verb's recipient hangs on when the parser put it inside the object's relative clause,
    participle or apposition ("returned the statues that were looted in 1990 to Nigeria", "handed back a
    manuscript, missing since 1943, to the library"); None when the verb has a "to" of its own. In a clause
    whose verb has its own "to", only a second one ("the refugees who had fled to Lebanon to Syria")."""
    if tok.lemma_.lower() not in GIVING or tok.pos_ != "VERB" or any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children):
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objs:
        return None
    clauses = [c for o in objs for c in o.subtree if c.dep_ in ("relcl", "acl", "appos") and c.i > o.i]
    clauses += [c for c in tok.children if c.dep_ == "advcl" and c.i > objs[0].i and c.tag_ in ("VBN", "VBG", "JJ")
                and not any(g.dep_ in ("nsubj", "mark") for g in c.children)]
    for cl in clauses:
        tos = [c for c in cl.subtree if c.dep_ in ("prep", "dative") and c.lower_ == "to" and _phrase_of(c, cl)
               and any(p.dep_ == "pobj" for p in c.children)]
        if cl.lemma_.lower() in OWN_TO or cl.lower_ in OWN_TO or (_acting_clause(cl) and cl.lower_ not in STATES):
            tos = tos[1:]
        if tos:
            return tos[-1]
    return None


# Participles the tagger reads as verbs that name a state, with no "to" of their own: "a manuscript, missing since 1943".
STATES = frozenset({"missing"})


def _acting_clause(cl) -> bool:
    """Is the clause something its noun does ("the ship that had sailed to Cyprus", "migrants fleeing to Libya"),
    whose "to" is its own, rather than something done to it ("the statues that were looted in 1990")?"""
    if cl.tag_ == "VBN" and cl.dep_ in ("acl", "advcl") or cl.tag_ == "JJ" or _is_passive(cl):
        return False
    # "the land that the army had seized": done to the land by someone else
    return not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in cl.children)


def _hung_below(c) -> bool:
    """Is this "to" a giving verb's recipient that the parser hung inside its object (see :func:`_hung_to`)?"""
    if c.lower_ != "to":
        return False
    g = c.head
    while g.head.i != g.i and not (g.pos_ == "VERB" and g.lemma_.lower() in GIVING and g.i != c.head.i):
        g = g.head
    return (h := _hung_to(g)) is not None and h.i == c.i


# Verbs that send people somewhere: "sent a team of experts to Uganda to investigate the crash".
SENDING = frozenset({"send", "dispatch", "despatch", "deploy", "fly", "rush", "post", "station", "assign"})


def _sent_to(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """The country people were sent to, for an act that is the purpose of sending them: "dispatched
    inspectors into Syria to monitor the truce", "will send experts to Lebanon to help investigate"."""
    gov = tok
    for _ in range(2):  # through "to help investigate"
        if gov.dep_ not in ("advcl", "xcomp") or gov.head.i == gov.i:
            return [], ""
        gov = gov.head
        if gov.lemma_.lower() in SENDING:
            break
    if gov.lemma_.lower() not in SENDING or gov.pos_ != "VERB":
        return [], ""
    inside = {t.i for t in tok.subtree}
    for c in gov.subtree:
        if c.dep_ != "prep" or c.lower_ not in ("to", "into") or c.i in inside or not _phrase_of(c, gov):
            continue
        for t in c.subtree:
            if (a := _place_at(ctx, t)) is not None:
                return [Actor(name=a.name, code=a.country, country=a.country)], f"sent '{c.text} {t.text}'"
    return [], ""


def _phrase_of(t, gov, clauses: frozenset[str] | None = None) -> bool:
    """Is ``t`` in ``gov``'s own phrases ("sent a team of experts to Uganda"), not inside a clause below it
    (``clauses``, by default :data:`_CLAUSE_DEPS`)?"""
    clauses = _CLAUSE_DEPS if clauses is None else clauses
    while t.i != gov.i:
        if t.dep_ in clauses:
            return False
        t = t.head
    return True


# What one is let into a place with: "allowed aid workers access", "allow UN inspectors access to the sites".
ACCESS_NOUNS = frozenset({"access", "entry", "passage"})


# What one is permitted to do or have: "refused permission for the envoy to visit", "denied a visa to the
# bishop", "withheld clearance for the convoy".
PERMITS = ACCESS_NOUNS | frozenset({"permission", "permit", "visa", "visas", "clearance", "authorization",
                                    "authorisation", "approval", "licence", "license", "consent"})
# Verbs that permit a clause's subject to act: "allowed the convoy to cross", "let the observers in".
PERMITTING = frozenset({"allow", "let", "permit", "authorize", "authorise", "enable"})


def _permitted(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """Who is (not) permitted, for a refusal of permission (CAMEO 124x, 125x): the one refused ("refused the
    governor to extend his term", "refused the monitors entry"), the one a permission is for ("refused
    permission for the British envoy to visit", "denied a visa to the archbishop"), the subject of the clause
    let happen ("refused to allow a Qatari plane to land"); actors named only by an adjective count."""

    def named(t) -> list[Actor]:
        return [a for a in _actors(ctx, t) or _modifier_actors(ctx, t) if _key(a) not in exclude]

    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "obj")]
    for o in objs:
        if o.lemma_.lower() not in PERMITS and (acts := named(o)):
            return acts, f"the one refused '{o.text}'"
    for o in objs:
        if o.lemma_.lower() not in PERMITS:
            continue
        for c in o.children:
            if c.dep_ in ("prep", "mark") and c.lower_ in ("for", "to"):
                for p in c.children:
                    if p.dep_ == "pobj" and (acts := named(p)):
                        return acts, f"'{o.text} {c.text} {p.text}'"
        # the parser may hang the "for" clause on the verb: "refused a visa [for the minister to attend]"
        for c in list(o.children) + [c for c in tok.children if c.dep_ == "advcl"]:
            if c.dep_ in ("acl", "advcl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                # "permission for Greenpeace to hold …" (the parser may hang the subject on the "for")
                s = next((g for g in c.children if g.dep_ == "nsubj"), None) or next(
                    (p for m in c.children if m.dep_ == "mark" and m.lower_ == "for" for p in m.children if p.dep_ == "pobj"), None)
                if s is not None and (acts := named(s)):
                    return acts, f"'{o.text} for {s.text}'"
    permitting = tok.lemma_.lower() in PERMITTING
    for c in tok.children:
        # "allowed the convoy to cross"; a refusal read as a clause of its own: "rejected [the premier to speak]"
        if c.dep_ in ("ccomp", "xcomp") and (permitting or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and (acts := named(s)):
                return acts, f"subject of '{c.text}'"
    return [], ""


# Verbs that voice their object rather than act on it: "expressed support", "reiterated its commitment".
VOICING_VERBS = frozenset({"express", "voice", "reiterate", "reaffirm", "declare", "pledge", "confirm", "repeat",
                           "extend", "offer", "convey", "announce", "renew", "show", "lend", "give", "state",
                           "restate", "underline", "stress", "emphasise", "emphasize", "signal", "promise", "vow",
                           "assure", "affirm"})


def _own_people(a: Actor, states: set, pat: Pattern | None) -> bool:
    """People of the acting state named by the pattern's own object word ("handed over two suspects")."""
    return (a.country in states and a.role == "CVL" and a.name[:1].islower() and pat is not None and bool(pat.objects)
            and a.name.split()[-1].lower() in pat.objects)


def own_countries(exclude: set) -> set[str]:
    """The countries of the actors in a set of :func:`_key` keys (the source's, when excluding it)."""
    return {k[1] for k in exclude if len(k) >= 3 and k[1]}


def own_means(a: Actor, pat: Pattern | None) -> bool:
    """The act's own unplaced forces, named by its pattern's object word: "deployed troops", "agreed to share
    intelligence" — what the actor acts with, not on."""
    return (not a.country and a.role in ("MIL", "SPY") and pat is not None and bool(pat.objects)
            and a.name.split()[-1].lower() in pat.objects)


def _object_owners(ctx: _Ctx, o) -> list[tuple[list[Actor], str]]:
    """Whose object it is, when the object is no actor itself: its possessor ("Trump's plan"), its maker
    ("the appeal filed by his lawyers", "a request from 20 MPs")."""
    if _actors(ctx, o):
        return []
    out = []
    for c in o.children:
        if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON:  # "our relations with Russia": ours are the doer's
            out.append((_actors(ctx, c), f"possessor '{c.text}'"))
    for c in o.children:
        if c.dep_ in ("relcl", "acl") and o.lemma_.lower() in _FROM_NOUNS and (s := _relative_maker(c)) is not None:
            out.append((_actors(ctx, s), f"'{o.text} {s.text} {c.text}'"))
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in MEDIATING:
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            out.append((_actors(ctx, p), f"'{o.text} {c.text} by {p.text}'"))
        elif c.dep_ == "prep" and c.lower_ in ("from", "by", "of") and o.lemma_.lower() in _FROM_NOUNS:
            # "a request by the health ministry for troops", "the appeal of a jailed blogger": whose it is
            # comes before what it asks for
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((_actors(ctx, p), f"'{o.text} {c.text} {p.text}'"))
    return out


# Go-betweens' verbs: "a truce brokered by Qatar" is the parties' truce; the broker is no party to it.
MEDIATING = frozenset({"broker", "mediate", "facilitate", "host"})
# Verbs of freeing someone held.
FREEING = frozenset({"release", "free", "pardon", "parole", "amnesty", "discharge"})
# Acts of grace whose maker is the one who grants them.
GRACE_NOUNS = frozenset({"pardon", "pardons", "amnesty", "clemency"})
# Nouns that say what a protest answers: "in protest at the new law", "in response to the firm's decision".
_PROTESTED_NOUNS = frozenset({"protest", "response", "reaction", "opposition", "anger", "outrage"})
# Verbs of demanding: "staged a sit-in demanding that the ministry reinstate them" is against the ministry.
_DEMANDING = frozenset({"demand", "urge", "call", "press", "ask"})
# Workplaces a strike is held at: "went on strike at the Maersk terminals" is against whoever runs them.
_WORKPLACES = frozenset({"mine", "mines", "plant", "plants", "factory", "factories", "terminal", "terminals", "refinery",
                         "mill", "mills", "warehouse", "warehouses", "smelter", "shipyard", "oilfield", "works",
                         "company", "firm", "airline", "hospital", "hospitals", "port"})


def _protested(ctx: _Ctx, tok, objs: list) -> tuple[list[tuple[list[Actor], str]], list[tuple[list[Actor], str]]]:
    """Whom a protest or a strike is against when no preposition of the verb names them (CAMEO 14: the target is
    who is protested against): what it answers ("in protest at the ministry's decision", "in response to
    Siemens's plan"), who it demands of ("staged a sit-in demanding that the council reopen the school"), and the
    named workplace a strike is held at ("stopped work in a strike at the Kansanshi copper mine"), apart."""
    out: list[tuple[list[Actor], str]] = []
    places: list[tuple[list[Actor], str]] = []
    # the protest's own noun may carry the phrases: "went on strike at …", "stopped work in a strike at …"
    holders = [tok, *objs] + [p for h in [tok, *objs] for c in h.children if c.dep_ == "prep"
                              for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ctx.verbs.nouns]
    for h in holders:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for n in c.children:
                if n.dep_ != "pobj" or n.lemma_.lower() not in _PROTESTED_NOUNS:
                    continue
                for d in n.children:
                    if d.dep_ == "prep" and d.lower_ in ("at", "against", "over", "to", "of"):
                        for p in d.children:
                            if p.dep_ == "pobj":
                                out.append((_actors(ctx, p), f"'{c.text} {n.text} {d.text} {p.text}'"))
                                out.extend(_object_owners(ctx, p))
                                found, where = _first_actor_below(ctx, p)
                                out.append((found, f"inside '{n.text} {d.text} {p.text}': '{where}'"))
    for h in [tok, *objs]:
        for c in h.children:
            if c.dep_ in ("advcl", "acl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in _DEMANDING:
                # the one who must act, never the one it is done to ("demanding that he be reinstated")
                for d in c.children:
                    if d.dep_ == "ccomp" and (s := next((g for g in d.children if g.dep_ == "nsubj"), None)) is not None:
                        out.append((_actors(ctx, s), f"demanded of '{s.text}'"))
    for h in holders:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in ("at", "in"):
                continue
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in _WORKPLACES and _named_place(p) and _place_at(ctx, p) is None:
                    places.append((_actors(ctx, p) or [m.actor for q in p.children if q.dep_ == "compound"
                                                       for m in ctx.by_head.get(q.i, [])]
                                   or [Actor(name=_phrase_name(p), code=None)], f"workplace '{c.text} {p.text}'"))
    return out, places


# What a protest is called off after: "after the agreement with the ministry", "following talks with the mayor".
_SETTLING_PREPS = frozenset({"after", "following"})
_SETTLING_MARKS = frozenset({"after", "once", "when"})
_SETTLEMENTS = frozenset({"agreement", "deal", "accord", "settlement", "compromise", "talks", "negotiation", "pact",
                          "concession", "offer", "assurance", "promise"})


def _dissent_answered(ctx: _Ctx, tok) -> list[tuple[list[Actor], str]]:
    """Whom protesters or strikers yield to when they call their action off (CAMEO 082): the one they settled
    with ("called off the strike after an agreement with the ministry", "after reaching a deal with the
    government", "following talks with the governor") or who gave way first ("ended the sit-in after the
    council agreed to reopen the school")."""
    out: list[tuple[list[Actor], str]] = []
    nouns = []
    # the parser may hang the clause on one describing the protest ("a strike that had caused disruption after
    # the government accepted a deal"); whoever it names is still the other side
    clauses = [tok] + [r for o in tok.children if o.dep_ == "dobj" for r in o.children if r.dep_ == "relcl"]
    for c in (c for h in clauses for c in h.children):
        if c.dep_ == "prep" and c.lower_ in _SETTLING_PREPS:
            for p in c.children:
                if p.dep_ in ("pobj", "dobj"):
                    nouns.append(p)
                elif p.dep_ == "pcomp":  # "after reaching a deal with …"
                    nouns += [d for d in p.children if d.dep_ == "dobj" and d.lemma_.lower() in _SETTLEMENTS]
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _SETTLING_MARKS for m in c.children):
            if (s := next((g for g in c.children if g.dep_ == "nsubj"), None)) is not None:
                out.append((_actors(ctx, s), f"who gave way first '{s.text}'"))
            nouns += [d for d in c.children if d.dep_ == "dobj" and d.lemma_.lower() in _SETTLEMENTS]
    for n in nouns:
        out.append((_actors(ctx, n), f"settled after '{n.text}'"))
        for d in n.children:
            if d.dep_ == "prep" and d.lower_ in ("with", "between"):
                out += [(_actors(ctx, p), f"settled '{n.text} {d.text} {p.text}'") for p in d.children if p.dep_ == "pobj"]
        out.extend(_object_owners(ctx, n))
    return out


def _relative_maker(clause):
    """The subject of a relative clause whose object is the noun it describes: "the offer Moscow made", "the
    plan that the king presented"; not "the demand that Israel withdraw" (asked of Israel, no one's making)."""
    if clause.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or any(g.dep_ in ("nsubjpass", "auxpass") for g in clause.children):
        return None
    if any(g.dep_ in ("dobj", "obj") and g.lower_ not in RELATIVE_PRONOUNS for g in clause.children):
        return None
    return next((g for g in clause.children if g.dep_ == "nsubj" and g.lower_ not in RELATIVE_PRONOUNS), None)


# Things that come from someone: "a request from Haaretz", "an invitation from Putin", "a bid by Moscow",
# "the petition of the farmers".
_FROM_NOUNS = frozenset({"request", "invitation", "offer", "proposal", "demand", "call", "appeal", "plea", "letter",
                         "message", "ultimatum", "threat", "warning", "order", "bid", "plan", "initiative", "overture",
                         "petition", "decision", "suggestion", "recommendation", "application"})


# Roots whose act, with no one named as its target, is done to the country where it happens:
# a curfew imposed in Cizre, roads blocked in Algiers, troops withdrawn in Lebanon.
PLACE_TARGET_ROOTS = {"08", "14", "15", "16", "17", "18", "19", "20"}
# Roots whose act with no one named is done to the country where it happens only when that is abroad:
# aid delivered in Yemen is aid to Yemen; an inquiry opened in Berlin by Germany is not done to Germany.
PLACE_TARGET_ABROAD = {"07", "09"}


# Dependents that start a clause of its own: an actor inside one is not what the phrase is about.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "appos", "punct", "cc"})


# Acts of force whose object's owner is their target: "attacked an army camp" attacks the army.
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})


def _first_actor_below(ctx: _Ctx, tok, depth: int = 4, facilities: bool = False,
                       voiced: bool = False, exclude: set | frozenset = frozenset()) -> tuple[list[Actor], str]:
    """The first actor named inside a noun phrase, nearest the head first, not inside its clauses nor
    in a phrase of place or time ("an agreement in Berlin" is not an agreement with Germany).

    A sector noun modifying a thing is not an actor ("welcomed a court ruling"), except as the owner of
    what an act of force hits (``facilities``: "attacked an army camp"). The owner of a stance the doer
    voices is the doer's side (``voiced``: "reiterated the government's support for talks among Libyan
    factions" supports the factions). The doer's own possessive (``exclude``) is passed over, not an end of the
    search: "ended its ban on flights from Somalia" is done to Somalia."""

    def below(t) -> list:
        return [c for c in t.children if c.dep_ not in _CLAUSE_DEPS and not (c.dep_ == "prep" and c.lower_ in LOCATIVE)]

    frontier = [c for c in below(tok) if not (c.dep_ == "poss" and (voiced or any(
        _key(a) in exclude for a in _actors(ctx, c))))]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            if t.dep_ in ("compound", "amod") and t.lemma_.lower() in ctx.verbs.instruments:
                continue  # "a cruise-missile attack": the weapon modifying the act is not what it hits
            acts = _actors(ctx, t) or _modifier_actors(ctx, t)
            if t.dep_ in ("compound", "amod", "nmod") and t.pos_ != "PROPN" and not facilities:
                acts = [a for a in acts if not a.role]  # "a court ruling" is not the court; "Brazilian beef" is Brazil
            if acts:
                return acts, t.text
            nxt += below(t)
        frontier = nxt
    return [], ""


def _condition_subject(ctx: _Ctx, tok, marks: tuple[str, ...] = ("unless", "if"),
                       deep: bool = False, exclude: set | frozenset = frozenset()) -> tuple[list[Actor], str] | None:
    """"… unless Baghdad accepted", "… if the United States goes ahead": a threat's target is whoever must
    comply; so is a refusal's ("will not end the strike until the government pays", "… until our demands are
    met by the authorities": the passive's agent). When the condition's subject is the source itself, whoever
    the clause it embeds names ("will not lift the embargo until it is satisfied that Havana has freed …")."""
    holders = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    if deep:  # "threatened to stop talks to cut arms if the US goes ahead": the condition may hang lower
        holders += [t for t in tok.subtree if t.dep_ in ("acl", "xcomp", "dobj") and t.i != tok.i]
    for t in holders:
        for c in t.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                # the condition's verb, then the clause it embeds: "until he is satisfied (that) Havana …"
                embedded = [g for h in [c] + [a for a in c.children if a.dep_ == "acomp"]
                            for g in h.children if g.dep_ == "ccomp"]
                for clause in [c] + embedded:
                    if (found := _clause_doer(ctx, clause, exclude)) is not None:
                        return found
    return None


def _clause_doer(ctx: _Ctx, clause, exclude: set | frozenset) -> tuple[list[Actor], str] | None:
    """The actors of a clause's subject, else of its passive's agent, else of its passive subject, other than ``exclude``."""
    s = next((g for g in clause.children if g.dep_ == "nsubj"), None)
    if s is None:
        s = next((p for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"),
                 next((g for g in clause.children if g.dep_ == "nsubjpass"), None))
    acts = [a for a in _actors(ctx, s) if _key(a) not in exclude] if s is not None else []
    return (acts, f"subject of the condition '{s.text}'") if acts else None


def _place_target(ctx: _Ctx, tok, objs: list) -> tuple[list[Actor], str]:
    """The country of the first place named by a locative phrase on the verb or its object."""
    for holder in [tok] + objs:
        for c in holder.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "at", "near", "inside", "outside", "throughout", "across"):
                continue
            owners = [m.actor for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "compound"
                      for m in ctx.by_head.get(g.i, []) if m.actor.country and m.actor.role in FORCE_ROLES]
            if owners:  # "a car bomb near an Iraqi police station": the station's forces, not only the country
                return owners[:1], f"forces' post '{c.text} {owners[0].name}'"
            for t in c.subtree:
                if (a := _place_at(ctx, t)) is not None:  # "in Montenegro province"
                    return [Actor(name=a.name, code=a.country, country=a.country)], f"place '{c.text} {t.text}'"
    return [], ""


def _place_at(ctx: _Ctx, t) -> Actor | None:
    """The country or capital a word names as a place (not a sector of it: "Iraqi police" is no place)."""
    for m in ctx.by_head.get(t.i, []) + ctx.modifiers.get(t.i, []):
        if m.actor.country and (not m.actor.role or m.how == "capital"):
            return m.actor
    return None


def _people_of(name: str, country: str) -> Actor:
    """People no one names, of a country (CAMEO's civilian sector)."""
    return Actor(name=name, code=country + "CVL", country=country, role="CVL")


def _named_place(t) -> bool:
    return t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") or any(
        c.pos_ == "PROPN" for c in t.children if c.dep_ in ("compound", "amod", "nmod"))


def _phrase_name(t) -> str:
    """A noun with its modifiers, without its article: "the protesting truck drivers" → "protesting truck drivers"."""
    name = " ".join(w.text for w in t.subtree if w.i <= t.i and w.dep_ not in ("det", "punct", "predet"))
    if t.lower_ in PEOPLE_COUNTS or t.lemma_.lower() in COLLECTIVES:  # "hundreds of banks"
        of = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
        if of is not None:
            name = f"{name} of {_phrase_name(of)}"
    return name or t.text


