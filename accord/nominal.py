"""Events named by nouns: "a visit to Iran", "talks with Iran", "an agreement between Russia and Iran".

The doer is the noun's modifier or possessor, its "by" phrase, the subject of a light verb ("held talks"), a
"between" pair, or the giver of what a subject received ("received an invitation from Putin", "got $20 million in
aid from Japan"); donors and peacekeeping forces give aid to whom they serve. An incident no one is named in
("clashes erupted in Juba") is kept with no source. Nothing is coded for an act a verb undoes or that has not
happened ("cancelled the visit", "a planned visit").
"""

from __future__ import annotations

from accord.arguments import (
    PEOPLE_COUNTS,
    _actors,
    _claimers,
    _Ctx,
    _direct_objects,
    _is_passive,
    _key,
    _mediated_parties,
    _sources,
)
from accord.emit import (
    SOURCELESS_ROOTS,
    _business,
    _countries,
    _emit,
    _forward_code,
    _wants_phrase,
)
from accord.incidents import split_sides
from accord.matching import (
    _match,
    _object_lemmas,
)
from accord.modality import (
    _forward_looking,
    _modality,
    _negated,
)
from accord.phrase_targets import _phrase_target
from accord.targets import _targets
from accord.types import Actor, Event
from accord.vocabulary import Pattern

# Modifiers of an act named by a noun that has not happened.
NOT_YET = frozenset({"next", "upcoming", "planned", "proposed", "future", "possible", "potential", "prospective",
                     "expected", "scheduled", "forthcoming", "impending", "mooted", "likely", "eventual"})


# Verbs whose subject is the one on the visit of an "on a visit" phrase: "is on a visit to", "led a delegation
# on a visit to", "embarked on a tour of"
ON_A_VISIT = frozenset({"be", "lead", "go", "come", "travel", "arrive", "head", "leave", "depart", "set", "embark"})

# Intent words that, with a noun for object, carry the act out: "undertook a mediation mission" mediates,
# "undertook to mediate" promises to (the intent family)
CARRYING_OUT = frozenset({"undertake"})

# Verbs that undo or oppose the act their object names: a cancelled visit is no visit.
NEGATING_GOVERNORS = {"cancel", "postpone", "suspend", "halt", "stop", "end", "prevent", "block", "ban", "reject",
                      "refuse", "deny", "oppose", "condemn", "criticize", "criticise", "protest", "scrap", "abandon",
                      "boycott", "delay", "avoid", "call", "break", "disperse", "forbid", "prohibit", "denounce",
                      "decry", "deplore", "thwart", "foil", "investigate", "probe", "seek", "obtain", "want",
                      "propose", "urge", "need", "hope", "push", "broker", "negotiate"}


def _noun_event(ctx: _Ctx, sent, tok, pat: Pattern, table) -> list[Event]:
    """Nominalisations: "a visit to Iran", "talks with Iran", "an agreement between Russia and Iran"."""
    # "voiced its rejection and condemnation of …": a later noun of a coordination shares the first one's
    # possessor, light verb and phrases
    lead = _first_conjunct(ctx, tok)
    gov = lead.head if lead.dep_ in ("dobj", "nsubjpass") else lead.head.head if lead.dep_ == "pobj" else None
    if gov is not None and gov.lemma_.lower() in NEGATING_GOVERNORS:
        return []
    if any(c.dep_ in ("amod", "compound") and c.lower_ in NOT_YET for c in {*tok.children, *lead.children}):
        return []  # "at Opec's next meeting", "a planned visit", "possible sanctions": nothing has happened
    if tok.lemma_.lower() == "release" and any(c.dep_ == "compound" and c.lower_ in ("press", "news") for c in tok.children):
        return []  # "a press release" is a statement, no one released
    srcs: list[Actor] = []
    swhy = ""
    if (claimed := _claimers(ctx, tok)):  # "a drone attack claimed by the Houthis": the claimer did it
        srcs, swhy = claimed, "its claimer"
    for c in tok.children if not srcs else ():
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            acts = _actors(ctx, c) or [m.actor for m in ctx.modifiers.get(c.i, [])]
            if pat.objects and c.lower_ in pat.objects and not any(a.code or a.role for a in acts):
                continue  # the word naming the act's kind, guessed a name at a sentence start: "Humanitarian aid came …"
            if acts:
                srcs, swhy = acts, f"modifier '{c.text}'"
                break
    for c in lead.children if not srcs and lead is not tok else ():
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < lead.i:
            acts = _actors(ctx, c) or [m.actor for m in ctx.modifiers.get(c.i, [])]
            if acts:
                srcs, swhy = acts, f"modifier '{c.text}' of '{lead.text} … {tok.text}'"
                break
    if not srcs:
        ag = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"), None)
        if ag is not None:
            srcs, swhy = _actors(ctx, ag), f"'by {ag.text}'"
    if not srcs and (received := _received(ctx, tok)) is not None:
        # "Bashir received an invitation from Putin", "Iran faces criticism from the U.N.": the giver acts on
        # the receiver
        srcs, giver, tgts, recv = received
        rule = (f"{pat.id}: '{tok.text}' → {pat.code}; source: 'from {giver.text}'; "
                f"target: the receiver, subject of '{recv.text}'")
        return _emit(ctx, sent, tok, tok, pat.code, srcs, tgts, _modality(recv), rule, pat, table)
    if not srcs and pat.code[:2] == "07" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in AID_COMING:
        # "humanitarian aid came to Gaza from Egypt", "donations poured in from Ireland": the "from" phrase gives it
        frm = next((p for h in (tok, tok.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                    for p in c.children if p.dep_ == "pobj"), None)
        if frm is not None and (srcs := _actors(ctx, frm)):
            swhy = f"'{tok.text} {tok.head.text} … from {frm.text}'"
    provider = None
    if not srcs and pat.code[:2] == "07" and (found := _provider(ctx, tok)) is not None:
        # "Norway is the largest donor to Somalia", "troops took part in the peacekeeping mission in Congo"
        srcs, swhy, provider = found
    if not srcs and lead.dep_ in ("dobj", "pobj") and lead.head.pos_ == "VERB" and (
            lead.head.lemma_.lower() not in ctx.verbs.families or lead.head.lemma_.lower() in CARRYING_OUT):
        gov = lead.head if lead.dep_ == "dobj" else None
        if gov is not None and _match(ctx, gov) is None:
            srcs, swhy = _sources(ctx, gov)
            swhy = f"light verb '{gov.text}', {swhy}"
    on_verb = None
    if not srcs and pat.code == "042" and lead.dep_ == "pobj" and lead.head.lower_ == "on":
        # "led a delegation on a visit to Ethiopia", "is on a state visit to France": the one on the visit is
        # the subject of the clause the phrase is in
        gov = lead.head.head
        on_verb = gov if gov.pos_ in ("VERB", "AUX") else gov.head if gov.dep_ in ("dobj", "attr") and gov.head.pos_ in ("VERB", "AUX") else None
        if on_verb is not None and on_verb.lemma_.lower() not in ON_A_VISIT:
            on_verb = None
        if on_verb is not None:
            srcs, swhy = _sources(ctx, on_verb)
            swhy = f"'on a {tok.text}', {swhy}"
    pair: list[Actor] = []
    # "clashes between police and protesters", "clashes erupted between police and protesters"
    occurring = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in OCCURRENCE_VERBS
    for c in [*tok.children, *(tok.head.children if occurring else ())]:
        if c.dep_ == "prep" and c.lower_ == "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    pair = split_sides(p, _actors(ctx, p))
    if not srcs and len(pair) >= 2:
        srcs, swhy = pair, "'between' pair"
        return _emit(ctx, sent, tok, tok, pat.code, srcs, [], _modality(tok.head), f"{pat.id}: '{tok.text}' → {pat.code}; source: {swhy} (mutual)", pat, table)
    if (not srcs and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in OCCURRENCE_VERBS and pat.code[:2] in SOURCELESS_ROOTS
            and not _direct_objects(tok.head)):
        # "Clashes erupted in Juba", "Fighting broke out near Goma": an incident no one is named in; kept
        # when it has a place (its unidentified actor, see pipeline._enrich_event)
        rule = f"{pat.id}: '{tok.text} {tok.head.text}' → {pat.code}; source: none stated (an incident); target: none"
        return _emit(ctx, sent, tok, tok.head, pat.code, [], [], _modality(tok.head), rule, pat, table,
                     sourceless=True, incident=True)
    if not srcs:
        return []
    tgts, twhy = _targets(ctx, tok, pat, {_key(a) for a in srcs})
    if not tgts and pat.code[:2] in ("02", "10", "11", "12"):
        # "its demand that Israel ease restrictions": the clause's subject is asked or blamed
        for c in tok.children:
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None) if c.dep_ in ("acl", "ccomp") else None
            acts = [a for a in _actors(ctx, s) if _key(a) not in {_key(x) for x in srcs}] if s is not None else []
            if acts:
                tgts, twhy = acts, f"subject of the clause '{s.text}'"
                break
    if not tgts and pat.code == "045":  # "a mediation bid to help the two factions reach a deal"
        tgts, twhy = _mediated_parties(ctx, tok, {_key(a) for a in srcs})
    if not tgts and lead is not tok:  # "its rejection and condemnation of the annexation"
        tgts, twhy = _targets(ctx, lead, pat, {_key(a) for a in srcs})
    if not tgts and not any(c.dep_ == "prep" for c in tok.children):  # the phrase on the last noun of a coordination
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "NOUN" and not tgts:
                tgts, twhy = _targets(ctx, c, pat, {_key(a) for a in srcs})
    light_verb = lead.head if lead.dep_ == "dobj" and lead.head.pos_ == "VERB" else provider
    if not tgts and light_verb is not None:  # "opened investigations against hundreds of banks"
        # (the provider's verb names the recipient as aid does, a place abroad too: "deployed troops in Mali")
        # (where they are "bound for" is named by its "for" phrase, as any act's recipient is)
        tgts, twhy = _targets(ctx, light_verb, pat if provider is not None and provider.lower_ not in BOUND_FOR else None,
                              {_key(a) for a in srcs})
    if not tgts and pat.code[:2] == "07" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in AID_REACHING:
        # "Australian aid supported girls in Pakistan", "Japan's assistance package consisted of supplies for
        # Yemen": whom the aid reached is its recipient
        tgts, twhy = _targets(ctx, tok.head, pat, {_key(a) for a in srcs})
        twhy = twhy and f"what the {tok.text} '{tok.head.text}': {twhy}"
    if pat.needs_pair and not tgts:
        return []
    if _wants_phrase(tgts, srcs, pat.code):
        tgts, twhy = _phrase_target(ctx, tok, pat, (light_verb,) if light_verb is not None else (),
                                    own=_countries(srcs))
    rule = f"{pat.id}: '{tok.text}' → {pat.code}; source: {swhy}; target: {twhy or 'none'}"
    code = pat.code
    modality = _modality(lead.head) if lead.head.i != lead.i else "asserted"
    if on_verb is not None:
        modality = _modality(on_verb)
    light = light_verb if light_verb is not None else on_verb
    if provider is not None:
        modality = _modality(provider)
        intent = ctx.verbs.families.get(provider.head.lemma_.lower()) if provider.dep_ == "xcomp" else None
        if intent is not None and intent.name == "intent" and not _negated(provider.head):
            # "is ready to contribute troops to the peacekeeping force in Mali": an intent (0334)
            code, rule = intent.code_for(code), f"intent '{provider.head.text}' {rule} → intent"
    if code[:2] == "19" and verbal_attack(ctx, tok, srcs, tgts):
        code, rule = "111", f"{rule} → in words"  # "led the attacks on the nominee's record": criticism
    if light is not None and modality in ("future", "hypothetical") and _forward_looking(light):
        code, rule = _forward_code(ctx, light, code, modality, rule)  # "will extend the curfew" → threat
    return _emit(ctx, sent, tok, tok, code, srcs, tgts, modality, rule, pat, table)


# Verbs by which aid named as their subject reaches its recipient: "the aid helped 20,000 families", "the package
# consisted of supplies for Yemen" (not "Chinese aid angered India").
AID_REACHING = frozenset({"help", "support", "reach", "benefit", "go", "flow", "consist", "include", "fund", "finance",
                          "assist", "feed", "arrive", "target", "come", "pour", "stream"})


# Verbs by which aid named as their subject comes from its giver: "aid came to Gaza from Egypt".
AID_COMING = frozenset({"come", "flow", "pour", "arrive", "stream"})


def _first_conjunct(ctx: _Ctx, tok):
    """The first event noun of a coordination of them ("rejection" of "its rejection and condemnation"), else the
    noun itself ("supply and demand" shares nothing: supply is no act)."""
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.i != tok.i and _match(ctx, tok.head) is not None:
        tok = tok.head
    return tok


# Verbs of an incident happening: "clashes erupted", "fighting broke out", "an explosion occurred".
OCCURRENCE_VERBS = frozenset({"erupt", "break", "occur", "happen", "take", "continue", "rage", "flare", "intensify",
                              "escalate", "resume", "spread", "ensue"})


# Verbs whose subject receives what its object names from someone: "received an invitation from",
# "faced criticism from", "won support from".
RECEIVING_VERBS = frozenset({"receive", "get", "accept", "face", "draw", "attract", "win", "earn", "garner", "welcome"})


def _received(ctx: _Ctx, tok):
    """(givers, the "from" word, receivers, the receiving verb) for a noun event received from someone."""
    obj = tok
    while obj.dep_ == "conj" and obj.head.pos_ in ("NOUN", "PROPN"):
        obj = obj.head  # "received weapons and logistical support from France": the support is received too
    recv = obj.head
    if obj.dep_ != "dobj" or recv.pos_ != "VERB" or recv.lemma_.lower() not in RECEIVING_VERBS:
        return None
    for holder in (tok, obj, recv):
        frm = next((p for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"
                    for p in c.children if p.dep_ == "pobj"), None)
        if frm is not None:
            break
    if frm is None or not (givers := _actors(ctx, frm)):
        return None
    receivers, _ = _sources(ctx, recv)
    receivers = [a for a in receivers if _key(a) not in {_key(g) for g in givers}]
    return (givers, frm, receivers, recv) if receivers else None


# Verbs that give what a receiver gets: a receipt of aid is read back as the giving ("Ukraine got rifles from
# Poland" is Poland's military aid to Ukraine), with the aid patterns (07) of these verbs.
GIVING_VERBS = ("give", "provide", "send", "supply")
# What is received as often as backing as aid ("won support from the unions"): aid only when its kind is
# named ("financial support", a noun pattern of 07_aid.yaml)
UNCLEAR_GIFTS = frozenset({"support", "help", "backing"})


def _gift_words(tok) -> list:
    """The direct objects of a receiving verb and the objects of its "in" phrase ("$20 million in aid")."""
    return _direct_objects(tok) + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                                   for p in c.children if p.dep_ == "pobj"]


def _received_gift(ctx: _Ctx, sent, tok, table) -> list[Event]:
    """"Haiti received $20 million in aid from Japan", "Ukraine got weapons from Poland": what a giving verb's aid
    pattern names, received from an actor, is that actor's aid (07) to the receiver."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in RECEIVING_VERBS or _is_passive(tok) or _negated(tok):
        return []
    objs = _direct_objects(tok)
    if not objs or any(_match(ctx, o) for o in objs):
        return []  # nothing received, or a noun event of its own ("received an invitation from", _received)
    frm = next((p for h in [tok] + objs for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj"), None)
    givers = _actors(ctx, frm) if frm is not None else []
    receivers = [a for a in _sources(ctx, tok)[0] if _key(a) not in {_key(g) for g in givers}]
    if not givers or not receivers or any(_business(a) for a in givers + receivers):
        return []
    words = _object_lemmas(tok, ("of", "in")) - UNCLEAR_GIFTS
    pat = next((p for v in GIVING_VERBS for p in ctx.verbs.verbs.get(v, ()) if p.code[:2] == "07" and p.objects
                and not p.needs_target and words & p.objects), None)
    if pat is None:
        return []
    code, modality = pat.code, _modality(tok)
    rule = f"received {pat.id}: '{tok.text}' → {code}; source: 'from {frm.text}'; target: the receiver, subject of '{tok.text}'"
    if modality in ("future", "hypothetical") and _forward_looking(tok):
        code, rule = _forward_code(ctx, tok, code, modality, rule)  # "will receive loans from Brazil": a promise
    return _emit(ctx, sent, tok, tok, code, givers, receivers, modality, rule, pat, table)


# Verbs by which an actor provides the peacekeeping or aid a noun in their phrase names: "sent troops to the
# peacekeeping force in Mali", "take part in peacekeeping operations", "served with the UN peacekeeping mission".
PROVIDING_VERBS = frozenset({"send", "deploy", "dispatch", "contribute", "commit", "station", "take", "participate",
                             "serve", "join", "redeploy", "rotate"})
# Verbs by which peacekeepers named as the subject are deployed: "Irish peacekeepers arrived in Lebanon".
ARRIVING_VERBS = frozenset({"arrive", "deploy", "land", "reach", "serve"})
COPULAS = frozenset({"be", "remain", "become"})
# Verbs of an act beginning or going on, whose complement is the act: "began deploying", "continued arriving".
PHASE_VERBS = frozenset({"begin", "start", "continue", "finish", "complete"})
# Words saying where people are going: "peacekeepers bound for Mali", "troops destined for Kosovo".
BOUND_FOR = frozenset({"bound", "destined", "headed", "heading"})
# Deployments named as nouns, and the verbs by which their subject makes them: "announced the deployment of".
DEPLOYMENT_NOUNS = frozenset({"deployment", "dispatch", "despatch"})
DEPLOYING = frozenset({"announce", "order", "begin", "start", "complete", "confirm", "finish"})
# Groups that peacekeepers arrive in: "a contingent of 200 Indonesian peacekeepers arrived".
GROUP_NOUNS = frozenset({"contingent", "group", "batch", "team", "unit", "battalion", "company", "detachment"})


def _arriving(verb):
    """The verb by which peacekeepers its subject is said of are deployed: "arrived", "began deploying" (the
    arriving complement of a verb of beginning), else None."""
    if verb.lemma_.lower() in PHASE_VERBS:
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    return verb if verb.lemma_.lower() in ARRIVING_VERBS else None


def _bound_for(tok):
    """Where peacekeepers are said to be going: "peacekeepers bound for Mali" (the participle holding "for")."""
    return next((c for c in tok.children if c.dep_ in ("acl", "amod") and c.lower_ in BOUND_FOR
                 and any(g.dep_ == "prep" and g.lower_ in ("for", "to") for g in c.children)), None)


def _peacekeeping_phrase(ctx: _Ctx, verb) -> bool:
    """Does a troop deployment name the peacekeeping force it sends them to ("to the UN peacekeeping mission")?"""
    return any(t.pos_ == "NOUN" and (p := _match(ctx, t)) is not None and p.code == "074"
               and (f := _provider(ctx, t)) is not None and f[2] is not None and f[2].i == verb.i for t in verb.subtree)


# A troop deployment for the UN is peacekeeping: "sent troops to join the UN force", "a U.N. contingent".
UN_WORDS = frozenset({"un", "u.n.", "nations"})
FORCE_NOUNS = frozenset({"force", "forces", "mission", "operation", "contingent", "troops"})
# Clauses of their own under a verb, whose words are not its own act's ("attacked the plan, which had …")
OWN_CLAUSES = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj"})
# phrases that are another clause, not the deployment's own: "sent troops to Mali, where peacekeepers died"
OTHER_CLAUSES = OWN_CLAUSES | {"nsubj"}


def _peacekeeping_deployment(ctx: _Ctx, verb) -> bool:
    """Is a troop deployment (154) a peacekeeping one (CAMEO 074 "provide peacekeepers")? Its own phrases or its
    purpose say so: "sent 400 soldiers to Lebanon to join the UN force", "deployed a battalion to Sinai on a
    peacekeeping mission", "sent troops to Mali to serve as peacekeepers", "blue helmets were deployed"."""
    todo = [c for c in verb.children if c.dep_ not in OTHER_CLAUSES or _purpose(c)]
    words = ctx.verbs.peacekeeping
    while todo:
        t = todo.pop()
        low = t.lower_
        if low in words or t.lemma_.lower() in words:
            return True
        if low in ("helmet", "helmets") and any(c.lower_ == "blue" for c in t.children):
            return True
        if low in FORCE_NOUNS and any(c.lower_ in UN_WORDS and c.dep_ in ("compound", "nmod", "amod", "poss")
                                      for c in t.children):
            return True
        todo += [c for c in t.children if c.dep_ not in OTHER_CLAUSES or _purpose(c)]
    return False


def _purpose(c) -> bool:
    """An infinitive of purpose: "sent troops to Mali to serve as peacekeepers"."""
    return c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)


def _provider(ctx: _Ctx, tok):
    """(providers, why, the verb whose phrases name the recipient) for an aid noun (07) that no modifier or "by"
    names the provider of: the subject it is said of ("Japan is the biggest donor to Myanmar", "Norway remains
    one of the largest donors to Somalia"), the name it stands beside ("Japan, the largest donor to Myanmar"),
    the subject of a verb of sending or taking part whose phrase it is ("deployed troops to Mali as part of a
    peacekeeping force"), or itself as peacekeepers arriving ("Irish peacekeepers arrived in Lebanon")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("one", "part"):
        tok, head = head.head, head.head.head  # "one of the largest donors", "as part of a peacekeeping force"
    elif tok.dep_ == "pobj" and head.lower_ == "of" and (head.head.lemma_.lower() in GROUP_NOUNS
                                                         or head.head.lower_ in PEOPLE_COUNTS) \
            and head.head.dep_ == "nsubj" and (arriving := _arriving(head.head.head)) is not None:
        # "a contingent of 200 Indonesian peacekeepers arrived in Lebanon", "hundreds of peacekeepers began deploying"
        # (the parser may hang "bound for" on the group: "scores of peacekeepers destined for Cyprus")
        return (own, f"'{tok.text}' {arriving.text}", _bound_for(tok) or _bound_for(head.head) or arriving) \
            if (own := _actors(ctx, tok)) else None
    if tok.dep_ == "attr" and head.lemma_.lower() in COPULAS:
        srcs, why = _sources(ctx, head)
        return (srcs, f"said of {why}", head) if srcs else None
    if tok.dep_ == "appos" and (srcs := _actors(ctx, head)):
        return srcs, f"apposition to '{head.text}'", None
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in PROVIDING_VERBS:
        verb = head.head
        srcs, why = _sources(ctx, verb)
        return (srcs, f"{why} of '{verb.text}'", verb) if srcs else None
    if tok.dep_ == "nsubj" and (arriving := _arriving(head)) is not None and (own := _actors(ctx, tok)):
        return own, f"'{tok.text}' {arriving.text}", _bound_for(tok) or arriving
    gov = head.head if tok.dep_ == "pobj" and head.dep_ == "prep" else None
    dep = gov if gov is not None and gov.lemma_.lower() in DEPLOYMENT_NOUNS else next(
        (c for c in gov.children if c.dep_ == "dobj" and c.lemma_.lower() in DEPLOYMENT_NOUNS), None) \
        if gov is not None and gov.pos_ == "VERB" and gov.lemma_.lower() in DEPLOYING else None
    if dep is not None:
        # "announced the deployment of a battalion to Sinai on a peacekeeping mission", "Chad's deployment of
        # troops to Mali as part of a UN force": who deploys; the deployment's phrases, or its verb's, say where
        owner = next((c for c in dep.children if c.dep_ == "poss"), None)
        if owner is not None:
            srcs, why = _actors(ctx, owner), f"possessor '{owner.text}' of '{dep.text}'"
        elif dep.dep_ == "dobj" and dep.head.lemma_.lower() in DEPLOYING:
            srcs, why = _sources(ctx, dep.head)
            why = f"{why} of '{dep.head.text} {dep.text}'"
        else:
            return None
        # the phrase of place may hang on the deployment, on what is deployed ("of a battalion to Congo") or on
        # the verb ("announced the deployment of troops to Lebanon")
        sent = [p for c in dep.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        holder = next((h for h in [dep, *sent, dep.head] if any(
            c.dep_ == "prep" and c.lower_ in ("to", "in", "into") for c in h.children)), dep)
        return (srcs, why, holder) if srcs else None
    return None


# Attacks that may be made in words: "launched a blistering attack on the bank", "led the attacks on the record".
ATTACK_WORDS = frozenset({"attack", "attacks", "assault", "assaults", "onslaught"})
# Who attacks in words: people and bodies of politics, the courts, the press, churches, schools, rights groups
# (not armed forces, police or armed groups, nor a state named by itself, which attacks by force)
SPEAKING_ROLES = frozenset({"GOV", "LEG", "JUD", "OPP", "PTY", "MED", "HRI", "NGO", "REL", "EDU"})
# Whom words attack: people and institutions of civil life (not armed ones, nor a country or a place)
ATTACKED_IN_WORDS = frozenset({"GOV", "LEG", "JUD", "OPP", "PTY", "MED", "HRI", "NGO", "REL", "EDU", "BUS", "LAB"})
# Armed doers, whose attacks are force whatever they hit
ARMED_ROLES = frozenset({"MIL", "REB", "RAD", "COP", "SPY", "INS", "SEP", "UAF"})
# What an attack in words says of its target: "…, calling them incompetent", "…, accusing him of lying"
SPEECH_VERBS = frozenset({"call", "say", "accuse", "describe", "brand", "label", "dub", "charge", "blame", "question",
                          "claim", "argue", "insist", "denounce", "criticize", "criticise", "condemn", "slam", "mock",
                          "deride", "dismiss", "tell", "warn", "allege", "suggest"})


def verbal_attack(ctx: _Ctx, tok, srcs: list[Actor], tgts: list[Actor]) -> bool:
    """Is an attack (190) one made in words, criticism (CAMEO 111)? "The former premier launched a blistering
    attack on the central bank, calling its governor incompetent", "the senator led the attacks on the nominee's
    record", "Trump attacked the Federal Reserve", "Japan attacked the OECD forecasts". Never by an armed doer or
    with a word of force or harm in its clause ("air assaults", "killed"). It is when what is attacked can only be
    attacked in words (the "discourse" class: a policy, a plan, a record), by anyone but a firm; or when a person
    or a political body (SPEAKING_ROLES) attacks and says what of its target ("…, calling them …") or attacks a
    person or an institution of civil life. A state attacking a country, a place or a thing: force."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() not in ATTACK_WORDS:
        # "launched an extraordinary attack on …": the light verb's object is the attack
        tok = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in ATTACK_WORDS), tok)
    if tok.lower_ not in ATTACK_WORDS and tok.lemma_.lower() not in ATTACK_WORDS:
        return False
    if not srcs or any(a.role in ARMED_ROLES for a in srcs):
        return False
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") else tok
    verb = verb.head if verb.dep_ == "prep" else verb
    # (and the verbs it is coordinated with: "attacked and beat the reporter")
    words = {*tok.subtree, verb, *(c for c in verb.children if c.dep_ == "conj")} | {
        t for c in verb.children if c.dep_ not in OWN_CLAUSES for t in c.subtree}
    if verb.dep_ == "conj":
        words.add(verb.head)
    force = ctx.verbs.force_words | ctx.verbs.instruments
    if any(t.lower_ in force or t.lemma_.lower() in force for t in words if t.i != tok.i):
        return False
    # what is attacked, by name: a person or a civil body, or a record, a policy, a process
    attacked = [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else [
        p for h in (tok, verb) for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
        for p in c.children if p.dep_ == "pobj"]
    said = [o for o in attacked if o.lemma_.lower() in ctx.verbs.discourse or o.lower_ in ctx.verbs.discourse]
    if attacked and len(said) == len(attacked) and not any(a.role == "BUS" for a in srcs):
        return True  # "attacked the budget proposals", "Japan attacked the OECD forecasts"
    if any(a.role not in SPEAKING_ROLES for a in srcs):
        return False  # a state named by itself attacks by force, and a firm's "assault on" a rival is business
    if any(c.dep_ in ("advcl", "conj", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS
           for h in {verb, tok} for c in h.children):
        return True  # "…, calling its governor incompetent"
    for o in attacked:
        acts = _actors(ctx, o) if o not in said else []
        if o not in said and (not acts or any(a.role not in ATTACKED_IN_WORDS for a in acts)):
            return False  # "attacked the party's offices", "an attack on the convoy", "on Ukraine"
    if not tgts:
        return False
    for a in tgts:
        if a.role in ARMED_ROLES or (a.code and a.role not in ATTACKED_IN_WORDS):
            return False  # an army, a country, a town
        if not a.code and not a.role and (a.name.split() or [""])[-1].lower() not in ctx.verbs.discourse:
            return False  # a thing by name only: "the convoy", "a church"
    return True
