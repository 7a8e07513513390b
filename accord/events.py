"""Events: verb and noun patterns over the dependency parse → CAMEO codes, then Goldstein, QuadClass, PLOVER.

The patterns are data (``accord/data/verbs.yaml``). This module finds, for every trigger token in a
sentence, who did it (the subject, climbing through "pledged to join", "while speaking with",
passives and conjunctions) and to whom (the object, a preposition's object, or the object's
possessor), then applies the general rules of reporting:

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
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from accord import yamlio
from accord.nlp import column
from accord.ontology import cameo_table
from accord.types import Actor, Event, Mention

DEFAULT_PREPS = ("with", "to", "against", "on", "toward", "towards", "at", "into", "for")
SUBJ = ("nsubj", "nsubjpass", "csubj")
REPORT_VERBS = {"say", "tell", "state", "declare", "stress", "emphasize", "emphasise", "note", "add", "insist",
                "argue", "claim", "charge", "show", "believe", "assert", "affirm", "point", "maintain", "reiterate",
                "warn", "complain", "announce", "acknowledge", "admit", "suggest", "indicate", "prove", "demonstrate"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
FUTURE_WORDS = {"tomorrow", "next", "upcoming", "soon"}
# Collective nouns whose "of" phrase names the actor: "a delegation of Russian officials".
COLLECTIVES = {"delegation", "group", "team", "representative", "representatives", "member", "members",
               "thousands", "hundreds", "dozens", "leaders", "leader", "head", "chief", "part", "unit",
               "units", "contingent", "supporters", "supporter", "some", "many", "most", "all", "thousand",
               "hundred", "dozen", "tens", "millions", "scores", "crowd", "crowds", "band", "batch", "number"}
# Subjects of an object-control verb's complement are its object: "urged Iran to release".
OBJECT_CONTROL = {"urge", "ask", "call", "order", "persuade", "force", "press", "pressure", "invite",
                  "encourage", "request", "tell", "allow", "permit", "help", "implore"}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    kind: str  # verb | noun
    code: str
    objects: frozenset[str] | None = None
    object_preps: tuple[str, ...] = ()
    particle: str | None = None
    preps: tuple[str, ...] = DEFAULT_PREPS
    needs_target: bool = False
    object_is_actor: bool = False
    object_kind: str | None = None
    target_kind: str | None = None
    source_roles: frozenset[str] | None = None
    source_roles_not: frozenset[str] | None = None
    role_code: tuple[tuple[str, str], ...] = ()
    needs_pair: bool = False
    intransitive: bool = False  # "retreat", "riot": a direct object means a misparse ("retreating troops")

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0) + (1 if self.object_is_actor or self.object_kind else 0)


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    default: str
    mapping: tuple[tuple[str, str], ...]
    modality: str | None = None
    silence: frozenset[str] = frozenset()  # complements that make the control word a declined comment
    silence_code: str = "011"
    weak: frozenset[str] = frozenset()  # words that code only with a coded complement ("expects to spend": none)

    def code_for(self, inner: str) -> str:
        """The family's code for a complement coded ``inner`` (longest prefix first)."""
        table = dict(self.mapping)
        for n in (4, 3, 2):
            if inner[:n] in table:
                return table[inner[:n]]
        return self.default


@dataclass
class VerbDictionary:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    criticism_words: frozenset[str] = frozenset()
    criticism_code: str = "111"
    instruments: frozenset[str] = frozenset()  # "a roadside bomb killed …": no actor, a means
    reciprocal: frozenset[str] = frozenset()  # acts that take two: "Iran and Iraq fought" → each other

    @classmethod
    def load(cls, extra: tuple[str, ...] | list[str] = ()) -> VerbDictionary:
        data_dir = resources.files("accord.data")
        docs = [("accord/data/verbs.yaml", yamlio.load(data_dir.joinpath("verbs.yaml").read_text(encoding="utf-8")))]
        # vocabulary beyond the core file, one reviewable file per CAMEO root or theme (accord/data/verbs/)
        sub = data_dir.joinpath("verbs")
        if sub.is_dir():
            for res in sorted((r for r in sub.iterdir() if r.name.endswith(".yaml")), key=lambda r: r.name):
                docs.append((f"accord/data/verbs/{res.name}", yamlio.load(res.read_text(encoding="utf-8")) or {}))
        for path in extra:
            data = yamlio.load(Path(path).read_text(encoding="utf-8")) or {}
            if isinstance(data, dict) and (data.get("verbs") or data.get("nouns") or data.get("families") or data.get("instruments")
                                           or data.get("reciprocal")):
                docs.append((str(path), data))
        return cls.build(docs)

    @classmethod
    def build(cls, docs: list[tuple[str, dict[str, Any]]]) -> VerbDictionary:
        table = cameo_table()
        vd = cls()
        verbs: dict[str, list[Pattern]] = defaultdict(list)
        nouns: dict[str, list[Pattern]] = defaultdict(list)
        crit: set[str] = set()
        instruments: set[str] = set()
        reciprocal: set[str] = set()
        for where, data in docs:
            instruments |= {str(w) for w in (data.get("instruments") or {}).get("words", [])}
            reciprocal |= {str(w) for w in (data.get("reciprocal") or {}).get("words", [])}
            for kind, store in (("verb", verbs), ("noun", nouns)):
                for n, entry in enumerate(data.get(kind + "s", []) or []):
                    pat, lemmas = _pattern(kind, entry, f"{where}: {kind}s[{n}]", table)
                    for lemma in lemmas:
                        store[lemma].append(pat)
            for name, fam in (data.get("families") or {}).items():
                for code in [fam.get("default", "")] + list((fam.get("map") or {}).values()):
                    if str(code) not in table:
                        raise ValueError(f"{where}: family {name}: unknown CAMEO code {code!r}")
                quiet = fam.get("silence") or {}
                f = Family(name, str(fam["default"]), tuple((str(k), str(v)) for k, v in (fam.get("map") or {}).items()),
                           fam.get("modality"), frozenset(str(w) for w in quiet.get("words", [])), str(quiet.get("code", "011")),
                           frozenset(str(w) for w in fam.get("weak", []) or []))
                for w in fam.get("words", []):
                    vd.families[str(w)] = f
            cp = data.get("criticism_predicates") or {}
            crit |= {str(w) for w in cp.get("words", [])}
            if cp.get("code"):
                vd.criticism_code = str(cp["code"])
        for store in (verbs, nouns):
            for lst in store.values():
                lst.sort(key=lambda p: -p.specificity)
        vd.verbs, vd.nouns, vd.criticism_words = dict(verbs), dict(nouns), frozenset(crit)
        vd.instruments = frozenset(instruments)
        vd.reciprocal = frozenset(reciprocal)
        return vd


def _pattern(kind: str, e: dict[str, Any], where: str, table: dict) -> tuple[Pattern, list[str]]:
    if not isinstance(e, dict) or kind not in e or "code" not in e:
        raise ValueError(f"{where}: a {kind} pattern needs '{kind}' and 'code': {e!r}")
    code = str(e["code"])
    if code not in table:
        raise ValueError(f"{where}: unknown CAMEO code {code!r}")
    lemmas = [e[kind]] if isinstance(e[kind], str) else list(e[kind])
    objs = e.get("object") or e.get("modifier")
    pat = Pattern(
        id=e.get("id") or f"{kind}:{lemmas[0]}" + (f"+{objs[0]}" if objs else "") + (f"_{e['particle']}" if e.get("particle") else ""),
        kind=kind,
        code=code,
        objects=frozenset(objs) if objs else None,
        object_preps=tuple(e.get("object_preps") or ()),
        particle=e.get("particle"),
        preps=tuple(e.get("preps") or DEFAULT_PREPS),
        needs_target=bool(e.get("needs_target")),
        object_is_actor=bool(e.get("object_is_actor")),
        object_kind=e.get("object_kind"),
        target_kind=e.get("target_kind"),
        source_roles=frozenset(e["source_roles"]) if e.get("source_roles") else None,
        source_roles_not=frozenset(e["source_roles_not"]) if e.get("source_roles_not") else None,
        role_code=tuple((e.get("role_code") or {}).items()),
        needs_pair=bool(e.get("needs_pair")),
        intransitive=bool(e.get("intransitive")),
    )
    return pat, [str(x) for x in lemmas]


# --------------------------------------------------------------------------------------------------


@dataclass
class _Ctx:
    doc: Any
    by_head: dict[int, list[Mention]]
    modifiers: dict[int, list[Mention]]
    verbs: VerbDictionary
    pub: dt.date | None


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
            key = (ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.cameo, ev.sentence_span)
            if key not in seen:
                seen.add(key)
                out.append(ev)
    return out


def _match(ctx: _Ctx, tok) -> Pattern | None:
    """The most specific pattern for a trigger token, or None."""
    return next(_matches(ctx, tok), None)


def _matches(ctx: _Ctx, tok) -> Iterator[Pattern]:
    """Every pattern that fits a trigger token, most specific first."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        pats = ctx.verbs.verbs.get(lemma) or ctx.verbs.verbs.get(tok.lower_) or _by_form(ctx.verbs.verbs, tok.lower_)
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt" and not _quantifier_up(c)), None)
        for p in pats:
            if p.particle and p.particle != prt and not any(c.dep_ == "prep" and c.lower_ == p.particle for c in tok.children):
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
    if tok.pos_ in ("NOUN", "PROPN"):
        pats = ctx.verbs.nouns.get(lemma) or ctx.verbs.nouns.get(tok.lower_) or []
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        for p in pats:
            if p.objects is None or (mods & p.objects):
                yield p


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


def _direct_objects(tok) -> list:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "obj", "attr")]
    # a passive's subject is its object
    objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
    return [o2 for o in objs for o2 in _conj(o)]


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
        if c.dep_ == "prep" and (not object_preps or c.lower_ in object_preps):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.add(p.lemma_.lower())
                    out.add(p.lower_)
        if c.dep_ in ("acomp", "advmod", "prt") and not object_preps:
            out.add(c.lemma_.lower())
    return out


def _conj(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conj(c)
    return out


def _actors(ctx: _Ctx, tok, depth: int = 0) -> list[Actor]:
    """Actors a noun (and its conjuncts) refers to; looks inside "a delegation of Russian officials"."""
    out: list[Actor] = []
    for t in _conj(tok):
        ms = ctx.by_head.get(t.i, [])
        resolved = [m.actor for m in ms if _usable(m)]
        if resolved:
            out += resolved
            continue
        if depth < 2 and (t.lemma_.lower() in COLLECTIVES or t.lower_ in COLLECTIVES or (ms and not resolved) or t.pos_ == "NUM"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += _actors(ctx, p, depth + 1)
    if not out and tok.pos_ == "PROPN" and tok.tag_ == "NNPS":
        out = _modifier_actors(ctx, tok)  # "Thousands of Iraqi Kurds" (not "U.S. oil stocks")
    if not out and depth == 0 and _people_count(tok):
        # "Dozens were arrested", "a bombing killed six": people counted, not named (civilians unless said)
        words = [t for t in tok.subtree if t.dep_ not in ("punct", "relcl", "acl", "prep") or t.i == tok.i]
        name = " ".join(t.text for t in words if tok.left_edge.i <= t.i <= tok.i) or tok.text
        out = [Actor(name=name, code=None, role="CVL")]
    uniq: dict[tuple, Actor] = {}
    for a in out:
        uniq.setdefault((a.code, a.name), a)
    return list(uniq.values())


# How a mention was found when it names an actor the dictionaries do not resolve to a country: a named
# entity ("the American Civil Liberties Union", "Lagumdzija") or a sector with no country anywhere
# ("police arrested 20 people"). They act and are acted on like any actor, with a null code.
NAMED_HOWS = frozenset({"named", "unresolved", "place"})


def _usable(m: Mention) -> bool:
    """Can this mention be an event's source or target?"""
    a = m.actor
    return bool(a.country or a.igo or m.how == "first-person" or (m.how in NAMED_HOWS and a.name))


# Orders of an authority that are carried out by its own agents: the order is coded as the act.
ORDER_WORDS = frozenset({"order", "direct", "instruct", "command"})
ORDERED_ROOTS = frozenset({"08", "09", "16", "17", "18", "19", "20"})


def _authority(a: Actor) -> bool:
    """A state or its organs (government, courts, forces, police), or an organisation."""
    return bool(a.igo) or a.role in ("GOV", "JUD", "MIL", "COP", "LEG", "SPY") or bool(a.country and not a.role)


# Words that count people: with no one named inside them, the people counted are the actor.
PEOPLE_COUNTS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens", "millions", "several", "many",
                           "others", "some", "few", "dozen", "hundred", "thousand"})


def _people_count(tok) -> bool:
    """A bare count as a clause's subject or object: "Dozens were arrested", "killed six", "three died"."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "dozens of soldiers": the soldiers are the actor, found inside
    if tok.pos_ == "NUM":  # "killed six", never "lent $1 billion" nor "ten percent"
        money = tok.lower_ in ("million", "billion", "trillion", "percent") or any(
            t.tag_ == "$" or t.pos_ == "SYM" or t.lower_ in ("percent", "pct", "%") for t in tok.subtree)
        return tok.like_num and not money and not any(c.pos_ == "NOUN" for c in tok.children)
    return tok.lower_ in PEOPLE_COUNTS


def _modifier_actors(ctx: _Ctx, tok) -> list[Actor]:
    """Countries named only by an adjective on a noun: "Palestinian lorries" → PSE."""
    return [m.actor for c in tok.children if c.dep_ in ("amod", "compound", "nmod") for m in ctx.modifiers.get(c.i, [])]


def _subject_token(tok, depth: int = 0):
    """The token that is the subject of ``tok``'s clause, climbing through control and coordination.

    Of two subjects (a misparse: "KABUL, May 2 - Police arrested ...") the one nearest the verb."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        before = [c for c in subjects if c.i < tok.i]
        subj = before[-1] if before else subjects[0]
        if tok.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS and tok.head.i != tok.i:
            return tok.head  # "the rebels who attacked the town": the noun the clause is about
        return subj
    if depth > 5:
        return None
    dep = tok.dep_
    head = tok.head
    if head.i == tok.i:
        return None
    if dep == "relcl":
        return head
    if dep == "acl":
        return None
    if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        objs = [c for c in head.children if c.dep_ in ("dobj",)]
        if objs:
            return objs[0]
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "on":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in ("for", "over", "of"):
        gov = head.head
        objs = [c for c in gov.children if c.dep_ == "dobj"]
        if objs and gov.lemma_.lower() not in ("be",):
            return objs[0]
        return _subject_token(gov, depth + 1)
    if dep in ("xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "pobj", "ccomp", "dobj") or dep == "ROOT":
        if dep == "ccomp" and any(c.dep_ == "mark" for c in tok.children):
            return None
        if dep == "conj":
            for c in head.children:
                if c.dep_ in ("nsubj", "csubj"):
                    return c
            for c in head.children:  # "… has been indicted and will resign": the passive's subject acts
                if c.dep_ == "nsubjpass":
                    return c if not _is_passive(tok) else None
        return _subject_token(head, depth + 1) if dep != "ROOT" else None
    return None


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Verbs that allege an act: "accused Israel of attacking its ships" reports no attack.
ALLEGING = frozenset({"accuse", "charge", "suspect", "blame", "indict", "allege", "convict", "acquit"})


def _alleged(tok) -> bool:
    """Is ``tok`` the act an accusation alleges ("accused X of attacking", "charged with spying")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "of violating rights and ignoring the law"
        tok = tok.head
    prep = tok.head
    return (tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in ("of", "with", "for")
            and prep.head.lemma_.lower() in ALLEGING)


def _participle_target(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """"sent a letter to the WHO threatening to pull funding": a participle with no target of its own
    is done to the target of the clause it hangs on."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "mark") for c in tok.children):
        return [], ""
    found, why = _targets(ctx, tok.head, None, exclude)
    return (found, f"of the clause: {why}") if found else ([], "")


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")


def _agent(tok):
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


# Participles that describe their subject's state, not something done to it: "forces were engaged in
# ethnic cleansing", "troops involved in the fighting".
STATE_PASSIVES = {"engage", "involve"}


def _sources(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    if _is_passive(tok):
        ag = _agent(tok)
        if ag is None and tok.lemma_.lower() in STATE_PASSIVES:
            s = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if s is not None:
                return _actors(ctx, s), f"subject '{s.text}'"
        return (_agent_actors(ctx, ag), "agent") if ag is not None else ([], "passive-no-agent")
    s = _subject_token(tok)
    if s is None:
        return [], "no-subject"
    return _agent_actors(ctx, s), f"subject '{s.text}'"


def _agent_actors(ctx: _Ctx, tok) -> list[Actor]:
    """Who acts: the subject's actors, else its possessor's ("Japan PM's office refused", "Armenia's
    military top brass demanded": a body named by its owner acts for it)."""
    acts = _actors(ctx, tok)
    if acts or tok.pos_ != "NOUN" or ctx.by_head.get(tok.i) or tok.lemma_.lower() in RELATIONAL:
        return acts
    return [a for c in tok.children if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON for a in _actors(ctx, c)]


FIRST_PERSON = frozenset({"my", "our", "we", "us", "i"})
# People named by their relation to the possessor, not its bodies: "Russia's allies" are not Russia.
RELATIONAL = frozenset({"ally", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary", "opponent", "critic",
                        "supporter", "friend", "partner", "counterpart", "victim", "detractor", "creditor", "debtor"})


def _targets(ctx: _Ctx, tok, pat: Pattern | None, exclude: set) -> tuple[list[Actor], str]:
    cands: list[tuple[list[Actor], str]] = []
    if _is_passive(tok):
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None and tok.dep_ == "acl":
            subj = tok.head
        if subj is not None:
            cands.append((_actors(ctx, subj), f"passive subject '{subj.text}'"))
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "obj")]
    for o in objs:
        cands.append((_actors(ctx, o), f"object '{o.text}'"))
    for o in objs + [c for c in tok.children if c.dep_ == "nsubjpass"]:
        if o.lemma_.lower() in ctx.verbs.nouns:  # "condemned Israel's attack on Gaza", "the Israeli attack": the attacker
            for c in o.children:
                if (c.dep_ == "poss" and c.lower_ not in FIRST_PERSON) or (c.dep_ in ("amod", "compound") and c.i < o.i):
                    cands.append((_actors(ctx, c) or [m.actor for m in ctx.modifiers.get(c.i, [])], f"the act's own actor '{c.text}'"))
    preps = pat.preps if pat else DEFAULT_PREPS
    for holder in [tok] + objs:
        for c in holder.children:  # spaCy calls the "to" of "sent a letter to Uganda" a dative
            if c.dep_ in ("prep", "dative") and c.lower_ in preps + ("between",):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append((_actors(ctx, p), f"'{c.text} {p.text}'"))
    for o in objs:  # "supported Iran's application", "the rights of Palestinians", "a curfew in Montenegro"
        for c in o.children:
            if c.dep_ == "poss":
                cands.append((_actors(ctx, c), f"possessor '{c.text}'"))
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "on", "against", "from", "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        acts = _actors(ctx, p) or _modifier_actors(ctx, p)
                        if c.lower_ == "in":  # "a curfew in Montenegro", but "an agreement in Berlin" is a venue
                            acts = [a for a in acts if a.country and not a.role]
                        cands.append((acts, f"'{o.text} {c.text} {p.text}'"))
    for o in objs:  # "granted asylum to Panamanian officers" where only an adjective names the country
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
    # deeper inside the object or a prepositional object: "reneged on an accord with Iran", "imposed
    # blockades in some parts of west Darfur", "a meeting of the North Atlantic Council"
    for holder in objs + [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
                          if p.dep_ == "pobj"]:
        found, where = _first_actor_below(ctx, holder, facilities=pat is not None and pat.code[:2] in VIOLENT_ROOTS)
        if found:
            cands.append((found, f"inside '{holder.text}': '{where}'"))
    states = {k[1] for k in exclude if len(k) == 3 and k[1] and k[0] in (k[1], k[1] + "GOV")}
    for actors, why in cands:
        # a state's own forces are what it acts with ("offered its troops to Lebanon"), not its target
        # nor its own officials named by title alone ("Kenya recalls envoy to Uganda": the envoy is Kenya's)
        actors = [a for a in actors if _key(a) not in exclude and not (a.country in states and (
            a.role == "MIL" or (a.role == "GOV" and a.name[:1].islower())))]
        if actors:
            return actors, why
    if (pat is not None and pat.code[:2] == "13") or _conditional(tok):
        found = _condition_subject(ctx, tok)
        if found:
            return found
    if pat is not None and pat.code[:2] in PLACE_TARGET_ROOTS:
        return _place_target(ctx, tok, objs)
    return [], ""


# Roots whose act, with no one named as its target, is done to the country where it happens:
# a curfew imposed in Cizre, roads blocked in Algiers, troops withdrawn in Lebanon.
PLACE_TARGET_ROOTS = {"08", "14", "15", "16", "17", "18", "19", "20"}


# Dependents that start a clause of its own: an actor inside one is not what the phrase is about.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "appos", "punct", "cc"})


# Acts of force whose object's owner is their target: "attacked an army camp" attacks the army.
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})


def _first_actor_below(ctx: _Ctx, tok, depth: int = 4, facilities: bool = False) -> tuple[list[Actor], str]:
    """The first actor named inside a noun phrase, nearest the head first, not inside its clauses nor
    in a phrase of place or time ("an agreement in Berlin" is not an agreement with Germany).

    A sector noun modifying a thing is not an actor ("welcomed a court ruling"), except as the owner of
    what an act of force hits (``facilities``: "attacked an army camp")."""

    def below(t) -> list:
        return [c for c in t.children if c.dep_ not in _CLAUSE_DEPS and not (c.dep_ == "prep" and c.lower_ in LOCATIVE)]

    frontier = below(tok)
    for _ in range(depth):
        nxt = []
        for t in frontier:
            acts = _actors(ctx, t) or _modifier_actors(ctx, t)
            if t.dep_ in ("compound", "amod", "nmod") and t.pos_ != "PROPN" and not facilities:
                acts = [a for a in acts if not a.role]  # "a court ruling" is not the court; "Brazilian beef" is Brazil
            if acts:
                return acts, t.text
            nxt += below(t)
        frontier = nxt
    return [], ""


def _condition_subject(ctx: _Ctx, tok) -> tuple[list[Actor], str] | None:
    """"… unless Baghdad accepted", "… if the United States goes ahead": a threat's target is whoever must comply."""
    for t in [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]:
        for c in t.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if s is not None and (acts := _actors(ctx, s)):
                    return acts, f"subject of the condition '{s.text}'"
    return None


def _place_target(ctx: _Ctx, tok, objs: list) -> tuple[list[Actor], str]:
    """The country of the first place named by a locative phrase on the verb or its object."""
    for holder in [tok] + objs:
        for c in holder.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "at", "near", "inside", "outside", "throughout", "across"):
                continue
            for t in c.subtree:
                for m in ctx.by_head.get(t.i, []) + ctx.modifiers.get(t.i, []):  # "in Montenegro province"
                    a = m.actor
                    if a.country and (not a.role or m.how == "capital"):
                        return [Actor(name=a.name, code=a.country, country=a.country)], f"place '{c.text} {t.text}'"
    return [], ""


# Entity types that name a time, an amount or a rank, never what an act is done to.
_NOT_THINGS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Prepositions whose object an act with no actor named is done to ("imposed blockades on the ports").
PHRASE_PREPS = ("to", "against", "on", "with", "toward", "towards", "into", "at")


def _phrase_target(ctx: _Ctx, tok, pat: Pattern | None, extra_holders: tuple = ()) -> tuple[list[Actor], str]:
    """What an act is done to when it names no actor: the noun phrase of its object, kept by name with
    no code ("rejected the legislation", "condemned the attacks", "imposed blockades on the ports").

    The direct object is the act's own matter when the pattern names it ("imposed sanctions on …",
    "lifted the ban on …"); then only a prepositional object is the target. An act of force or of
    posture with no one named is done in a place ("extended the curfew in Maungtaw district")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if _is_passive(tok):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"] + objs
    cands = list(objs) if pat is None or pat.objects is None else []
    preps = tuple(p for p in (pat.preps if pat else DEFAULT_PREPS) if p in PHRASE_PREPS) or PHRASE_PREPS
    if pat is not None and pat.code[:2] in PLACE_TARGET_ROOTS:
        preps += ("in",)
    for holder in [tok, *extra_holders, *objs]:
        for c in holder.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                # "in" only before a name ("in Maungtaw district", never "in an unprecedented move")
                cands += [p for p in c.children if p.dep_ == "pobj" and (c.lower_ != "in" or _named_place(p))]
    for c in cands:
        for t in _conj(c)[:1]:
            thing = _thing(ctx, t, pat)
            if thing is not None:
                return [Actor(name=_phrase_name(thing), code=None)], f"phrase '{thing.text}'"
    return [], ""


def _named_place(t) -> bool:
    return t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") or any(
        c.pos_ == "PROPN" for c in t.children if c.dep_ in ("compound", "amod", "nmod"))


def phrase_target(event: Event) -> bool:
    """Is the event's target an object phrase with no actor named (a place found later is a better one)?"""
    return event.target is not None and event.target.code is None and "target: phrase '" in event.rule


def _wants_phrase(tgts: list[Actor], srcs: list[Actor], code: str) -> bool:
    """An act by one political actor that names no actor as its target (a protest's target is its country)."""
    return not tgts and len(srcs) == 1 and _political(srcs[0]) and code[:2] not in DOMESTIC_ROOTS


def _thing(ctx: _Ctx, t, pat: Pattern | None, depth: int = 0):
    """The noun an act is done to, through the act's own matter ("the demands of the truck drivers")."""
    if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in _NOT_THINGS or t.dep_ == "npadvmod":
        return None
    lemma = t.lemma_.lower()
    matter = (pat is not None and pat.objects is not None and lemma in pat.objects) or lemma in ctx.verbs.nouns
    if matter and depth < 2:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "to", "with"):
                for p in c.children:
                    if p.dep_ == "pobj" and (inner := _thing(ctx, p, pat, depth + 1)) is not None:
                        return inner
    if pat is not None and pat.objects is not None and lemma in pat.objects:
        return None
    return t


def _phrase_name(t) -> str:
    """A noun with its modifiers, without its article: "the protesting truck drivers" → "protesting truck drivers"."""
    name = " ".join(w.text for w in t.subtree if w.i <= t.i and w.dep_ not in ("det", "punct", "predet"))
    if t.lower_ in PEOPLE_COUNTS or t.lemma_.lower() in COLLECTIVES:  # "hundreds of banks"
        of = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
        if of is not None:
            name = f"{name} of {_phrase_name(of)}"
    return name or t.text


def _key(a: Actor) -> tuple:
    """Who an actor is: its code, and for a state's organs also its name ("the former Chief Minister
    condemned the Indian government": INDGOV acts on a different INDGOV)."""
    if not (a.country or a.igo):
        return (a.name,)
    if a.role and a.name[:1].isupper() and " " in a.name:
        return (a.code, a.country, a.igo, a.name.lower())
    return (a.code, a.country, a.igo)


PHRASAL_PARTICLES = {"off", "out", "down", "back", "up", "away"}
INCAPACITY = {"unable", "incapable", "fail", "reluctant", "unwilling", "refrain", "avoid", "stop", "cease"}


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
        return _modality(tok.head) if tok.dep_ == "conj" else "asserted"
    return "asserted"


def _conditional(tok) -> bool:
    """"will withdraw its force unless …": an act made conditional on the target's behaviour is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children)


def _forward_looking(tok) -> bool:
    """A future or conditional act stated by its own actor or reported from them ("Syria says it will…")."""
    return tok.dep_ in ("ROOT", "ccomp", "conj", "xcomp") or tok.head.lemma_.lower() in REPORT_VERBS


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


def _reported(tok) -> bool:
    h = tok
    for _ in range(4):
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in REPORT_VERBS:
            return True
        if h.head.i == h.i:
            break
        h = h.head
    return any(t.lower_ == "according" for t in tok.sent)


def _complement(ctx: _Ctx, tok):
    """The verb or noun a control word governs: "pledged [to join]", "demanded [the release]"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and (p := _match(ctx, c)):
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
        if tok.pos_ == "NOUN" and fam.name not in ("demand", "appeal", "threaten"):
            continue
        comp, pat = _complement(ctx, tok)
        if comp is None or _alleged(tok):
            continue
        consumed.add(comp.i)
        consumed.add(tok.i)
        inner = pat.code
        negated = _negated(tok) or _negated(comp)
        family = fam
        if negated:
            if fam.name in ("intent",):
                family = next((f for f in verbs.families.values() if f.name == "reject"), fam)
            elif fam.name == "reject":
                continue  # "did not refuse to meet": no event we can code
            else:
                continue
        code = family.code_for(inner)
        srcs, swhy = _sources(ctx, tok)
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
            tgts, twhy = _participle_target(ctx, tok, {_key(a) for a in srcs})
        if _wants_phrase(tgts, srcs, code):
            tgts, twhy = _phrase_target(ctx, comp, pat)
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
            pat = Pattern(id=f"{fam.name}:{tok.lemma_.lower()}", kind="verb", code=fam.default) if ok else None
            if pat is None:
                continue
            if any(c.dep_ == "xcomp" and c.lemma_.lower() in fam.silence for c in tok.children):
                pat = Pattern(id=f"{fam.name}:{tok.lemma_.lower()}+silence", kind="verb", code=fam.silence_code)
        if pat.kind == "noun":
            events += _noun_event(ctx, sent, tok, pat, table)
            continue
        if _subjunctive(tok):
            continue  # "demanded that Israel ease restrictions": asked for, not done
        if tok.pos_ == "VERB" and tok.dep_ == "amod":
            continue  # "pursuing retreating Iranian forces": a participle describing a noun
        if _alleged(tok):
            continue  # the accusation is the event, the act it alleges is not
        for dobj in _direct_objects(tok):
            consumed.add(dobj.i)
        srcs, swhy = _sources(ctx, tok)
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
        if srcs and pat.role_code:
            code = dict(pat.role_code).get(srcs[0].role or "", code)
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
            tgts, twhy = _phrase_target(ctx, tok, pat)
            rule = rule.replace("target: none", f"target: {twhy or 'none'}", 1)
        events += _emit(ctx, sent, tok, tok, code, srcs, tgts, modality, rule, pat, table, sourceless=sourceless)
    return events


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
    if code[:2] not in RECIPROCAL_ROOTS:
        return False
    if trigger.pos_ != "VERB":
        return True
    return not _direct_objects(trigger) or bool(pat is not None and pat.objects)


def _home_target(ctx: _Ctx, trigger, src: Actor) -> list[Actor]:
    """Where a protest with no named target is set: a place on its verb (or light verb), else the protesters' country."""
    holders = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj") else [])
    for h in holders:
        found, _ = _place_target(ctx, h, [])
        if found:
            return found
    if src.country:
        return [Actor(name=src.country, code=src.country, country=src.country)]
    return []


_PLURAL_STATES = {"states", "nations", "emirates", "islands", "philippines", "netherlands", "bahamas", "maldives",
                  "seychelles", "comoros", "grenadines", "territories"}


def _people(name: str) -> bool:
    """"Palestinians", "Iraqi Kurds": a people, not the state ("the United States")."""
    last = name.split()[-1].lower() if name.split() else ""
    return last.endswith("s") and last not in _PLURAL_STATES


# Violence is reported from the victim's side ("three civilians were killed in a bombing"): with
# the victim known and no perpetrator stated, the event is kept with no source, as GDELT keeps it.
SOURCELESS_ROOTS = {"17", "18", "19", "20"}


def _unstated_source(ctx: _Ctx, tok, swhy: str) -> bool:
    if swhy == "passive-no-agent":
        return True
    s = _subject_token(tok) if not _is_passive(tok) else _agent(tok)
    if s is None:
        return False
    words = {s.lemma_.lower(), s.lower_} | {c.lower_ for c in s.children if c.dep_ in ("compound", "amod")}
    return bool(words & ctx.verbs.instruments) and not ctx.by_head.get(s.i)


def _subjunctive(tok) -> bool:
    """A base-form verb with its own subject and no auxiliary: the mandative subjunctive of a demand."""
    return (tok.tag_ == "VB" and any(c.dep_ == "nsubj" for c in tok.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))


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


def _first_actor_in_complement(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp"):
            for t in _core_subtree(c):
                acts = [a for a in ctx.by_head.get(t.i, []) if (a.actor.country or a.actor.igo) and _key(a.actor) not in exclude]
                if acts:
                    return [acts[0].actor], f"first actor in the complement: '{t.text}'"
    return [], ""


LOCATIVE = {"in", "at", "during", "near", "inside", "outside", "across", "throughout"}


def _core_subtree(tok):
    """Tokens of a clause without its adverbial clauses and place phrases ("… as the summit began in Uzbekistan")."""
    yield tok
    for c in tok.children:
        if c.dep_ in ("advcl", "advmod", "npadvmod", "punct", "cc") or (c.dep_ == "prep" and c.lower_ in LOCATIVE):
            continue
        yield from _core_subtree(c)


def _reporter_and_subject(ctx: _Ctx, tok, clause):
    """For "X said that Y …": X's actors, why, Y's token and Y's actors (other than X); None if either is missing."""
    s = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    if s is None:
        return None
    srcs, swhy = _sources(ctx, tok)
    tgts = [a for a in _actors(ctx, s) if _key(a) not in {_key(x) for x in srcs}]
    if not srcs or not tgts:
        return None
    return srcs, swhy, s, tgts


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
    gov = tok.head if tok.dep_ in ("dobj", "nsubjpass") else tok.head.head if tok.dep_ == "pobj" else None
    if gov is not None and gov.lemma_.lower() in NEGATING_GOVERNORS:
        return []
    srcs: list[Actor] = []
    swhy = ""
    for c in tok.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            acts = _actors(ctx, c) or [m.actor for m in ctx.modifiers.get(c.i, [])]
            if acts:
                srcs, swhy = acts, f"modifier '{c.text}'"
                break
    if not srcs:
        ag = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"), None)
        if ag is not None:
            srcs, swhy = _actors(ctx, ag), f"'by {ag.text}'"
    if not srcs and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in ctx.verbs.families:
        gov = tok.head if tok.dep_ == "dobj" else None
        if gov is not None and _match(ctx, gov) is None:
            srcs, swhy = _sources(ctx, gov)
            swhy = f"light verb '{gov.text}', {swhy}"
    pair: list[Actor] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    pair = _actors(ctx, p)
    if not srcs and len(pair) >= 2:
        srcs, swhy = pair, "'between' pair"
        return _emit(ctx, sent, tok, tok, pat.code, srcs, [], _modality(tok.head), f"{pat.id}: '{tok.text}' → {pat.code}; source: {swhy} (mutual)", pat, table)
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
    light_verb = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    if not tgts and light_verb is not None:  # "opened investigations against hundreds of banks"
        tgts, twhy = _targets(ctx, light_verb, None, {_key(a) for a in srcs})
    if pat.needs_pair and not tgts:
        return []
    if _wants_phrase(tgts, srcs, pat.code):
        tgts, twhy = _phrase_target(ctx, tok, pat, (light_verb,) if light_verb is not None else ())
    rule = f"{pat.id}: '{tok.text}' → {pat.code}; source: {swhy}; target: {twhy or 'none'}"
    code = pat.code
    modality = _modality(tok.head) if tok.head.i != tok.i else "asserted"
    light = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    if light is not None and modality in ("future", "hypothetical") and _forward_looking(light):
        code, rule = _forward_code(ctx, light, code, modality, rule)  # "will extend the curfew" → threat
    return _emit(ctx, sent, tok, tok, code, srcs, tgts, modality, rule, pat, table)


def _emit(ctx: _Ctx, sent, first, last, code: str, srcs: list[Actor], tgts: list[Actor], modality: str,
          rule: str, pat: Pattern | None, table, sourceless: bool = False) -> list[Event]:
    pairs: list[tuple[Actor | None, Actor | None]] = []
    if sourceless and not srcs:
        pairs = [(None, t) for t in tgts]
    elif not srcs:
        return []
    elif not tgts and code[:2] in DOMESTIC_ROOTS and (home := _home_target(ctx, first, srcs[0])):
        # a protest that names no one protests to its own country's authorities (CAMEO codes CVL → GOV)
        tgts, rule = home, rule.replace("target: none", "target: the protest's own country")
        pairs = [(srcs[0], tgts[0])]
    elif tgts:
        pairs = [(s, t) for s in srcs for t in tgts if _key(s) != _key(t)]
    elif len(srcs) >= 2 and _reciprocal(ctx, code, pat, first):  # "Russia and Iran agreed": mutual
        pairs = [(s, t) for s in srcs for t in srcs if _key(s) != _key(t)]
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
                                                                           and not _business(s) and not _business(t))]
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
