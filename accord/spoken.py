"""Acts done in words to someone: the one called or met that a purpose clause speaks to ("phoned the emir to
convey his solidarity"), calls paid on a person ("called on the Chief Minister to discuss the tax"), the partner
an intent names with "with", intents voiced again ("reaffirmed its commitment to …"), and criticism derived
from control words and insults. Split from :mod:`accord.events`, which codes them.
"""

from __future__ import annotations

from accord.arguments import (
    _actors,
    _conj,
    _covering,
    _Ctx,
    _direct_objects,
    _key,
    _reporter_and_subject,
    _telephoned,
)
from accord.emit import _emit
from accord.matching import _match
from accord.modality import REPORT_VERBS
from accord.ontology import cameo_table
from accord.types import Actor, Event

# Acts done in words, which a call or a meeting made for them addresses to the one called or met.
SAID_ROOTS = frozenset({"01", "02", "03", "04", "05"})
# Verbs of contacting someone, whose purpose clause speaks to them: "phoned the emir to convey his solidarity".
CONTACTING = frozenset({"phone", "telephone", "ring", "call", "meet", "visit"})


# Nouns of one's own intent, which a verb voicing them restates ("reaffirmed its commitment to …").
VOICED_INTENTS = frozenset({"commitment", "pledge", "promise", "vow", "undertaking", "readiness", "willingness",
                            "determination", "resolve"})


def _intent_voiced(ctx: _Ctx, tok):
    """The verb that restates an intent noun, when the verb's own pattern is only that intent (030): "reaffirmed
    its commitment to support the police", "renewed its pledge to hold elections" are coded by what is
    committed to (032, 034), done to whom the complement names."""
    head = tok.head
    if tok.lemma_.lower() not in VOICED_INTENTS:
        return None  # "will accept a plan by the French government": someone else's plan, accepted
    if tok.dep_ != "dobj" or head.pos_ != "VERB" or (pat := _match(ctx, head)) is None:
        return None
    if pat.code != "030" or not pat.objects or tok.lemma_.lower() not in pat.objects:
        return None
    return head


def _callee(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """The one called or met, for what the call or meeting was made to say: "phoned the emir to convey his
    solidarity" (solidarity with the emir), "called Erdogan to apologise" (to Erdogan)."""
    head = tok.head
    if tok.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return [], ""
    if head.lemma_.lower() not in CONTACTING or (head.lemma_.lower() == "call" and not _telephoned(head)):
        return [], ""
    for o in _direct_objects(head):
        if (acts := [a for a in _actors(ctx, o) if _key(a) not in exclude]):
            return acts, f"the one '{head.text}', '{o.text}'"
    return [], ""


def _with_partner(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """The one a commitment is made with: "agreed with Jordan to hold joint exercises"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                acts = [a for a in _actors(ctx, p) if _key(a) not in exclude] if p.dep_ == "pobj" else []
                if acts:
                    return acts, f"'with {p.text}'"
    return [], ""


# What a call paid on someone is for: talking it over with them, not an act asked of them.
CALL_PURPOSES = frozenset({"discuss", "apprise", "brief", "congratulate", "felicitate", "condole", "greet",
                           "exchange", "confer", "consult"})


def _paid_call(ctx: _Ctx, tok) -> list:
    """"A delegation of traders called on the Chief Minister to discuss the tax", "the envoy called on the
    President at his office": a call paid on one person (South Asian and older English), a visit (CAMEO 042) to
    them, not an appeal ("called on the government to release them", "called on both sides to discuss a truce").
    Told by what the call was for (:data:`CALL_PURPOSES`, with no other party to talk with), or, with no
    complement, by the place it was paid at. Returns the purpose verbs (``[tok]`` when none), else ``[]``."""
    if tok.lemma_.lower() != "call" or tok.pos_ != "VERB":
        return []
    called = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
              for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
    if any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
        called += [c for c in tok.children if c.dep_ == "dobj"]
    # a person is called on ("the President", "Chief Minister Shah"); a state or a body is urged
    # ("the party's president, Shujaat Hussain": a person in apposition to the body)
    people = [p for p in called if any(q.ent_type_ == "PERSON" or q.lemma_.lower() in ctx.verbs.persons
                                       or any(m.how == "leader" for m in [*ctx.by_head.get(q.i, []), *_covering(ctx, q)])
                                       for q in (p, *(a for a in p.children if a.dep_ == "appos")))]
    if len(people) != 1 or len(_conj(people[0])) > 1 or people[0].tag_ in ("NNS", "NNPS") or any(
            _actors(ctx, p) for p in called if p.i != people[0].i and p.ent_type_ != "ORG"):
        return []  # (a hyphenated name misparsed leaves a piece of it, an organisation, beside the person)
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp")]
    purposes = [c for c in comps + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
                if c.lemma_.lower() in CALL_PURPOSES and not any(g.lower_ == "with" for g in c.subtree)]
    if purposes:
        return purposes
    if not comps and any(c.dep_ == "prep" and c.lower_ == "at" for h in (tok, called[0]) for c in h.children):
        return [tok]
    return []


def _named_as(ctx: _Ctx, tok) -> bool:
    """Does a verb name its object as an insult says ("called the envoy a fool", "called the sanctions illegal")?"""
    return any((c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "ADJ")) and c.lower_ in ctx.verbs.insults
               for c in tok.children)


def _criticism(ctx: _Ctx, tok) -> list[Event]:
    """A speaker reports that an actor is incapable, guilty, in breach … → criticism of that actor."""
    if tok.lemma_.lower() not in REPORT_VERBS or tok.pos_ != "VERB":
        return []
    events: list[Event] = []
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        pred_words = {c.lemma_.lower()} | {g.lemma_.lower() for g in c.children if g.dep_ in ("acomp", "attr")}
        for g in c.children:
            if g.dep_ == "prep":
                pred_words |= {p.lemma_.lower() for p in g.children if p.dep_ == "pobj"}
        hit = pred_words & ctx.verbs.criticism_words
        if not hit:
            continue
        found = _reporter_and_subject(ctx, tok, c)
        if found is None:
            continue
        srcs, swhy, s, tgts = found
        code = ctx.verbs.criticism_code
        rule = f"criticism: '{tok.text}' that '{s.text}' is '{sorted(hit)[0]}' → {code}; source: {swhy}"
        events += _emit(ctx, tok.sent, tok, c, code, srcs, tgts, "asserted", rule, None, cameo_table())
    return events
