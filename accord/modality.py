"""Modality: whether and how an act is said to happen, read off the parse around its trigger.

Negation ("did not attack", "failed to meet"), future and hypothetical acts ("will", "would", "if"),
conditions ("unless"), reported speech ("said that …", "according to"), the mandative subjunctive of a
demand and acts an accusation only alleges. Pure functions of a token; :mod:`accord.events` decides what
each reading does to the code.
"""

from __future__ import annotations

REPORT_VERBS = {"say", "tell", "state", "declare", "stress", "emphasize", "emphasise", "note", "add", "insist",
                "argue", "claim", "charge", "show", "believe", "assert", "affirm", "point", "maintain", "reiterate",
                "warn", "complain", "announce", "acknowledge", "admit", "suggest", "indicate", "prove", "demonstrate"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
FUTURE_WORDS = {"tomorrow", "next", "upcoming", "soon"}


# Verbs that allege an act: "accused Israel of attacking its ships" reports no attack.
ALLEGING = frozenset({"accuse", "charge", "suspect", "blame", "indict", "allege", "convict", "acquit", "guilty", "culpable",
                      "liable"})
# Acts of justice whose "for" names the offence they punish: "arrested for killing his wife", "jailed for spying".
PUNISHING = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "try", "prosecute", "punish", "fine",
                       "execute", "hang", "deport", "expel", "book", "nab", "hold", "apprehend", "remand"})


def _alleged(tok) -> bool:
    """Is ``tok`` the act an accusation alleges ("accused X of attacking", "charged with spying")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "of violating rights and ignoring the law"
        tok = tok.head
    if any(c.dep_ == "advmod" and c.lower_ in ("allegedly", "reportedly", "purportedly") for c in tok.children) \
            and tok.dep_ in ("pcomp", "advcl", "acl", "relcl"):
        return True  # "a man who allegedly killed his wife", "arrested for allegedly spying": a suspicion
    prep = tok.head
    gov = prep.head
    if gov.pos_ in ("NOUN", "PROPN") and gov.dep_ in ("dobj", "obj", "nsubjpass"):
        gov = gov.head  # "arrest man for killing wife": the phrase hangs on the one arrested
    return (tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in ("of", "with", "for") and (
        gov.lemma_.lower() in ALLEGING or (prep.lower_ == "for" and gov.lemma_.lower() in PUNISHING)))


# Words under which an act did not happen: its actor could not or would not do it ("unable to meet", "failed
# to arrest"), or others prevented it ("foiled a plot to assassinate", "thwarted an attempt to seize": the parse
# makes the act the preventer's own complement).
INCAPACITY = {"unable", "incapable", "fail", "reluctant", "unwilling", "refrain", "avoid", "stop", "cease", "foil",
              "thwart", "prevent", "avert", "frustrate", "scupper"}


def _negated(tok) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ == "acomp" and any(c.dep_ == "neg" for c in tok.head.children):
        return True  # "is not prepared to discuss": the negation hangs on the copula
    # "was incapable of negotiating", "failed to meet": the act did not happen
    return _incapable(tok)


def _incapable(tok) -> bool:
    """"was incapable of negotiating", "failed to meet": the act did not happen and is no rejection either."""
    gov = tok.head.head if tok.dep_ == "pcomp" else tok.head if tok.dep_ == "xcomp" else None
    if gov is not None and gov.lemma_.lower() in INCAPACITY:
        return True
    # "We do not and will never recognize": negation may hang on a coordinated auxiliary
    return any(c.dep_ in ("aux", "conj") and any(g.dep_ == "neg" for g in c.children) for c in tok.children)


def _modality(tok) -> str:
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == "AUX":
            words.add(c.lower_)
    if words & FUTURE_AUX or ("going" in words):
        return "future"
    if words & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return "hypothetical"
    if any(t.lower_ in FUTURE_WORDS for t in tok.subtree if t.head.i == tok.i or t.head.head.i == tok.i):
        return "future"
    if tok.dep_ in ("xcomp", "conj") and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
        # a conjunct in a tense of its own states its own act: "would suspend visits and recalled its ambassador"
        return _modality(tok.head) if tok.dep_ == "conj" and tok.tag_ not in ("VBD", "VBZ") else "asserted"
    return "asserted"


def _conditional(tok) -> bool:
    """"will withdraw its force unless …": an act made conditional on the target's behaviour is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children)


def _forward_looking(tok) -> bool:
    """A future or conditional act stated by its own actor or reported from them ("Syria says it will…")."""
    if tok.dep_ in ("acl", "appos", "parataxis") and tok.head.dep_ == "ROOT" and tok.head.i < tok.i and any(
            c.dep_ == "nsubj" for c in tok.children) and any(c.lower_ == ":" for c in tok.head.children):
        return True  # "Lucknow: the state government will sign …": a dateline the parser made the main clause's head
    return tok.dep_ in ("ROOT", "ccomp", "conj", "xcomp") or tok.head.lemma_.lower() in REPORT_VERBS


def _reported(tok) -> bool:
    h = tok
    for _ in range(4):
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in REPORT_VERBS:
            return True
        if h.head.i == h.i:
            break
        h = h.head
    return any(t.lower_ == "according" for t in tok.sent)


def _subjunctive(tok) -> bool:
    """A base-form verb with its own subject and no auxiliary: the mandative subjunctive of a demand. It is
    a subordinate clause; a main clause so tagged is a headline's present ("Cops arrest man in Nagpur")."""
    main = tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")
    return (tok.tag_ == "VB" and not main and any(c.dep_ == "nsubj" for c in tok.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))
