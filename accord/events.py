"""Events: verb and noun patterns over the dependency parse → CAMEO codes, then Goldstein, QuadClass, PLOVER.

The patterns are data (``accord/data/verbs.yaml``, loaded by :mod:`accord.vocabulary`). This module
finds, for every trigger token in a sentence, who did it (the subject, climbing through "pledged to
join", "while speaking with", passives and conjunctions) and to whom (the object, a preposition's
object, or the object's possessor) with :mod:`accord.arguments`, reads negation and modality with
:mod:`accord.modality`, then applies the general rules of reporting:

* control words turn their complement into a family code: "pledged to join" → intent (03),
  "demanded the release" → demand (10), "refused to meet" → reject (12), "threatened to attack" → 13;
* negation: a negated cooperative act is a rejection ("will never recognize" → 12); a negated
  conflict act is no event ("did not attack");
* modality: future ("will"), hypothetical ("would", "if"), intent; a future material/diplomatic
  cooperation is an expressed intent (03);
* a coordinated subject with no target is mutual ("Russia and Iran agreed" → both directions);
* a speaker who says that another actor is incapable, guilty, in breach … criticises it (11).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from accord.arguments import (
    ACCESS_NOUNS,
    VIOLENT_ROOTS,
    _actors,
    _agent,
    _agent_actors,
    _condition_subject,
    _Ctx,
    _direct_objects,
    _first_actor_in_complement,
    _is_passive,
    _key,
    _participle_target,
    _phrase_name,
    _phrase_target,
    _place_target,
    _reporter_and_subject,
    _security_teller,
    _sources,
    _subject_token,
    _targets,
    _usable,
    own_countries,
    own_means,
)

# PLACE_TARGET_ROOTS, phrase_target and Family are re-exported: importable from accord.events as before the split
from accord.arguments import PLACE_TARGET_ROOTS as PLACE_TARGET_ROOTS
from accord.arguments import phrase_target as phrase_target
from accord.modality import (
    REPORT_VERBS,
    _alleged,
    _conditional,
    _forward_looking,
    _incapable,
    _modality,
    _negated,
    _reported,
    _subjunctive,
)
from accord.nlp import column
from accord.ontology import cameo_table
from accord.types import Actor, Event, Mention
from accord.vocabulary import Family as Family
from accord.vocabulary import Pattern, VerbDictionary


def code_events(doc, mentions: list[Mention], verbs: VerbDictionary, pub: dt.date | None) -> list[Event]:
    """Every event in ``doc``. Sources are resolved actors or first-person placeholders ("we")."""
    by_head: dict[int, list[Mention]] = defaultdict(list)
    modifiers: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        (modifiers if m.how == "modifier" else by_head)[m.head].append(m)
    ctx = _Ctx(doc, by_head, modifiers, verbs, pub)
    out: list[Event] = []
    seen: set[tuple] = set()
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        for ev in _sentence_events(ctx, sent):
            # a sector actor with no code is told apart by its name: "30 villagers" is a target, not no target
            key = (_ident(ev.source), _ident(ev.target), ev.cameo, ev.sentence_span)
            if key not in seen:
                seen.add(key)
                out.append(ev)
    return out


def _ident(a: Actor | None) -> str | None:
    if a is None:
        return None
    return a.code or (a.name if a.role in POLITICAL_ROLES else None)


def _match(ctx: _Ctx, tok) -> Pattern | None:
    """The most specific pattern for a trigger token, or None."""
    return next(_matches(ctx, tok), None)


def _matches(ctx: _Ctx, tok) -> Iterator[Pattern]:
    """Every pattern that fits a trigger token, most specific first."""
    lemma = _true_lemma(ctx, tok)
    # a gerund the parser makes a verb where a noun stands: "Fighting between the army and rebels killed 20"
    nominal = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in ctx.verbs.nouns
    if tok.pos_ in ("VERB", "AUX") and not nominal:
        pats = ctx.verbs.verbs.get(lemma) or ctx.verbs.verbs.get(tok.lower_) or _by_form(ctx.verbs.verbs, tok.lower_)
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt" and not _quantifier_up(c)), None)
        # of patterns equally specific, one that names the object's modifier is the more specific fit:
        # "launched a scathing attack on" is the words (111), not "launched an attack" (190)
        mods = {c.lower_ for o in _direct_objects(tok) for c in o.children if c.dep_ in ("amod", "compound")}
        if mods and len(pats) > 1:
            pats = sorted(pats, key=lambda p: (-p.specificity, not (p.objects and mods & p.objects)))
        for p in pats:
            if p.particle and p.particle != prt and not any(c.dep_ == "prep" and c.lower_ == p.particle and not _when(c)
                                                            for c in tok.children):
                continue
            if not p.particle and prt in PHRASAL_PARTICLES:
                continue  # "called off a strike" is not "called a strike"
            if p.objects is not None and not (_object_lemmas(tok, p.object_preps) & p.objects):
                continue
            if p.object_is_actor and not _direct_objects(tok):
                continue
            if p.intransitive and any(c.dep_ == "dobj" for c in tok.children):
                continue
            if p.object_is_actor and not any(_actors(ctx, o) for o in _direct_objects(tok)):
                continue
            if p.object_kind == "igo" and not any(a.igo for o in _direct_objects(tok) for a in _actors(ctx, o)):
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
        if c.dep_ in ("acomp", "advmod", "prt") and not object_preps:
            out.add(c.lemma_.lower())
        if c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "ADJ"):
            out.add(c.lower_)  # "found him guilty", "was declared liable": the predicate the verb assigns
    return out


# Orders of an authority that are carried out by its own agents: the order is coded as the act.
ORDER_WORDS = frozenset({"order", "direct", "instruct", "command"})
ORDERED_ROOTS = frozenset({"08", "09", "16", "17", "18", "19", "20"})


def _authority(a: Actor) -> bool:
    """A state or its organs (government, courts, forces, police), or an organisation."""
    return bool(a.igo) or a.role in ("GOV", "JUD", "MIL", "COP", "LEG", "SPY") or bool(a.country and not a.role)


def _wants_phrase(tgts: list[Actor], srcs: list[Actor], code: str) -> bool:
    """An act by one political actor that names no actor as its target (a protest's target is its country)."""
    return not tgts and len(srcs) == 1 and _political(srcs[0]) and code[:2] not in DOMESTIC_ROOTS


PHRASAL_PARTICLES = {"off", "out", "down", "back", "up", "away"}


def _obligation(ctx: _Ctx, tok) -> list[Event]:
    """"X said Y must/should do Z": X demands that Y does Z (10)."""
    if tok.pos_ not in ("VERB", "NOUN"):
        return []
    out: list[Event] = []
    demand = next((f for f in ctx.verbs.families.values() if f.name == "demand"), None)
    if demand is None:
        return []
    for c in tok.children:
        if c.dep_ not in ("ccomp", "acl") or not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
            continue
        if tok.pos_ == "NOUN":  # "a reminder to Iraq that it must cooperate": the noun's clause
            gov = tok.head
            while gov.pos_ != "VERB" and gov.head.i != gov.i:
                gov = gov.head
            tok = gov
        found = _reporter_and_subject(ctx, tok, c)
        if found is None:
            continue
        srcs, swhy, s, tgts = found
        inner = _match(ctx, c)
        code = demand.code_for(inner.code) if inner else demand.default
        rule = f"obligation: '{tok.text}' that '{s.text}' must '{c.text}' → {code}; source: {swhy}"
        out += _emit(ctx, tok.sent, tok, c, code, srcs, tgts, "asserted", rule, None, cameo_table())
    return out


def _complement(ctx: _Ctx, tok):
    """The verb or noun a control word governs: "pledged [to join]", "demanded [the release]"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and (p := _match(ctx, c)):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None) if p.source_roles else None
            if s is not None and not any(_role_ok(p, a) for a in _agent_actors(ctx, s)):
                # "warned that the tax could hit developing countries": a pattern for armed forces' acts, not a tax's
                p = next((q for q in _matches(ctx, c) if not q.source_roles), None)
                if p is None:
                    continue
            return c, p
    for c in tok.children:
        if c.dep_ in ("dobj",) and (p := _match(ctx, c)):
            return c, p
        if c.dep_ == "prep" and c.lower_ in ("for", "to"):
            for p_ in c.children:
                if p_.dep_ == "pobj" and (p := _match(ctx, p_)):
                    return p_, p
                if p_.dep_ == "pcomp" and (p := _match(ctx, p_)):
                    return p_, p
    for c in tok.children:  # "plans to hold joint drills", "a pledge to withdraw": a noun's "to" clause
        if tok.pos_ == "NOUN" and c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and (
                p := _match(ctx, c)):
            return c, p
    for c in tok.children:  # "is willing to withdraw": the adjective's own complement
        if c.dep_ == "acomp":
            for g in c.children:
                if g.dep_ == "xcomp" and (p := _match(ctx, g)):
                    return g, p
    return None, None


def _content_tokens(sent) -> list:
    """The sentence's verbs, auxiliaries, nouns, proper nouns and adjectives, read off the POS column."""
    from spacy.parts_of_speech import ADJ, AUX, NOUN, PROPN, VERB

    doc, keep = sent.doc, (VERB, AUX, NOUN, PROPN, ADJ)
    pos = column(doc, "POS")
    return [doc[i] for i in range(sent.start, sent.end) if pos[i] in keep]


def _sentence_events(ctx: _Ctx, sent) -> list[Event]:
    events: list[Event] = []
    consumed: set[int] = set()
    table = cameo_table()
    verbs = ctx.verbs
    # only verbs, nouns and adjectives can trigger anything below; the rest are skipped unread
    content = _content_tokens(sent)
    # 1. control words with a coded complement
    for tok in content:
        fam = verbs.families.get(tok.lemma_.lower())
        if fam is None or tok.pos_ not in ("VERB", "ADJ", "AUX", "NOUN"):
            continue
        if tok.pos_ == "NOUN" and fam.name not in ("demand", "appeal", "threaten") and not (
                fam.name == "intent" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and _match(ctx, tok.head) is None
                and tok.head.lemma_.lower() not in verbs.families and tok.head.lemma_.lower() not in NEGATING_GOVERNORS):
            # a noun of intent only as what its subject announces or makes ("announced plans to hold drills"),
            # not one it acts on ("rejected a US offer to host a summit", "spurned offers for talks", "cancel plans")
            continue
        if any(c.dep_ == "prt" and c.lower_ in PHRASAL_PARTICLES for c in tok.children):
            continue  # "called off the talks" is no appeal, "turned down the offer" no turn: the phrasal verb's own
        comp, pat = _complement(ctx, tok)
        if comp is None or _alleged(tok) or _phone_call(tok):
            continue
        if pat.code == "154" and _peacekeeping_phrase(ctx, comp):
            consumed.update((tok.i, comp.i))
            continue  # "pledged to send troops to the peacekeeping force in Mali": the force's noun codes it (0334)
        if comp.dep_ == "acl" and fam.name != "intent":
            continue  # "under pressure to meet the competition": no demand made
        if pat.code[:2] in FORCE_ROOTS and _against_scourge(ctx, comp):
            consumed.update((tok.i, comp.i))
            continue  # "vowed to fight corruption": no threat of force
        consumed.add(comp.i)
        consumed.add(tok.i)
        inner = pat.code
        # "failed to reach a deal": the reject family's "fail" is what makes the complement not happen
        failed_to_agree = (fam.name == "reject" and tok.lemma_.lower() == "fail" and comp.head.i == tok.i
                           and pat.code[:3] in AGREEING and not any(c.dep_ == "neg" for c in comp.children))
        negated = _negated(tok) or (_negated(comp) and not failed_to_agree)
        family = fam
        if negated:
            if fam.name in ("intent",):
                family = next((f for f in verbs.families.values() if f.name == "reject"), fam)
            elif fam.name == "reject":
                continue  # "did not refuse to meet": no event we can code
            else:
                continue
        code = family.code_for(inner)
        if (family.name == "intent" and tok.lemma_.lower() == "agree" and comp.dep_ in ("dobj", "pobj")
                and comp.lemma_.lower() in AGREEMENT_NOUNS and _modality(tok) == "asserted"):
            code = "057"  # "agreed a trade deal", "agreed to a rollover deal": the agreement is concluded
        srcs, swhy = _sources(ctx, tok)
        if failed_to_agree and not any(a.role in AGREEING_ROLES or (not a.role and (a.country or a.igo)) for a in srcs):
            continue  # "economists failed to agree about the forecast": no political rejection
        if not srcs and swhy == "passive-no-agent":  # "Israel is opposed to …", "is committed to …": a state, not a passive
            s = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            srcs, swhy = (_actors(ctx, s), f"subject '{s.text}'") if s is not None else ([], swhy)
        ordered = (family.name == "demand" and tok.lemma_.lower() in ORDER_WORDS and srcs
                   and _authority(srcs[0]) and inner[:2] in ORDERED_ROOTS)
        if ordered:
            # "a court ordered the release of ...", "the ministry ordered an investigation": an authority's
            # order to its own agents is the act itself (CAMEO codes the arrest, not a demand for one)
            code = inner
        if fam.name in ("demand", "appeal") or comp.dep_ in ("dobj", "pobj"):
            tgts, twhy = _targets(ctx, tok, None, {_key(a) for a in srcs})
            if not tgts and comp.dep_ == "ccomp":  # "demanded that Israel ease …": Israel is asked
                s = _subject_token(comp)
                tgts, twhy = (_actors(ctx, s), f"subject of '{comp.text}'") if s is not None else ([], "")
            if not tgts:
                tgts, twhy = _targets(ctx, comp, pat, {_key(a) for a in srcs})
        else:
            tgts, twhy = _targets(ctx, comp, pat, {_key(a) for a in srcs})
        modality = family.modality or _modality(tok)
        if _modality(tok) in ("future", "hypothetical"):
            modality = _modality(tok)
            if family.name == "reject":  # "would boycott all contact": a threat to
                threat = next((f for f in verbs.families.values() if f.name == "threaten"), family)
                code, family = threat.code_for(inner if inner[:2] >= "14" else "16"), threat
        if not tgts:
            tgts, twhy = _clause_subject(ctx, comp, {_key(a) for a in srcs}, infinitive=True)
        if not tgts and family.name == "intent":
            tgts, twhy = _with_partner(ctx, tok, {_key(a) for a in srcs})
        if not tgts and family.name == "threaten":
            # "threatened to stop the talks if the United States goes ahead": whoever must comply
            tgts, twhy = _condition_subject(ctx, tok, deep=True) or ([], "")
        if not tgts:
            tgts, twhy = _participle_target(ctx, tok, {_key(a) for a in srcs})
        if _wants_phrase(tgts, srcs, code):
            tgts, twhy = _phrase_target(ctx, comp, pat, own=_countries(srcs))
        rule = f"{'order' if ordered else family.name}: '{tok.text} … {comp.text}' ({pat.id} {inner} → {code}); source: {swhy}; target: {twhy or 'none'}"
        if negated:
            rule = "negated " + rule
        events += _emit(ctx, sent, tok, comp, code, srcs, tgts, modality, rule, pat, table)
    # 1b. headlines the parser read as one noun phrase ("U.S. lifts travel ban to Lebanon")
    found, used = _headline_events(ctx, sent, table)
    events += found
    consumed |= used
    # 2. plain triggers
    for tok in content:
        if tok.i in consumed:
            continue
        fam = verbs.families.get(tok.lemma_.lower())
        pat = _match(ctx, tok)
        if (pat is None or not pat.objects) and (given := _received_gift(ctx, sent, tok, table)):
            events += given  # "Ukraine got rifles from Poland": Poland's aid to Ukraine
            consumed.update(o.i for o in _gift_words(tok))
            continue
        if pat is None and fam is None:
            derived = _criticism(ctx, tok) or _obligation(ctx, tok)
            if derived:
                events += derived
                consumed.update(c.i for c in tok.children if c.dep_ == "ccomp")
            continue
        if pat is None:
            # a bare control word ("The Russian president pledged that he would …") keeps its own code,
            # the target being the first actor its complement names.
            has_comp = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
            ok = (tok.pos_ == "VERB" and tok.dep_ not in ("amod", "acl", "compound", "nmod")) or (
                tok.pos_ == "ADJ" and has_comp and tok.dep_ in ("acomp", "ROOT", "ccomp"))
            if tok.lemma_.lower() in fam.weak or tok.lower_ in fam.weak:
                ok = False  # "expects to spend", "want quick action": no act without a coded complement
            if any(c.dep_ == "prt" and c.lower_ in PHRASAL_PARTICLES for c in tok.children):
                ok = False  # "called off the talks", "turned down the offer": not the control word itself
            pat = Pattern(id=f"{fam.name}:{tok.lemma_.lower()}", kind="verb", code=fam.default) if ok else None
            if pat is None:
                continue
            if any(c.dep_ == "xcomp" and c.lemma_.lower() in fam.silence for c in tok.children):
                pat = Pattern(id=f"{fam.name}:{tok.lemma_.lower()}+silence", kind="verb", code=fam.silence_code)
        if pat.code[:2] in FORCE_ROOTS and _against_scourge(ctx, tok):
            continue  # "fight the Ebola epidemic", "a war on drugs": a policy, no use of force
        if pat.kind == "noun":
            events += _noun_event(ctx, sent, tok, pat, table)
            continue
        if _subjunctive(tok):
            continue  # "demanded that Israel ease restrictions": asked for, not done
        if tok.pos_ == "VERB" and tok.dep_ == "amod":
            continue  # "pursuing retreating Iranian forces": a participle describing a noun
        if tok.pos_ == "VERB" and tok.dep_ == "prep" and tok.tag_ == "VBG":
            continue  # "barring unforeseen circumstances", "including": a participle used as a preposition
        if _alleged(tok):
            continue  # the accusation is the event, the act it alleges is not
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "once", "until", "when") for c in tok.children):
            continue  # "If approved by Congress, the bill would …": a condition, not an act
        for dobj in _direct_objects(tok):
            consumed.add(dobj.i)
        srcs, swhy = _sources(ctx, tok)
        if not srcs and swhy == "passive-no-agent" and pat.code[:3] in DETENTION_CODES:
            srcs, swhy = _security_teller(ctx, tok)
            swhy = swhy or "passive-no-agent"
        tgts, twhy = _targets(ctx, tok, pat, {_key(a) for a in srcs})
        sourceless = not srcs and pat.code[:2] in SOURCELESS_ROOTS and _unstated_source(ctx, tok, swhy)
        if sourceless:
            swhy = "none stated (" + swhy + ")"
        if not tgts and fam is not None:
            tgts, twhy = _first_actor_in_complement(ctx, tok, {_key(a) for a in srcs})
        if not tgts and fam is not None and fam.name == "threaten":
            # "threatened to resume attacks in Israel": the threatened place
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    tgts, twhy = _place_target(ctx, c, [d for d in c.children if d.dep_ == "dobj"])
                    if tgts:
                        break
        if not tgts:
            tgts, twhy = _clause_subject(ctx, tok, {_key(a) for a in srcs}, infinitive=pat.code[:2] not in CLAUSE_SUBJECT_ROOTS)
        if not tgts:
            tgts, twhy = _participle_target(ctx, tok, {_key(a) for a in srcs})
        if pat.needs_target and not tgts and len(srcs) < 2:  # "Russia and Iran met": each other
            continue
        if srcs and not _role_ok(pat, srcs[0]):
            # "protest" by a government is a complaint (11), by anyone else a demonstration (14)
            pat = next((p for p in _matches(ctx, tok) if _role_ok(p, srcs[0]) and p.kind == "verb"), None)
            if pat is None:
                continue
            tgts, twhy = _targets(ctx, tok, pat, {_key(a) for a in srcs})
            if pat.needs_target and not tgts:
                continue
        code = pat.code
        if code == "154" and _peacekeeping_phrase(ctx, tok):
            continue  # "sent troops to the peacekeeping mission in Haiti": the mission's noun codes it (074)
        if srcs and pat.role_code:
            code = dict(pat.role_code).get(srcs[0].role or "", code)
        if code == "186" and tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in ATTEMPTING:
            code = "185"  # "tried to assassinate the governor", "a plot to assassinate": an attempt (CAMEO 185)
        modality = _modality(tok)
        rule = f"{pat.id}: '{tok.text}' → {code}; source: {swhy}; target: {twhy or 'none'}"
        if _negated(tok):
            root = int(code[:2])
            if 3 <= root <= 8 and not _incapable(tok):
                rej = next((f for f in verbs.families.values() if f.name == "reject"), None)
                if rej is None:
                    continue
                rule = f"negated {rule} → reject"
                code = rej.code_for(code)
            else:
                continue  # "did not attack" is no attack
        elif modality in ("future", "hypothetical") and _forward_looking(tok):
            code, rule = _forward_code(ctx, tok, code, modality, rule)
        if modality == "asserted" and _reported(tok):
            modality = "reported"
        if _wants_phrase(tgts, srcs, code):
            tgts, twhy = _phrase_target(ctx, tok, pat, own=_countries(srcs))
            rule = rule.replace("target: none", f"target: {twhy or 'none'}", 1)
        events += _emit(ctx, sent, tok, tok, code, srcs, tgts, modality, rule, pat, table, sourceless=sourceless)
    return events


# Words of trying: an assassination tried is an attempt (CAMEO 185), not a killing (186).
ATTEMPTING = frozenset({"try", "attempt", "seek", "plot", "conspire", "bid"})


# Modifiers of an act named by a noun that has not happened.
NOT_YET = frozenset({"next", "upcoming", "planned", "proposed", "future", "possible", "potential", "prospective",
                     "expected", "scheduled", "forthcoming", "impending", "mooted", "likely", "eventual"})


# Uses of force and coercion, which are done to actors, never to a scourge.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def _against_scourge(ctx: _Ctx, tok) -> bool:
    """Is the act aimed at a scourge ("fight the epidemic", "the war against corruption", "tackle drug crime")?"""
    aims = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    aims += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
             for p in c.children if p.dep_ == "pobj"]
    return any(a.lemma_.lower() in ctx.verbs.scourges or a.lower_ in ctx.verbs.scourges for a in aims)


# Codes of coming to an agreement: failing to is a rejection ("failed to reach a deal", "failed to agree"),
# failing at anything else is only something that did not happen ("failed to arrest the suspects").
AGREEING = frozenset({"057", "030", "031", "032", "033", "034", "035", "036"})


# Who can reject a deal by failing to reach it: states and their organs, parties, armed groups, unions.
AGREEING_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "REB", "RAD", "OPP", "PTY", "LAB", "INS", "SEP"})


# What an agreement is called: one agreed (not "agreed to talk") is finalised, CAMEO 057 / PLOVER SUPPORT.
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "settlement", "protocol"})


# Roots whose act on a clause is an act on the clause's subject: "welcomed Putin to mediate", "rejected
# Abe to speak", "criticised Iran for …" (support, disapproval, rejection).
CLAUSE_SUBJECT_ROOTS = frozenset({"05", "11", "12"})


# Verbs whose clause is an infinitive without "to": "let UN monitors visit the camps", "made the plane land".
BARE_INFINITIVE_VERBS = frozenset({"let", "make"})


def _clause_subject(ctx: _Ctx, tok, exclude: set, infinitive: bool = False) -> tuple[list[Actor], str]:
    """The subject of the clause an act is done on. With ``infinitive``, only of a "to" clause: "allowed the
    WFP to deliver food", "forced the plane to land" act on the WFP and the plane, whatever the act; "said
    Israel would …" is no such clause."""
    for c in tok.children:
        # a verbless clause of access: "allowed UN inspectors access to the sites"
        small = c.pos_ == "NOUN" and c.lemma_.lower() in ACCESS_NOUNS
        if c.dep_ in ("ccomp", "xcomp") and (small or c.pos_ in ("VERB", "AUX") or (c.pos_ == "ADJ" and not infinitive)) and (
                small or not infinitive or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                or (c.tag_ == "VB" and tok.lemma_.lower() in BARE_INFINITIVE_VERBS)):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and s.lemma_.lower() in ACCESS_NOUNS:  # "allow access of UN aid workers to deliver …"
                s = next((p for g in s.children if g.dep_ == "prep" and g.lower_ in ("of", "for")
                          for p in g.children if p.dep_ == "pobj"), s)
            own = own_countries(exclude)
            own_codes = {k[0] for k in exclude if k and k[0]}
            # not the source's own state ("Russia welcomed Russian troops to …"), but another organ of it may be:
            # "a Kenyan court found the former governor guilty"
            acts = [a for a in _actors(ctx, s) if _key(a) not in exclude and (
                a.country not in own or (a.role and a.code not in own_codes))] if s is not None else []
            if acts:
                return acts, f"subject of '{c.text}'"
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


def _verb_lemma(ctx: _Ctx, word: str) -> str | None:
    """The dictionary verb a third-person form spells: "lifts" → lift, "imposes" → impose, "carries" → carry."""
    forms = [word[:-1]] + ([word[:-2]] if word.endswith("es") else []) + ([word[:-3] + "y"] if word.endswith("ies") else [])
    return next((f for f in forms if f in ctx.verbs.verbs), None) if word.endswith("s") and len(word) > 3 else None


def _headline_events(ctx: _Ctx, sent, table) -> tuple[list[Event], set[int]]:
    """A headline with no verb in its parse ("U.S. lifts travel ban to Lebanon" read as a compound noun):
    a dictionary verb's -s form after an actor is the verb, the actors before it its subject, the words
    after it its object and targets. Returns the events and the tokens they used."""
    toks = list(sent)
    if any(t.pos_ in ("VERB", "AUX") for t in toks) or len(toks) > 16:
        return [], set()
    for k, tok in enumerate(toks):
        if k == 0 or tok.pos_ not in ("NOUN", "PROPN") or (lemma := _verb_lemma(ctx, tok.lower_)) is None:
            continue
        inside = [m for t in toks for m in ctx.by_head.get(t.i, []) + ctx.modifiers.get(t.i, []) if _usable(m)]
        # a mention the NER ran over the verb ("UN lifts travel ban") is still the subject
        srcs = [m.actor if m.token_end <= tok.i else replace(m.actor, name=ctx.doc[m.token_start:tok.i].text)
                for m in inside if m.token_start < tok.i]
        if not srcs or toks[k - 1].pos_ not in ("PROPN", "NOUN"):
            continue
        rest = [t for t in toks[k + 1:] if not t.is_punct]
        if not rest:
            continue  # "U.S. funds.", "Results in U.S. funds": a headline verb has an object or a phrase after it
        words = {w for t in rest for w in (t.lower_, t.lemma_.lower())}
        exclude = {_key(a) for a in srcs}
        tgts = [m.actor for m in inside if m.token_start > tok.i and _key(m.actor) not in exclude]
        pat = next((p for p in ctx.verbs.verbs[lemma] if not p.particle and (p.objects is None or words & p.objects)
                    and not (p.object_is_actor and not tgts) and not p.intransitive and _role_ok(p, srcs[0])), None)
        if pat is None:
            continue
        nouns = [t for t in rest if t.pos_ in ("NOUN", "PROPN") and not (pat.objects and t.lemma_.lower() in pat.objects)]
        nouns = [t for t in nouns if t.dep_ == "pobj"] + [t for t in nouns if t.dep_ != "pobj" and t.dep_ != "compound"]
        twhy = f"'{tgts[0].name}' after the verb" if tgts else ""
        if not tgts and pat.needs_target:
            continue
        if not tgts and nouns and _political(srcs[0]):
            tgts, twhy = [Actor(name=_phrase_name(nouns[0]), code=None)], f"phrase '{nouns[0].text}'"
        code = dict(pat.role_code).get(srcs[0].role or "", pat.code) if pat.role_code else pat.code
        rule = f"headline {pat.id}: '{tok.text}' → {code}; source: before the verb; target: {twhy or 'none'}"
        return _emit(ctx, sent, tok, tok, code, srcs[:1], tgts[:1], "asserted", rule, pat, table), {t.i for t in toks}
    return [], set()


def _when(prep) -> bool:
    """"on Friday", "on 12 May": a preposition of time, not a phrasal verb's particle ("called on Iran")."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _phone_call(tok) -> bool:
    """"Tillerson called Lavrov to discuss Syria": "call" with a person as its object and no "on" or "for" is
    a telephone call (041), not an appeal ("called on Lavrov to …", "called for talks")."""
    if tok.lemma_.lower() != "call" or any(c.lower_ in ("on", "upon", "for") and not _when(c) for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children)


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
    if _failed_agreement(code, pat):
        return True  # "Russia and the Netherlands failed to reach agreement": with each other
    if code[:2] not in RECIPROCAL_ROOTS:
        return False
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
    for t in {first, last}:
        for c in t.children:
            if c.dep_ in ("dobj", "dative") and any(not own_means(a, pat) for a in _actors(ctx, c)):
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
    for c in tok.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            acts = _actors(ctx, c) or [m.actor for m in ctx.modifiers.get(c.i, [])]
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
    provider = None
    if not srcs and pat.code[:2] == "07" and (found := _provider(ctx, tok)) is not None:
        # "Norway is the largest donor to Somalia", "troops took part in the peacekeeping mission in Congo"
        srcs, swhy, provider = found
    if not srcs and lead.dep_ in ("dobj", "pobj") and lead.head.pos_ == "VERB" and lead.head.lemma_.lower() not in ctx.verbs.families:
        gov = lead.head if lead.dep_ == "dobj" else None
        if gov is not None and _match(ctx, gov) is None:
            srcs, swhy = _sources(ctx, gov)
            swhy = f"light verb '{gov.text}', {swhy}"
    pair: list[Actor] = []
    # "clashes between police and protesters", "clashes erupted between police and protesters"
    occurring = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in OCCURRENCE_VERBS
    for c in [*tok.children, *(tok.head.children if occurring else ())]:
        if c.dep_ == "prep" and c.lower_ == "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    pair = _actors(ctx, p)
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
    if not tgts and lead is not tok:  # "its rejection and condemnation of the annexation"
        tgts, twhy = _targets(ctx, lead, pat, {_key(a) for a in srcs})
    if not tgts and not any(c.dep_ == "prep" for c in tok.children):  # the phrase on the last noun of a coordination
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "NOUN" and not tgts:
                tgts, twhy = _targets(ctx, c, pat, {_key(a) for a in srcs})
    light_verb = lead.head if lead.dep_ == "dobj" and lead.head.pos_ == "VERB" else provider
    if not tgts and light_verb is not None:  # "opened investigations against hundreds of banks"
        # (the provider's verb names the recipient as aid does, a place abroad too: "deployed troops in Mali")
        tgts, twhy = _targets(ctx, light_verb, pat if provider is not None else None, {_key(a) for a in srcs})
    if pat.needs_pair and not tgts:
        return []
    if _wants_phrase(tgts, srcs, pat.code):
        tgts, twhy = _phrase_target(ctx, tok, pat, (light_verb,) if light_verb is not None else (),
                                    own=_countries(srcs))
    rule = f"{pat.id}: '{tok.text}' → {pat.code}; source: {swhy}; target: {twhy or 'none'}"
    code = pat.code
    modality = _modality(lead.head) if lead.head.i != lead.i else "asserted"
    light = light_verb
    if provider is not None:
        modality = _modality(provider)
        intent = ctx.verbs.families.get(provider.head.lemma_.lower()) if provider.dep_ == "xcomp" else None
        if intent is not None and intent.name == "intent" and not _negated(provider.head):
            # "is ready to contribute troops to the peacekeeping force in Mali": an intent (0334)
            code, rule = intent.code_for(code), f"intent '{provider.head.text}' {rule} → intent"
    if light is not None and modality in ("future", "hypothetical") and _forward_looking(light):
        code, rule = _forward_code(ctx, light, code, modality, rule)  # "will extend the curfew" → threat
    return _emit(ctx, sent, tok, tok, code, srcs, tgts, modality, rule, pat, table)


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
    recv = tok.head
    if tok.dep_ != "dobj" or recv.pos_ != "VERB" or recv.lemma_.lower() not in RECEIVING_VERBS:
        return None
    for holder in (tok, recv):
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


def _peacekeeping_phrase(ctx: _Ctx, verb) -> bool:
    """Does a troop deployment name the peacekeeping force it sends them to ("to the UN peacekeeping mission")?"""
    return any(t.pos_ == "NOUN" and (p := _match(ctx, t)) is not None and p.code == "074"
               and (f := _provider(ctx, t)) is not None and f[2] is not None and f[2].i == verb.i for t in verb.subtree)


def _provider(ctx: _Ctx, tok):
    """(providers, why, the verb whose phrases name the recipient) for an aid noun (07) that no modifier or "by"
    names the provider of: the subject it is said of ("Japan is the biggest donor to Myanmar", "Norway remains
    one of the largest donors to Somalia"), the name it stands beside ("Japan, the largest donor to Myanmar"),
    the subject of a verb of sending or taking part whose phrase it is ("deployed troops to Mali as part of a
    peacekeeping force"), or itself as peacekeepers arriving ("Irish peacekeepers arrived in Lebanon")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("one", "part"):
        tok, head = head.head, head.head.head  # "one of the largest donors", "as part of a peacekeeping force"
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
    if tok.dep_ == "nsubj" and head.lemma_.lower() in ARRIVING_VERBS and (own := _actors(ctx, tok)):
        return own, f"'{tok.text}' {head.text}", head
    return None


def _emit(ctx: _Ctx, sent, first, last, code: str, srcs: list[Actor], tgts: list[Actor], modality: str,
          rule: str, pat: Pattern | None, table, sourceless: bool = False, incident: bool = False) -> list[Event]:
    pairs: list[tuple[Actor | None, Actor | None]] = []
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
    # count in dyads, or as victims of force
    pairs = [(s, t) for s, t in pairs if t is not None or s is None or s.placed or s.first_person
             or s.role in LONE_ROLES]
    if not pairs:
        return []
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


# Sectors of political life: an actor of one of these is political news even without a country.
POLITICAL_ROLES = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "LEG", "JUD", "SPY", "RAD", "PTY", "INS", "SEP",
                             "CVL", "LAB", "ETH", "REF", "HRI", "IGO", "NGO", "UAF", "ELI", "MED", "REL", "EDU"})


def _political(a: Actor | None) -> bool:
    """Placed, political by sector, or first person ("we": the quote's speaker, resolved later)."""
    return a is not None and (a.placed or a.role in POLITICAL_ROLES or a.first_person)


LONE_ROLES = frozenset({"MIL", "REB", "COP", "OPP", "RAD", "INS", "SEP", "UAF", "CVL", "LAB", "PTY", "LEG", "SPY"})


def _business(a: Actor) -> bool:
    return a.role == "BUS"
