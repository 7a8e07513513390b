"""Arguments: who did an act, found in the dependency parse around its trigger, and the actors a token names.

The source is the subject, climbing through "pledged to join", "while speaking with", passives and
conjunctions, a passive's agent, the other side of the incident a passive harm happened in, the force that
reports an arrest. To whom it was done is :mod:`accord.targets`. ``_Ctx`` is what the coder knows of the
document being coded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.modality import REPORT_VERBS
from accord.nlp import column
from accord.types import Actor, Mention
from accord.vocabulary import VerbDictionary

SUBJ = ("nsubj", "nsubjpass", "csubj")


# Collective nouns whose "of" phrase names the actor: "a delegation of Russian officials".
COLLECTIVES = {"delegation", "group", "team", "representative", "representatives", "member", "members",
               "thousands", "hundreds", "dozens", "leaders", "leader", "head", "chief", "part", "unit",
               "units", "contingent", "supporters", "supporter", "some", "many", "most", "all", "thousand",
               "hundred", "dozen", "tens", "millions", "scores", "crowd", "crowds", "band", "batch", "number"}
# Subjects of an object-control verb's complement are its object: "urged Iran to release".
OBJECT_CONTROL = {"urge", "ask", "call", "order", "persuade", "force", "press", "pressure", "invite",
                  "encourage", "request", "tell", "allow", "permit", "help", "implore"}

# Whom one telephones, besides a named person: "called his German counterpart", "phoned the emir".
CALLED_PEOPLE = frozenset({"counterpart", "counterparts", "president", "premier", "minister", "chancellor", "leader",
                           "king", "queen", "emir", "sultan", "prince", "monarch", "sheikh", "pope", "secretary-general"})


def _when(prep) -> bool:
    """"on Friday", "on 12 May": a preposition of time, not a phrasal verb's particle ("called on Iran")."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _telephoned(call) -> bool:
    """"Tillerson called Lavrov to discuss Syria", "called his Qatari counterpart to express support": "call"
    with a person as its object and no "on" or "for" (but a date's "on Friday") is a telephone call (041), not
    an appeal ("called on Lavrov to …", "called for talks"); its purpose clause is the caller's act."""
    if call.lemma_.lower() != "call" or any(c.lower_ in ("on", "upon", "for") and not _when(c) for c in call.children):
        return False
    if any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in CALLED_PEOPLE) for c in call.children):
        return True
    # a named person the parser took for a predicate ("called Prime Minister Oli on Friday to convey …"), when
    # the call has a purpose: "called him a liar" has none
    return any(c.dep_ == "oprd" and c.ent_type_ == "PERSON" for c in call.children) and any(
        c.dep_ in ("advcl", "xcomp") and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children) for c in call.children)


@dataclass
class _Ctx:
    doc: Any
    by_head: dict[int, list[Mention]]
    modifiers: dict[int, list[Mention]]
    verbs: VerbDictionary
    pub: dt.date | None
    # what is found once per document: a token index → its most specific pattern (accord.matching), a
    # sentence → the country its incident is set in (accord.emit)
    matched: dict[Any, Any] = field(default_factory=dict)


def _direct_objects(tok) -> list:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "obj", "attr")]
    # a passive's subject is its object
    objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
    # the one telephoned, which the parser may take for a predicate ("called Prime Minister Oli on Friday to …")
    objs += [c for c in tok.children if c.dep_ == "oprd" and _telephoned(tok)]
    return [o2 for o in objs for o2 in _conj(o)]


def _conj(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conj(c)
    if len(out) == 1 and (later := _split_conjunct(tok)) is not None:
        out += _conj(later)
    return out


def _split_conjunct(subj):
    """The second subject of a coordination the parser split in two: "Modi and Kishida held talks" read as
    two subjects of "held", the first keeping the "and" (a caption's blanked "(L)" or ", left," leaves the
    gap that misleads it)."""
    if subj.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "cc" and c.i > subj.i for c in subj.children):
        return None
    return next((c for c in subj.head.children if c.dep_ == subj.dep_ and c.i > subj.i), None)


def _actors(ctx: _Ctx, tok, depth: int = 0) -> list[Actor]:
    """Actors a noun (and its conjuncts) refers to; looks inside "a delegation of Russian officials"."""
    out: list[Actor] = []
    for t in _conj(tok):
        ms = ctx.by_head.get(t.i, []) or _covering(ctx, t)
        resolved = [m.actor for m in ms if _usable(m)]
        if t.pos_ != "PROPN" and (named := _apposed_name(ctx, t)):
            resolved = named  # "his Iranian counterpart, Ali Bagheri", "a close ally, Azerbaijan": the name
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


def _apposed_name(ctx: _Ctx, t) -> list[Actor]:
    """The actors a proper name in apposition to a description names ("a close ally, Azerbaijan"); a name
    beats the words describing it, which give it its country and sector when it has none of its own.
    Not a firm's name ("the cement importer, Arabian Bulk Trade"): two firms of one country are no dyad; nor
    an abbreviation in brackets, which restates the description ("the peacekeeping force in Lebanon (UNIFIL)")."""
    doc = ctx.doc
    return [m.actor for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"
            and "(" not in (doc[c.left_edge.i].text, doc[max(c.left_edge.i - 1, 0)].text)
            for m in ctx.by_head.get(c.i, []) if (m.actor.country or m.actor.igo) and m.actor.role != "BUS"]


def _covering(ctx: _Ctx, t) -> list[Mention]:
    """A name the parser split into siblings ("Omar al - Bashir" read as four subjects of one verb): the
    mention whose span holds the word and whose head shares its governor."""
    if t.pos_ != "PROPN":
        return []
    doc = ctx.doc
    return [m for ms in ctx.by_head.values() for m in ms
            if m.token_start <= t.i < m.token_end and m.head != t.i and doc[m.head].head.i == t.head.i]


# How a mention was found when it names an actor the dictionaries do not resolve to a country: a named
# entity ("the American Civil Liberties Union", "Lagumdzija") or a sector with no country anywhere
# ("police arrested 20 people"). They act and are acted on like any actor, with a null code.
NAMED_HOWS = frozenset({"named", "unresolved", "place"})


def _usable(m: Mention) -> bool:
    """Can this mention be an event's source or target?"""
    a = m.actor
    # a pronoun stands for whom it refers to: "The union said it would end the strike"
    return bool(a.placed or m.how == "first-person" or (m.how in NAMED_HOWS and a.name)
                or (m.how == "pronoun" and a.name))


# Words that count people: with no one named inside them, the people counted are the actor.
PEOPLE_COUNTS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens", "millions", "several", "many",
                           "others", "some", "few", "dozen", "hundred", "thousand"})


def _people_count(tok) -> bool:
    """A bare count as a clause's subject or object: "Dozens were arrested", "killed six", "three died"."""
    # a headline's count with its participle: "Seven arrested after clashes" (the parser's root is the count)
    headline = tok.dep_ == "ROOT" and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children)
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") and not headline:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "dozens of soldiers": the soldiers are the actor, found inside
    if tok.pos_ == "NUM":  # "killed six", never "lent $1 billion" nor "ten percent"
        money = tok.lower_ in ("million", "billion", "trillion", "percent") or any(
            t.tag_ == "$" or t.pos_ == "SYM" or t.lower_ in ("percent", "pct", "%") for t in tok.subtree)
        # nor a year or a year range ("in 2015-16", "since 1987"), nor a number in a date
        year = tok.ent_type_ in ("DATE", "TIME") or (tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–", "/")) or (
            tok.text.isdigit() and len(tok.text) == 4)
        return tok.like_num and not money and not year and not any(c.pos_ == "NOUN" for c in tok.children)
    return tok.lower_ in PEOPLE_COUNTS


# Participles after a name that make the noun that name's ("EU-based airlines", "the Saudi-led coalition");
# "Iran-backed militias" are not Iran's.
# ("Taliban-claimed car bomb": the attack whose responsibility a group claimed is its own)
OWNING_PARTICIPLES = frozenset({"led", "based", "run", "owned", "controlled", "headed", "dominated", "operated",
                                "claimed", "launched", "staged", "planted"})


def _modifier_actors(ctx: _Ctx, tok) -> list[Actor]:
    """Countries named only by an adjective on a noun: "Palestinian lorries" → PSE; "EU-based airlines" → EU."""
    out = [m.actor for c in tok.children if c.dep_ in ("amod", "compound", "nmod") for m in ctx.modifiers.get(c.i, [])]
    if out:
        return out
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in OWNING_PARTICIPLES:
            for n in c.children:
                if n.dep_ in ("npadvmod", "compound", "nmod", "amod") and n.i < c.i:
                    out += [m.actor for m in ctx.by_head.get(n.i, []) + ctx.modifiers.get(n.i, [])
                            if m.actor.country or m.actor.igo]
    return out


# Documents that say what their issuer says: "issued a report accusing …".
DOCUMENTS = frozenset({"statement", "report", "resolution", "letter", "communique", "communiqué", "declaration",
                       "motion", "petition", "note", "memorandum", "message", "appeal", "bulletin", "editorial",
                       "announcement", "notice", "decree", "order", "ruling", "verdict", "judgment", "judgement",
                       # a complaint or lawsuit says what its plaintiff alleges: "filed a lawsuit accusing the cartel of …"
                       "complaint", "lawsuit", "suit", "indictment"})


ISSUING = frozenset({"issue", "release", "publish", "put", "pass", "adopt", "send", "write", "sign", "submit",
                     "deliver", "present", "file", "unveil", "table", "circulate", "post", "approve", "draft",
                     "distribute", "read", "broadcast", "sponsor", "introduce"})


def _fronted_subject(verb):
    """The subject of a main verb the parser left without one, having hung it on a fronted phrase as a
    conjunct or apposition: "On a visit to Zimbabwe, South African President Cyril Ramaphosa voiced his
    support …" (Ramaphosa read as a conjunct of Zimbabwe). The noun phrase must end right before the verb
    (its auxiliaries and adverbs aside), start after a comma, and hang through its heads on a phrase of the verb."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("aux", "auxpass", "advmod", "neg"):
        i -= 1
    if i < 1:
        return None
    cand = doc[i]
    if cand.pos_ not in ("PROPN", "NOUN") or cand.dep_ not in ("conj", "appos") or cand.head.i >= cand.i:
        return None
    left = cand.left_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return None
    h = cand.head
    for _ in range(6):
        if h.dep_ == "prep" and h.head.i == verb.i and h.i < left:
            return cand
        if h.head.i == h.i:
            break
        h = h.head
    return None


def _subject_token(tok, depth: int = 0):
    """The token that is the subject of ``tok``'s clause, climbing through control and coordination.

    Of two subjects (a misparse: "KABUL, May 2 - Police arrested ...") the one nearest the verb."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        before = [c for c in subjects if c.i < tok.i]
        subj = before[-1] if before else subjects[0]
        if len(before) >= 2 and (first := _split_conjunct(before[-2])) is not None and first.i == subj.i:
            subj = before[-2]  # "Modi and Kishida held talks" split in two: the first, whose conjunct is the second
        if tok.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS and tok.head.i != tok.i:
            return tok.head  # "the rebels who attacked the town": the noun the clause is about
        return subj
    if depth > 5:
        return None
    dep = tok.dep_
    head = tok.head
    if head.i == tok.i:
        return _fronted_subject(tok)
    if dep == "relcl":
        return head
    if dep == "acl":
        if (root := _misread_subject(tok)) is not None:
            return root
        if (tok.tag_ == "VBG" and head.lemma_.lower() in DOCUMENTS and head.dep_ in ("dobj", "obj") and depth < 5
                and head.head.lemma_.lower() in ISSUING):
            # "released a statement criticising X", "passed a resolution condemning Y": the document says
            # what its issuer says
            return _subject_token(head.head, depth + 1)
        return None
    if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL and not _telephoned(head):
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
        if gov.pos_ in ("NOUN", "PROPN") and gov.dep_ in ("dobj", "obj", "nsubjpass"):
            return gov  # "arrested a man for killing his wife": the man killed her
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
                    return c if not (_is_passive(tok) or _shares_passive(tok, head)) else None
        return _subject_token(head, depth + 1) if dep != "ROOT" else None
    return None


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def _shares_passive(tok, head) -> bool:
    """A participle joined to a passive verb with no auxiliary of its own is passive too: "the accused were produced
    in court and sent to judicial custody" (they were sent), unlike "has been indicted and will resign". The
    tagger often reads the participle as a past tense ("sent"): a verb that takes an object, with none, is the
    participle."""
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "dobj") for c in tok.children) or not any(
            c.dep_ == "auxpass" for c in head.children):
        return False
    return tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.lemma_.lower() in TRANSITIVE_CUSTODY)


# Verbs of custody that need an object in the active voice ("sent to jail" with none is passive).
TRANSITIVE_CUSTODY = frozenset({"send", "produce", "remand", "take", "put", "hand", "shift", "parade"})


def _is_passive(tok) -> bool:
    """A passive verb, or a past participle on a noun ("the program allowed on the markets") or opening a clause
    of its own ("Arrested in 2017, the mayor …", "…, allowed since January"): a participle with no subject or
    auxiliary of its own is done to someone, not by them."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
            tok.dep_ == "acl" and tok.tag_ == "VBN" and _misread_subject(tok) is None):
        return True
    return tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux", "csubj") for c in tok.children)


# Verbs that cannot go without an object in the active voice: in "Five arrested for rioting", "Two held for
# murder", "Police officer shot dead in Peshawar" (a headline's reduced passive) the subject is the one acted on.
# "attack", "fire", "strike" are left out: "rebels attacked at dawn" is active.
REDUCED_PASSIVE_VERBS = frozenset({
    "arrest", "detain", "hold", "nab", "apprehend", "jail", "imprison", "sentence", "convict", "acquit", "charge",
    "book", "remand", "deport", "expel", "extradite", "kill", "murder", "shoot", "stab", "injure", "wound", "hurt",
    "lynch", "behead", "hang", "execute", "abduct", "kidnap", "rescue", "free", "release", "evacuate", "torture",
    "beat", "rape", "summon", "indict", "exile", "oust", "sack", "suspend", "ban", "fine"})
# Prepositions that make a verb of this kind intransitive and its subject the doer: "police charged at the
# crowd", "troops shot into the air".
_INTRANSITIVE_PREPS = frozenset({"at", "into", "on", "upon", "against", "through"})


def mark_headline_verbs(doc, verbs) -> int:
    """Retag as a verb a word the tagger took for a noun where the parser gives it a subject and an object:
    headlines in the present tense ("Protesters storm president's residence", "Rebels shell capital"). Only
    a word the verb dictionary has, in its base or -s form, heading its clause. Returns how many."""
    n = 0
    noun, deps = doc.vocab.strings["NOUN"], {doc.vocab.strings[d] for d in ("ROOT", "conj")}
    for i, (pos, dep) in enumerate(zip(column(doc, "POS"), column(doc, "DEP"), strict=True)):
        if pos != noun or dep not in deps:  # the arrays first: no Token built for most words
            continue
        tok = doc[i]
        if tok.tag_ not in ("NN", "NNS"):
            continue
        deps = {c.dep_ for c in tok.children}
        if not {"nsubj", "dobj"} <= deps or "det" in deps or "poss" in deps:
            continue
        lemma = tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_
        if lemma not in verbs.verbs:
            continue
        subj = next(c for c in tok.children if c.dep_ == "nsubj")
        if subj.i > tok.i:
            continue
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBZ" if tok.tag_ == "NNS" else "VBP", lemma
        n += 1
    return n


def mark_reduced_passives(doc) -> int:
    """Relabel the subject of a headline's reduced passive ("Five arrested for rioting in Meerut",
    "Journalist detained in Srinagar", "… police said three killed in blast") as a passive subject, so the
    people named are the target and the doer is the one the text names, or no one. A past form of a verb
    that needs an object (:data:`REDUCED_PASSIVE_VERBS`) with a noun or number subject and no object,
    auxiliary, clause or object shared through a coordinated verb ("troops shot and killed three") is read
    as passive. Returns how many were relabelled."""
    n = 0
    for i, lemma in enumerate(column(doc, "LEMMA")):  # the lemma array first: no Token built for most words
        if lemma not in REDUCED_PASSIVE_VERBS:
            continue
        tok = doc[i]
        if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN"):
            continue
        if tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_.lower() not in REPORT_VERBS:
            continue  # "ordered nine officials jailed": the order's own construction
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        # a clause before the subject is the headline's other half the parser hung here ("Cops bust call
        # centre, 12 arrested"), not the verb's complement
        deps = {c.dep_ for c in tok.children if not (c.dep_ == "ccomp" and c.i < subj.i)}
        if deps & {"dobj", "obj", "dative", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "csubj", "agent"}:
            continue
        if any(c.dep_ == "prep" and c.lower_ in _INTRANSITIVE_PREPS for c in tok.children):
            continue
        # an object shared with a coordinated verb: "shot and killed three protesters", "detained and
        # questioned the man"
        conjs = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if any(d.dep_ in ("dobj", "obj") for c in conjs for d in c.children):
            continue
        subj.dep_ = "nsubjpass"
        n += 1
    return n


# What a mediator does to the parties in its purpose clause: "a bid to help the two factions reach a deal",
# "to bring Addis Ababa and Cairo back to the table"
MEDIATING_VERBS = frozenset({"help", "assist", "bring", "get", "persuade", "encourage", "reconcile", "enable"})


def _mediated_parties(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """The parties a mediation is between (CAMEO 045: "the source is always the mediator and adversaries are
    the targets") when its purpose clause names them: "a mediation effort to resolve the rift between Qatar
    and its neighbours", "a bid to help the government and the rebels reach a settlement". The clause hangs
    on the mediation's noun or on its light verb ("launched a mediation effort ...")."""
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "pobj") else [])
    clauses = [c for h in holders for c in h.children if c.dep_ in ("acl", "xcomp", "advcl", "relcl")]
    for cl in clauses:
        for t in cl.subtree:
            if t.dep_ == "prep" and t.lower_ == "between":
                acts = [a for p in t.children if p.dep_ == "pobj" for a in _actors(ctx, p) if _key(a) not in exclude]
                if acts:
                    return acts, f"'between' in its purpose '{cl.text}'"
            if t.pos_ == "VERB" and t.lemma_.lower() in MEDIATING_VERBS:
                parties = [o for o in t.children if o.dep_ == "dobj"]
                parties += [g for c in t.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
                acts = [a for o in parties for a in _actors(ctx, o) if _key(a) not in exclude]
                if acts:
                    return acts, f"those it would {t.lemma_.lower()}"
    return [], ""


HOSTING = frozenset({"host", "organise", "organize", "convene", "call", "chair", "sponsor", "arrange"})


def _meeting_host(ctx: _Ctx, tok, exclude: set) -> tuple[list[Actor], str]:
    """Who holds the meeting attended: "took part in the summit hosted by Egypt", "attended talks convened by
    the UN" (CAMEO 043: the host receives the visitor)."""
    meetings = _direct_objects(tok) + [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                                       for p in c.children if p.dep_ == "pobj"]
    for m in meetings:
        for c in m.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HOSTING and (ag := _agent(c)) is not None:
                acts = [a for a in _actors(ctx, ag) if _key(a) not in exclude]
                if acts:
                    return acts, f"'{c.text} by {ag.text}'"
    return [], ""


def _misread_subject(tok):
    """"The senator called on President Biden to …", "the envoy called on the governor": the sentence's verb
    read as a participle on its subject (the parser's "the man called Smith"), the noun left as the root. A call
    on or for someone named is made, not suffered ("… called on to resign" names no one). The root noun the
    misread verb hangs on, itself or through its "of" phrase ("a delegation of traders called on …"), else None."""
    if not (tok.dep_ == "acl" and tok.lemma_.lower() == "call" and tok.head.i < tok.i and any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and any(p.dep_ == "pobj" for p in c.children)
            for c in tok.children)):
        return None
    noun = tok.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "ROOT":
        noun = noun.head.head
    return noun if noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") else None


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
        if ag is not None:
            return _agent_actors(ctx, ag), "agent"
        found = _fight_partner(ctx, tok)
        if not found[0]:
            found = _when_doer(ctx, tok)
        if not found[0]:
            found = _whose_action(ctx, tok)
        return found if found[0] else ([], "passive-no-agent")
    s = _subject_token(tok)
    if s is None:
        return [], "no-subject"
    acts = _agent_actors(ctx, s)
    if acts and (more := [a for a in _comitative(ctx, s, tok) if _key(a) not in {_key(b) for b in acts}]):
        return acts + more, f"subject '{s.text}' along with '{more[0].name}'"
    return acts, f"subject '{s.text}'"


def _comitative(ctx: _Ctx, subj, verb) -> list[Actor]:
    """Who acts together with the subject: "Egypt, along with Jordan, agreed …", "Iraq, together with Iran, …"
    (the parser hangs the phrase on the subject or on the verb)."""
    out: list[Actor] = []
    for holder in (subj, verb):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "along":
                withs = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "with"]
            elif c.dep_ == "prep" and c.lower_ == "with" and any(
                    g.dep_ == "advmod" and g.lower_ in ("along", "together") for g in c.children):
                withs = [c]
            elif c.dep_ == "advmod" and c.lower_ in ("along", "together"):
                withs = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "with"]
            else:
                continue
            out += [a for w in withs for p in w.children if p.dep_ == "pobj" for a in _actors(ctx, p)]
    return out


# Incidents a passive act happened in, whose other side did it: "killed in an encounter with security
# forces", "wounded in clashes with police", "died in an air strike by the coalition".
INCIDENT_NOUNS = frozenset({"encounter", "clash", "clashes", "gunbattle", "gunfight", "firefight", "shootout",
                            "fighting", "battle", "skirmish", "exchange", "crossfire", "confrontation",
                            "raid", "operation", "attack", "assault", "strike", "airstrike", "air strike",
                            "bombing", "bombardment", "shelling", "ambush", "offensive"})


# Acts that set off the harm a passive reports: "were killed when Naxalites triggered an IED".
_SETTING_OFF = frozenset({"trigger", "detonate", "plant", "explode", "open", "fire", "hurl", "throw", "lob",
                          "attack", "ambush", "storm", "raid", "bomb", "shell", "shoot", "strike", "hit", "blow"})


def _when_doer(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """The doer of the act a passive harm happened in: "two soldiers were killed when militants ambushed
    their convoy", "… after rebels opened fire on the bus"."""
    for c in tok.children:
        if c.dep_ != "advcl" or c.lemma_.lower() not in _SETTING_OFF:
            continue
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "as") for m in c.children):
            continue
        s = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if s is not None and (acts := _agent_actors(ctx, s)):
            return acts, f"subject of '{c.text}'"
    return [], ""


# Acts of force a harm is suffered in, named by a noun with its doer before it: "killed in police firing".
FORCE_ACTIONS = frozenset({"encounter", "firing", "raid", "shelling", "airstrike", "crackdown", "operation", "ambush"})


def _whose_action(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """The doer of the act of force a passive harm was suffered in, named as the act's modifier: "a criminal
    (was) injured in a police encounter", "two protesters were killed in police firing", "… in an army raid"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in FORCE_ACTIONS:
                    for m in p.children:
                        if m.dep_ in ("compound", "amod", "poss", "nmod") and (acts := _actors(ctx, m)):
                            return acts, f"doer of '{m.text} {p.text}'"
                # the parser's other reading of "in police firing": "police" the object, "firing" its participle
                if p.dep_ == "pobj" and any(a.dep_ == "acl" and a.lower_ in FORCE_ACTIONS and a.i == p.i + 1
                                            for a in p.children) and (acts := _actors(ctx, p)):
                    return acts, f"doer of '{p.text} {p.doc[p.i + 1].text}'"
    return [], ""


# Roles whose report of a detention made with no one named says who made it.
SECURITY_ROLES = frozenset({"COP", "MIL", "SPY"})


def _security_teller(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """Who made an arrest no one is named for: the police, army or agency that reports it ("three men were
    arrested on Tuesday, police said", "… were detained, according to the army"). Anyone else who reports
    it (a relative, a rights group) is not taken to have made it."""
    verb = tok
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "conj", "parataxis") or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.lemma_.lower() in REPORT_VERBS:
            s = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            forces = [a for a in _actors(ctx, s) if a.role in SECURITY_ROLES] if s is not None else []
            return (forces, f"teller '{s.text}'") if forces else ([], "")
    for holder in (tok, tok.sent.root):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for t in c.subtree:
                    if t.dep_ == "pobj" and t.head.lower_ == "to":
                        forces = [a for a in _actors(ctx, t) if a.role in SECURITY_ROLES]
                        if forces:
                            return forces, f"'according to {t.text}'"
    return [], ""


def _fight_partner(ctx: _Ctx, tok) -> tuple[list[Actor], str]:
    """The other side of the incident a passive act happened in: "two Naxals were killed in an encounter with
    security forces" (the forces killed them); "in a Saudi-led air strike" (its modifier). Not the victims'
    side: "killed in clashes between police and protesters" names both and so neither."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during"):
            continue
        for n in c.children:
            if n.dep_ != "pobj" or n.lemma_.lower() not in INCIDENT_NOUNS:
                continue
            for d in n.children:
                if d.dep_ == "prep" and d.lower_ in ("with", "by"):
                    for p in d.children:
                        if p.dep_ == "pobj" and (acts := _actors(ctx, p)):
                            return acts, f"'{n.text} {d.text} {p.text}'"
            if (acts := _modifier_actors(ctx, n)) and len(acts) == 1:
                return acts, f"modifier of '{n.text}'"
    return [], ""


def _agent_actors(ctx: _Ctx, tok) -> list[Actor]:
    """Who acts: the subject's actors, else its possessor's ("Japan PM's office refused", "Armenia's
    military top brass demanded": a body named by its owner acts for it); a weapon's or an attack's owner
    named by its modifier ("Syrian government rockets struck", "a Saudi-led strike killed")."""
    acts = _actors(ctx, tok)
    if acts or tok.pos_ != "NOUN" or ctx.by_head.get(tok.i) or tok.lemma_.lower() in RELATIONAL:
        return acts
    owners = [a for c in tok.children if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON for a in _actors(ctx, c)]
    if not owners and (tok.lemma_.lower() in ctx.verbs.instruments or tok.lemma_.lower() in INCIDENT_NOUNS):
        # a placed name before an unplaced one: "a Turkish drone strike" is Turkey's, not the drone's
        named = [a for c in tok.children if c.dep_ in ("compound", "nmod") for a in _actors(ctx, c)]
        owners = _claimers(ctx, tok) or [a for a in named if a.placed] or \
            [a for a in _modifier_actors(ctx, tok) if a.country or a.igo] or named or \
            [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"  # "shelling by government forces"
             for p in c.children if p.dep_ == "pobj" for a in _actors(ctx, p)]
    if not owners and tok.lemma_.lower() not in ctx.verbs.persons:
        # an instrument of authority acts for whoever issued it: "a pardon issued by the king freed two
        # journalists", "a decree signed by the president lifted the curfew" (never a person: "a man arrested
        # by police attacked a guard" is the man's act)
        owners = [a for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORISING
                  for g in c.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                  for a in _actors(ctx, p)]
    return owners


# Verbs by which an authority makes an instrument that then acts for it ("a pardon issued by the king").
AUTHORISING = frozenset({"issue", "sign", "grant", "decree", "order", "announce", "declare", "pass", "approve", "enact"})


def _claimers(ctx: _Ctx, tok) -> list[Actor]:
    """Who claimed an attack or a weapon's use: "a blast claimed by the Islamic State", "a Houthi-claimed drone
    attack" (a claim of responsibility names the doer, before any modifier of the weapon does)."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "claim":
            by = next((g for g in c.children if g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by")), None)
            acts = [a for p in (by.children if by is not None else ()) if p.dep_ == "pobj" for a in _actors(ctx, p)]
            if acts := [a for a in acts if a.code]:  # a claimer no dictionary knows says nothing of who it is
                return acts
        if c.dep_ in ("amod", "compound") and c.lower_ == "claimed":
            # "Houthi-claimed": the claimer is the word before the hyphen
            acts = [a for g in c.children if g.i < c.i for a in _actors(ctx, g)]
            if not acts and c.i >= 2 and ctx.doc[c.i - 1].text == "-":
                acts = _actors(ctx, ctx.doc[c.i - 2])
            if acts:
                return acts
    # "Al-Shabaab claimed responsibility for the attack": the subject of the claim did it
    prep = tok.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else None
    noun = prep.head if prep is not None else None
    if noun is not None and noun.lower_ in ("responsibility", "credit") and noun.dep_ == "dobj" \
            and noun.head.lemma_.lower() in ("claim", "accept", "admit"):
        subj = next((g for g in noun.head.children if g.dep_ == "nsubj"), None)
        if subj is not None and (acts := [a for a in _actors(ctx, subj) if a.code]):
            return acts
    return []


FIRST_PERSON = frozenset({"my", "our", "we", "us", "i"})
# People named by their relation to the possessor, not its bodies: "Russia's allies" are not Russia.
RELATIONAL = frozenset({"ally", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary", "opponent", "critic",
                        "supporter", "friend", "partner", "counterpart", "victim", "detractor", "creditor", "debtor"})


def _key(a: Actor) -> tuple:
    """Who an actor is: its code, and for a state's organs also its name ("the former Chief Minister
    condemned the Indian government": INDGOV acts on a different INDGOV)."""
    if not (a.country or a.igo):
        return (a.name,)
    if a.role and a.name[:1].isupper() and " " in a.name:
        return (a.code, a.country, a.igo, a.name.lower())
    return (a.code, a.country, a.igo)


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
