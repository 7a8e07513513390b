"""Events: verb and noun patterns over the dependency parse → CAMEO codes, then Goldstein, QuadClass, PLOVER.

The patterns are data (``accord/data/verbs.yaml``, loaded by :mod:`accord.vocabulary`). This module
finds, for every trigger token in a sentence, who did it (the subject, climbing through "pledged to
join", "while speaking with", passives and conjunctions) and to whom (the object, a preposition's
object, or the object's possessor) with :mod:`accord.arguments` and :mod:`accord.targets`, reads negation and modality with
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
from dataclasses import replace

from accord.arguments import (
    _actors,
    _agent_actors,
    _conj,
    _Ctx,
    _direct_objects,
    _key,
    _mediated_parties,
    _meeting_host,
    _reporter_and_subject,
    _security_teller,
    _sources,
    _subject_token,
    _telephoned,
    _usable,
)
from accord.emit import (
    DETENTION_CODES,
    POLITICAL_ROLES,
    SOURCELESS_CASE_VERBS,
    SOURCELESS_ROOTS,
    _countries,
    _emit,
    _forward_code,
    _political,
    _role_ok,
    _unstated_source,
    _wants_phrase,
)
from accord.matching import (
    PHRASAL_PARTICLES,
    _match,
    _matches,
)
from accord.modality import (
    _alleged,
    _forward_looking,
    _incapable,
    _modality,
    _negated,
    _reported,
    _subjunctive,
)
from accord.nlp import column
from accord.nominal import (
    CARRYING_OUT,
    FORCE_NOUNS,
    NEGATING_GOVERNORS,
    _arriving,
    _gift_words,
    _noun_event,
    _peacekeeping_deployment,
    _peacekeeping_phrase,
    _received_gift,
    verbal_attack,
)
from accord.ontology import cameo_table
from accord.phrase_targets import (
    EXPELLING_VERBS,
    _first_actor_in_complement,
    _permitted_phrase,
    _phrase_target,
    _posture_target,
    expelled_from,
    held_in,
)
from accord.phrase_targets import phrase_target as phrase_target
from accord.spoken import (
    SAID_ROOTS,
    _callee,
    _criticism,
    _intent_voiced,
    _named_as,
    _paid_call,
    _with_partner,
)
from accord.targets import (
    ACCESS_NOUNS,
    _condition_subject,
    _participle_target,
    _permitted,
    _phrase_name,
    _place_at,
    _place_target,
    _targets,
    own_countries,
)

# PLACE_TARGET_ROOTS, phrase_target and Family are re-exported: importable from accord.events as before the split
from accord.targets import PLACE_TARGET_ROOTS as PLACE_TARGET_ROOTS
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


# Orders of an authority that are carried out by its own agents: the order is coded as the act (also a show of
# force: "ordered the army to deploy more troops" is the deployment, CAMEO 154, not a demand on the army).
ORDER_WORDS = frozenset({"order", "direct", "instruct", "command"})
ORDERED_ROOTS = frozenset({"08", "09", "15", "16", "17", "18", "19", "20"})


def _authority(a: Actor) -> bool:
    """A state or its organs (government, courts, forces, police), or an organisation."""
    return bool(a.igo) or a.role in ("GOV", "JUD", "MIL", "COP", "LEG", "SPY") or bool(a.country and not a.role)


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


DIPLOMAT_NOUNS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "attache",
                            "attaché", "consul", "chargé", "charge"})


def _diplomats_told_to_leave(tok) -> bool:
    """A demand whose object is a diplomat and whose complement is leaving: "ordered the ambassador to leave"."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubj") and c.i > tok.i]
    leave = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ("leave", "depart", "quit") for c in tok.children)
    return leave and any(o.lower_ in DIPLOMAT_NOUNS for o in objs)


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
        voicer = _intent_voiced(ctx, tok) if tok.pos_ == "NOUN" and fam.name == "intent" else None
        if tok.pos_ == "NOUN" and fam.name not in ("demand", "appeal", "threaten") and voicer is None and not (
                fam.name == "intent" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and _match(ctx, tok.head) is None
                and tok.head.lemma_.lower() not in verbs.families and tok.head.lemma_.lower() not in NEGATING_GOVERNORS):
            # a noun of intent only as what its subject announces or makes ("announced plans to hold drills"),
            # not one it acts on ("rejected a US offer to host a summit", "spurned offers for talks", "cancel plans")
            continue
        if any(c.dep_ == "prt" and c.lower_ in PHRASAL_PARTICLES for c in tok.children):
            continue  # "called off the talks" is no appeal, "turned down the offer" no turn: the phrasal verb's own
        if fam.name == "appeal" and _paid_call(ctx, tok):
            continue  # "called on the minister to discuss …": a visit, coded below
        if _named_as(ctx, tok):
            continue  # "called the sanctions illegal": a criticism of them (its own pattern), no appeal for them
        comp, pat = _complement(ctx, tok)
        if comp is None or _alleged(tok) or _telephoned(tok):
            continue
        if tok.lemma_.lower() in CARRYING_OUT and comp.dep_ == "dobj" and comp.pos_ == "NOUN":
            continue  # "undertook a mediation mission": the noun's own act, done (coded below)
        if pat.code == "154" and _peacekeeping_phrase(ctx, comp):
            consumed.update((tok.i, comp.i))
            continue  # "pledged to send troops to the peacekeeping force in Mali": the force's noun codes it (0334)
        if pat.code == "154" and _peacekeeping_deployment(ctx, comp):
            pat = replace(pat, code="074")  # "pledged to send troops to Mali to serve as peacekeepers" (0334)
        force = _alliance_force(ctx, comp) if pat.code == "154" and fam.name == "intent" else None
        if force is not None:
            pat = replace(pat, code="074")  # "ready to send troops to the AU force in Somalia": forces for security (0334)
        if comp.dep_ == "acl" and fam.name != "intent":
            continue  # "under pressure to meet the competition": no demand made
        if pat.code[:2] in FORCE_ROOTS and _against_scourge(ctx, comp):
            consumed.update((tok.i, comp.i))
            continue  # "vowed to fight corruption": no threat of force
        consumed.add(comp.i)
        consumed.add(tok.i)
        if voicer is not None:
            consumed.add(voicer.i)  # "reaffirmed its commitment to …": the commitment's complement codes it
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
        if (family.name == "intent" and tok.lemma_.lower() in ("agree", "consent", "accede") and comp.dep_ in ("dobj", "pobj")
                and comp.lemma_.lower() in DEMAND_NOUNS and _modality(tok) == "asserted"):
            code = "080"  # "agreed to all the demands": yielded to them (CAMEO 08, as "accepted the demands")
        if family.name == "intent" and inner == "045" and comp.pos_ == "VERB":
            code = "039"  # "offered to mediate": the source's own mediation (CAMEO 039); "agreed to mediation" is 038
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
        if ordered and inner[:2] == "15":  # the forces ordered out are the source's own: the target is the deployment's
            tgts, twhy = _targets(ctx, comp, pat, {_key(a) for a in srcs} | {_key(a) for a in tgts})
        if not tgts and family.name == "reject":
            # "refused the governor to extend his term", "refused a visa for the cardinal to visit", "refused to
            # allow a Qatari plane to land": the one not permitted (CAMEO 124x, 125x)
            tgts, twhy = _permitted(ctx, tok, {_key(a) for a in srcs})
            if not tgts:
                tgts, twhy = _permitted(ctx, comp, {_key(a) for a in srcs})
        if inner[:2] == "19" and verbal_attack(ctx, comp, srcs, tgts):
            # "vowed to attack the government's pension reform": words promised, no force threatened
            inner = "111"
            code = inner if ordered else family.code_for(inner)
        modality = family.modality or _modality(tok)
        if _modality(tok) in ("future", "hypothetical"):
            modality = _modality(tok)
            if family.name == "reject":  # "would boycott all contact": a threat to
                threat = next((f for f in verbs.families.values() if f.name == "threaten"), family)
                code, family = threat.code_for(inner if inner[:2] >= "14" else "16"), threat
        if force is not None and (placed := _place_target(ctx, comp, [force]))[0] and \
                placed[0][0].country not in _countries(srcs):
            tgts, twhy = placed  # CAMEO 0334: "the target represents the prospective location of deployment"
        own_obj = _own_object(ctx, comp, twhy, srcs) if family.name == "intent" else None
        if own_obj is not None:
            # "agreed to extend its training mission in Niger", "willing to pull its police out of …": the
            # source's own means are not what the intent is for; the place abroad it acts in is (CAMEO 0334)
            tgts, twhy = _place_abroad(ctx, comp, own_obj, srcs)
            if not tgts:
                tgts, twhy = _place_left(ctx, comp)
                if tgts and tgts[0].country in _countries(srcs):
                    tgts, twhy = [], ""  # "agreed to pull its fighters out of Benghazi": at home, no one yielded to
        if not tgts:
            tgts, twhy = _clause_subject(ctx, comp, {_key(a) for a in srcs}, infinitive=True)
        if not tgts and family.name == "intent":
            tgts, twhy = _with_partner(ctx, tok, {_key(a) for a in srcs})
        if not any(a.code for a in tgts) and family.name in ("threaten", "reject"):
            # "threatened to stop the talks if the United States goes ahead", "refused to go back to work unless
            # the ministry reinstated them": whoever must comply (CAMEO 13: a threat's condition; 12: a refusal
            # to yield until a demand is met)
            marks = ("unless", "if") if family.name == "threaten" else ("unless", "until", "till")
            # (an actor no dictionary places yields to one that must comply: "threatened to expel the diplomats
            # unless Paris apologised" threatens France)
            found = _condition_subject(ctx, tok, marks, deep=True, exclude={_key(a) for a in srcs})
            if found and (not tgts or any(a.code for a in found[0])):
                tgts, twhy = found
        if not tgts:
            tgts, twhy = _participle_target(ctx, tok, {_key(a) for a in srcs})
        if _wants_phrase(tgts, srcs, code) and own_obj is None:
            tgts, twhy = _phrase_target(ctx, comp, pat, own=_countries(srcs))
            if not tgts and family.name == "reject":
                tgts, twhy = _permitted_phrase(ctx, comp)
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
        if pat is not None and fam is not None and fam.name == "appeal" and (purposes := _paid_call(ctx, tok)):
            pat = replace(pat, id=f"{pat.id}+visit", code="042", needs_target=True)
            consumed.update(c.i for c in purposes)
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
            elif fam.name == "demand" and _diplomats_told_to_leave(tok):
                # "ordered the French ambassador to leave": an expulsion of diplomats (CAMEO 161)
                pat = Pattern(id=f"{fam.name}:{tok.lemma_.lower()}+expel", kind="verb", code="161")
        if (fam is not None and fam.name == "intent" and pat.code == fam.default and not pat.objects
                and (aid := _offered_aid(ctx, tok)) is not None):
            # "offered Kyiv two frigates", "pledged tents": the aid giving the thing would be, promised (CAMEO 033)
            pat = replace(aid, id=f"{pat.id}+{aid.id}", code=fam.code_for(aid.code), source_roles=None)
        if pat.code[:2] in FORCE_ROOTS and _against_scourge(ctx, tok):
            continue  # "fight the Ebola epidemic", "a war on drugs": a policy, no use of force
        if pat.kind == "noun":
            if pat.code == "154" and _peacekeeping_deployment(ctx, tok):
                continue  # "Chad's deployment of troops on a peacekeeping mission": the mission's noun codes it (074)
            found = _noun_event(ctx, sent, tok, pat, table)
            events += found
            if found and pat.code == "074":
                # the peacekeepers, or a group of them ("a contingent of peacekeepers arrived"), as the subject
                arrived = _arriving(tok.head if tok.dep_ == "nsubj" else tok.head.head.head if tok.head.lower_ == "of" else tok)
                if arrived is not None:
                    consumed.add(arrived.i)  # "Uruguayan blue helmets arrived in Congo": deployed there, no visit (042)
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
        case = pat.code in ("112", "115") and tok.lemma_.lower() in SOURCELESS_CASE_VERBS
        if not srcs and swhy == "passive-no-agent" and (pat.code[:3] in DETENTION_CODES or case):
            srcs, swhy = _security_teller(ctx, tok)
            swhy = swhy or "passive-no-agent"
        released = not srcs and swhy == "passive-no-agent" and pat.code == RELEASE_CODE
        if released:  # "the hostages held in Mali were released": by whoever held them there, else no one stated
            srcs, swhy = _security_teller(ctx, tok)
            if not srcs:
                srcs, swhy = held_in(ctx, tok)
            swhy = swhy or "passive-no-agent"
        if not srcs and swhy == "passive-no-agent" and tok.lemma_.lower() in EXPELLING_VERBS:
            srcs, swhy = expelled_from(ctx, tok)  # "were expelled from Poland": by Poland
            swhy = swhy or "passive-no-agent"
        if not srcs and swhy == "passive-no-agent" and pat.code in DEPLOYMENTS:
            srcs, swhy = _deployed_forces(ctx, tok)
            swhy = swhy or "passive-no-agent"
        tgts, twhy = _targets(ctx, tok, pat, {_key(a) for a in srcs})
        if not tgts and pat.code == "045":  # "mediated to end the feud between the two clans"
            tgts, twhy = _mediated_parties(ctx, tok, {_key(a) for a in srcs})
        if not tgts and pat.code == "040" and pat.objects:  # "took part in the summit hosted by Egypt"
            tgts, twhy = _meeting_host(ctx, tok, {_key(a) for a in srcs})
        sourceless = not srcs and (pat.code[:2] in SOURCELESS_ROOTS or released or case) and _unstated_source(ctx, tok, swhy)
        if sourceless:
            swhy = "none stated (" + swhy + ")"
        if not tgts and fam is not None:
            tgts, twhy = _first_actor_in_complement(ctx, tok, {_key(a) for a in srcs})
            comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)
            if fam.name == "intent" and comp is not None and (own_obj := _own_object(ctx, comp, twhy, srcs)) is not None:
                tgts, twhy = _place_abroad(ctx, comp, own_obj, srcs)  # "agreed to extend its mission in Niger": Niger
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
        if not tgts and pat.code[:2] in SAID_ROOTS:
            tgts, twhy = _callee(ctx, tok, {_key(a) for a in srcs})
        if not tgts and pat.code[:2] == "07" and tok.lemma_.lower() in HELPING:
            tgts, twhy = _helped(ctx, tok, {_key(a) for a in srcs})
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
        if (pat.alone and len(srcs) < 2 and not any((t.igo or t.country) and t.country not in _countries(srcs) for t in tgts)
                and not any(m.lower_ in JOINT for o in tok.children if o.dep_ == "dobj" for m in o.children)
                and not any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in tok.children)):
            code = pat.alone  # "the navy held drills in the South China Sea": no partner, a show of force (150)
        if code == "154" and _peacekeeping_phrase(ctx, tok):
            continue  # "sent troops to the peacekeeping mission in Haiti": the mission's noun codes it (074)
        if code[:2] == "15" and srcs:
            tgts, twhy = _posture_target(ctx, tok, srcs, tgts, twhy)
        if code == "154" and _peacekeeping_deployment(ctx, tok):
            code = "074"  # "sent troops to Lebanon to join the UN force": peacekeepers provided, no build-up
        if srcs and pat.role_code:
            code = dict(pat.role_code).get(srcs[0].role or "", code)
        words = code[:2] == "19" and verbal_attack(ctx, tok, srcs, tgts)
        if words:
            code = "111"  # "Trump attacked the Federal Reserve": criticism, not force
        if code == "186" and tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in ATTEMPTING:
            code = "185"  # "tried to assassinate the governor", "a plot to assassinate": an attempt (CAMEO 185)
        modality = _modality(tok)
        rule = f"{pat.id}: '{tok.text}' → {code}{' (in words)' if words else ''}; source: {swhy}; target: {twhy or 'none'}"
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
            if swhy.startswith("the forces deployed") and any(
                    c.dep_ == "nsubjpass" and twhy == f"phrase '{c.text}'" for c in tok.children):
                tgts, twhy = [], ""  # the forces deployed are the doer, not the phrase the act is done to
            rule = rule.replace("target: none", f"target: {twhy or 'none'}", 1)
        events += _emit(ctx, sent, tok, tok, code, srcs, tgts, modality, rule, pat, table, sourceless=sourceless)
    return events


# What makes an act done together though no partner is named ("held joint manoeuvres"): no `alone` code.
JOINT = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational"})


# Verbs of offering a thing ("offered Kyiv two frigates", "pledged tents and blankets"), which promise what
# giving it is: CAMEO 033 "offer, promise ... to provide some form of material support", the target "the
# prospective recipient of aid".
OFFERING = frozenset({"offer", "pledge", "promise"})
# The verbs whose aid patterns say which things are aid (07_aid.yaml).
GIVING = ("provide", "send")


def _offered_aid(ctx: _Ctx, tok) -> Pattern | None:
    """The aid pattern (07) giving an offered thing would match: "offered Kyiv two frigates" (072), "has offered
    to the UN a field hospital" (073)."""
    if tok.lemma_.lower() not in OFFERING:
        return None
    words = {w for o in _direct_objects(tok) for c in _conj(o) for w in (c.lemma_.lower(), c.lower_)}
    return next((p for v in GIVING for p in ctx.verbs.verbs.get(v, ()) if p.code[:2] == "07" and p.objects
                 and not p.particle and words & p.objects), None) if words else None


def _alliance_force(ctx: _Ctx, comp):
    """The force of an international organisation troops are sent to: "send troops to the AU mission", "to the
    NATO-led force in Afghanistan"."""
    for c in comp.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in FORCE_NOUNS and any(
                        a.igo for m in p.children if m.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")
                        for t in m.subtree for a in _actors(ctx, t) + [n.actor for n in ctx.modifiers.get(t.i, [])]):
                    return p
    return None


def _place_left(ctx: _Ctx, comp) -> tuple[list[Actor], str]:
    """The place a withdrawal leaves: "withdraw its forces from Kidal", "pull its police out of the strip" (the
    place's country, else the phrase)."""
    out = [c for c in comp.children if c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod")]
    for c in list(comp.children) + [g for o in out for g in o.children]:
        if c.dep_ == "prep" and (c.lower_ == "from" or (c.lower_ == "of" and out)):
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    if (a := _place_at(ctx, p)) is not None:
                        return [Actor(name=a.name, code=a.country, country=a.country)], f"left '{c.text} {p.text}'"
                    return [Actor(name=_phrase_name(p), code=None)], f"phrase '{p.text}'"
    return [], ""


def _place_abroad(ctx: _Ctx, comp, own_obj, srcs: list[Actor]) -> tuple[list[Actor], str]:
    """The place the source's own means act in (``own_obj``: "its training mission in Niger"), when abroad."""
    tgts, twhy = _place_target(ctx, comp, [own_obj])
    return ([], "") if tgts and tgts[0].country in _countries(srcs) else (tgts, twhy)


def _own_object(ctx: _Ctx, comp, why: str, srcs: list[Actor]):
    """The complement's object, when it is the target found and belongs to the source ("its mission",
    "their troops", "Canada's forces")."""
    keys = {_key(a) for a in srcs}
    for o in _direct_objects(comp):
        if f"'{o.text}'" not in why:
            continue
        if any(c.dep_ == "poss" and (c.lower_ in ("its", "their") or any(_key(a) in keys for a in _actors(ctx, c)))
               for c in o.children):
            return o
    return None


# A release of persons (CAMEO 0841): reported, like violence, from the released person's side ("two journalists
# were freed on Monday"), so kept with no source when none is stated.
RELEASE_CODE = "0841"


# Words of trying: an assassination tried is an attempt (CAMEO 185), not a killing (186).
ATTEMPTING = frozenset({"try", "attempt", "seek", "plot", "conspire", "bid"})


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
# Verbs of helping, whose help goes to whom the helped act is done for: "helped to integrate refugees".
HELPING = frozenset({"help", "assist", "aid"})


def _helped(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """The ones a help is for when no one is its object: the one helped to act, whom the parser reads as the
    helped act's subject ("helped Indonesia rebuild its ports"), else the ones it is done to ("spent billions
    on helping to integrate a million refugees", "helped rebuild the Iraqi army")."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            # "helped Indonesia rebuild its ports": the one helped, read as the helped act's subject
            for o in [g for g in c.children if g.dep_ == "nsubj"] + _direct_objects(c):
                if (acts := [a for a in _actors(ctx, o) if _key(a) not in exclude]):
                    return acts, f"helped to '{c.text}' '{o.text}'"
    return [], ""


AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "settlement", "protocol"})
DEMAND_NOUNS = frozenset({"demand", "ultimatum", "condition"})


# Roots whose act on a clause is an act on the clause's subject: "welcomed Putin to mediate", "rejected
# Abe to speak", "criticised Iran for …" (support, disapproval, rejection).
CLAUSE_SUBJECT_ROOTS = frozenset({"02", "05", "10", "11", "12"})


# Verbs whose clause is an infinitive without "to": "let UN monitors visit the camps", "made the plane land".
BARE_INFINITIVE_VERBS = frozenset({"let", "make"})


def _clause_subject(ctx: _Ctx, tok, exclude: set, infinitive: bool = False) -> tuple[list[Actor], str]:
    """The subject of the clause an act is done on. With ``infinitive``, only of a "to" clause: "allowed the
    WFP to deliver food", "forced the plane to land" act on the WFP and the plane, whatever the act; "said
    Israel would …" is no such clause."""
    for c in tok.children:
        # a verbless clause of access: "allowed UN inspectors access to the sites"
        small = c.pos_ == "NOUN" and c.lemma_.lower() in ACCESS_NOUNS
        # … or one whose adjective the parser took for the clause's verb: "allowed aid workers expanded access"
        small = small or (c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD") and any(
            g.dep_ == "dobj" and g.lemma_.lower() in ACCESS_NOUNS and not any(d.dep_ == "det" for d in g.children)
            for g in c.children))
        # a that-clause whose verb the tagger took for a noun: "demanded that the minister resign"
        clause = c.dep_ == "ccomp" and not infinitive and any(g.dep_ == "nsubj" for g in c.children)
        if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children):
            continue  # "asked whether Audi would pay": a question, asked of no one in it
        if c.dep_ in ("ccomp", "xcomp") and (small or clause or c.pos_ in ("VERB", "AUX") or (c.pos_ == "ADJ" and not infinitive)) and (
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


# Deployments of forces (CAMEO 074, 153, 154), which forces of a state are deployed in by that state.
DEPLOYMENTS = frozenset({"074", "153", "154"})


def _deployed_forces(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """Forces of a named state deployed with no one said to deploy them are deployed by their own side: "500
    Egyptian soldiers were deployed as peacekeepers in Darfur" (Egypt's soldiers provide the peacekeeping)."""
    s = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    acts = [a for a in _actors(ctx, s) if a.role in ("MIL", "COP") and (a.country or a.igo)] if s is not None else []
    return (acts, f"the forces deployed, '{s.text}'") if acts else ([], "")


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


