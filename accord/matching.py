"""Which pattern of the vocabulary a trigger token fits: verbs by lemma, form and particle, their objects and
prepositions; nouns by their modifiers and "of" phrases (:func:`_match`, most specific first).
"""

from __future__ import annotations

from collections.abc import Iterator

from accord.arguments import (
    DOCUMENTS,
    _actors,
    _Ctx,
    _direct_objects,
    _when,
)
from accord.vocabulary import Pattern

# Papers sent back are no property returned: "returned the bill to parliament" refuses it, "returned the
# mandate to the president" gives it up.
RETURNED_PAPERS = DOCUMENTS | frozenset({"bill", "law", "legislation", "draft", "budget", "mandate", "proposal",
                                         "measure", "nomination", "file", "case", "favour", "favor", "call", "fire"})


def _thing_given_to(ctx: _Ctx, tok) -> bool:
    """A thing (no person, no actor, no paper) given "to" someone: "returned a stolen portrait to its owner", not
    "returned to Moscow", "returned the two men" nor "returned fire"."""
    if not any(t.lower_ == "to" and t.dep_ in ("prep", "dative") for t in tok.subtree):
        return False
    return any(o.pos_ not in ("PRON", "NUM") and o.lemma_.lower() not in ctx.verbs.persons
               and o.lemma_.lower() not in RETURNED_PAPERS and not any(a.code or a.role for a in _actors(ctx, o))
               for o in _direct_objects(tok))


def _match(ctx: _Ctx, tok) -> Pattern | None:
    """The most specific pattern for a trigger token, or None (once per token of a document)."""
    if tok.i not in ctx.matched:
        ctx.matched[tok.i] = next(_matches(ctx, tok), None)
    return ctx.matched[tok.i]


def _matches(ctx: _Ctx, tok) -> Iterator[Pattern]:
    """Every pattern that fits a trigger token, most specific first."""
    lemma = _true_lemma(ctx, tok)
    # a gerund the parser makes a verb where a noun stands: "Fighting between the army and rebels killed 20"
    nominal = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in ctx.verbs.nouns
    if tok.pos_ in ("VERB", "AUX") and not nominal:
        pats = ctx.verbs.verbs.get(lemma) or ctx.verbs.verbs.get(tok.lower_) or _by_form(ctx.verbs.verbs, tok.lower_)
        if not pats and tok.lower_.startswith("re-"):  # "re-imposed" is imposed again
            rest = tok.lower_[3:]
            pats = ctx.verbs.verbs.get(rest) or _by_form(ctx.verbs.verbs, rest)
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt" and not _quantifier_up(c)), None)
        # of patterns equally specific, one that names the object's modifier is the more specific fit:
        # "launched a scathing attack on" is the words (111), not "launched an attack" (190), "launched cyber
        # attacks" coercion (170); but an event noun (or one of the two-sided acts, "war", "ceasefire") before
        # the object makes a name with it, not the act's manner ("launched war games" are games, not a war)
        # then one that names the direct object itself, or looks in the phrases it names, beats one that found
        # its word in any phrase: "stopped work in a strike" is a strike (143), not a strike stopped (172);
        # "put its forces on high alert" looks "on" (152)
        if len(pats) > 1 and (objs := _direct_objects(tok)):
            mods = {c.lower_ for o in objs for c in o.children if c.dep_ == "amod"
                    or (c.dep_ == "compound" and c.lemma_.lower() not in ctx.verbs.nouns
                        and c.lemma_.lower() not in ctx.verbs.reciprocal)}
            heads = {w for o in objs for w in (o.lemma_.lower(), o.lower_)}
            pats = sorted(pats, key=lambda p: (-p.specificity, not (p.objects and mods & p.objects),
                                               not (p.objects and (heads & p.objects or p.object_preps))))
        lemma_sets: dict[tuple[str, ...], set[str]] = {}
        for p in pats:
            if p.particle and p.particle != prt and not any(c.dep_ == "prep" and c.lower_ == p.particle and not _when(c)
                                                            for c in tok.children):
                continue
            if not p.particle and prt in PHRASAL_PARTICLES:
                continue  # "called off a strike" is not "called a strike"
            if p.objects is not None:
                if p.object_preps not in lemma_sets:  # one set per preposition list, not per pattern
                    lemma_sets[p.object_preps] = _object_lemmas(tok, p.object_preps)
                if not lemma_sets[p.object_preps] & p.objects:
                    continue
            if p.object_is_actor and not _direct_objects(tok):
                continue
            if p.intransitive and any(c.dep_ == "dobj" for c in tok.children):
                continue
            if p.object_is_actor and not any(_actors(ctx, o) for o in _direct_objects(tok)):
                continue
            if p.object_kind == "igo" and not any(a.igo for o in _direct_objects(tok) for a in _actors(ctx, o)):
                continue
            if p.object_kind == "thing" and not _thing_given_to(ctx, tok):
                continue
            yield p
        return
    if tok.pos_ in ("NOUN", "PROPN") or nominal:
        pats = ctx.verbs.nouns.get(lemma) or ctx.verbs.nouns.get(tok.lower_) or []
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        # a nominalisation's object is its "of" phrase: "the deployment of 230 troops", "the release of prisoners"
        mods |= {w for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" for w in (g.lower_, g.lemma_.lower())}
        for p in pats:
            if p.objects is None or (mods & p.objects):
                yield p


_VOWELS = frozenset("aeiou")


def _true_lemma(ctx: _Ctx, tok) -> str:
    """The lemma, corrected where the lemmatizer read a "-ed"/"-ing" form of a verb ending in "e" as that of a
    shorter verb ("raped" → "rap", but "rap" makes "rapped"): a one-syllable consonant-vowel-consonant verb
    doubles its last consonant, so the form is the longer verb's when the dictionary has it."""
    lemma = tok.lemma_.lower()
    form = tok.lower_
    if tok.pos_ == "VERB" and len(lemma) >= 3 and lemma[-1] not in _VOWELS and lemma[-1] not in "wxy" \
            and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS and form in (lemma + "ed", lemma + "ing") \
            and sum(ch in _VOWELS for ch in lemma) == 1:
        longer = lemma + "e"
        if longer in ctx.verbs.verbs:
            return longer
    return lemma


def _by_form(table: dict[str, list[Pattern]], form: str) -> list[Pattern]:
    """Patterns of a verb whose lemma the lemmatizer got wrong ("staged" → "stag"): the base form read off
    a regular inflection ("staged" → "stage", "walked" → "walk", "staging" → "stage")."""
    if form.endswith("ed"):
        bases = (form[:-1], form[:-2])
    elif form.endswith("ing"):
        bases = (form[:-3] + "e", form[:-3])
    else:
        return []
    return next((table[b] for b in bases if b in table), [])


def _quantifier_up(t) -> bool:
    """"kidnapped up to 16 advisers": "up to" + a number is a quantity, not a particle (a common misparse)."""
    doc = t.doc
    return t.lower_ == "up" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to" and doc[t.i + 2].like_num


def _object_lemmas(tok, object_preps: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for o in _direct_objects(tok):
        out.add(o.lemma_.lower())
        out.add(o.lower_)
        out |= {c.lower_ for c in o.children if c.dep_ in ("compound", "amod")}
        # "suspended part of a military aid program": the object's "of" phrase
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out |= {p.lemma_.lower(), p.lower_} | {g.lower_ for g in p.children if g.dep_ in ("compound", "amod")}
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in PHRASAL_PARTICLES and object_preps:
            # "pulled out of the talks": the parser makes the particle a preposition with "of" under it
            out |= {p.lemma_.lower() for g in c.children if g.dep_ == "prep" and g.lower_ in object_preps
                    for p in g.children if p.dep_ == "pobj"}
        if c.dep_ == "prep" and (not object_preps or c.lower_ in object_preps):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.add(p.lemma_.lower())
                    out.add(p.lower_)
                    if object_preps:  # a named phrase's compound too: "went on hunger strike" (142)
                        out |= {g.lower_ for g in p.children if g.dep_ == "compound"}
                        # and its "of" phrase, as a direct object's: "agreed on the terms of a defence pact"
                        out |= {q.lemma_.lower() for g in p.children if g.dep_ == "prep" and g.lower_ == "of"
                                for q in g.children if q.dep_ == "pobj"}
        if c.dep_ in ("acomp", "advmod", "prt") and not object_preps:
            out.add(c.lemma_.lower())
        if c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "ADJ"):
            out.add(c.lower_)  # "found him guilty", "was declared liable": the predicate the verb assigns
    return out


PHRASAL_PARTICLES = {"off", "out", "down", "back", "up", "away"}


