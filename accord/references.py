"""References: later mentions resolved to the actor introduced earlier, and the country of an actor no
dictionary places.

Surnames and titles ("the Russian president"), pronouns ("he", "it", "they" of a reported clause: the
body that reports it), "both countries" (the dyad in focus); an unplaced sector actor takes the country
of the place it is in, of its owner ("forces loyal to Haftar", "leaders of Hamas"), of the sentence's
subjects or of the article (:func:`_home_country`). Used by :func:`accord.actors.find_mentions`.
"""

from __future__ import annotations

from collections import Counter

from accord.nlp import column
from accord.types import FIRST_PERSON, Actor, Mention

NOUNS = {"NOUN", "PROPN"}


PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
THING_PRONOUNS = {"it", "its", "they", "their", "them"}
DYAD_PHRASES = {("both", "countries"), ("both", "sides"), ("two", "countries"), ("two", "sides"),
                ("both", "nations"), ("two", "nations"), ("two", "governments"), ("both", "governments")}
# Roles that make a mention a person-like actor (a pronoun "he" may refer back to it).
PERSON_ROLES_HINT = {"president", "minister", "leader", "king", "premier", "chancellor", "secretary",
                     "spokesman", "spokeswoman", "envoy", "ambassador", "counterpart", "emir", "prince"}


# Participles that, after "X-", say X supports or shaped the noun, not that it is X's.
BACKING_PARTICIPLES = frozenset({"backed", "supported", "sponsored", "funded", "financed", "armed", "trained",
                                 "allied", "aligned", "inspired", "linked", "affiliated", "friendly", "leaning"})


def _backer(doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in BACKING_PARTICIPLES


# Prefixes that say a noun's stance towards a country, not that it is the country's: "an anti-Syria
# journalist" in Beirut, "pro-Iranian militias" in Iraq.
STANCE_PREFIXES = frozenset({"anti", "pro"})


def _stance(doc, start: int) -> bool:
    return (start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES
            and doc[start].text[:1].isupper())  # a name ("anti-Syria"), not a thing ("anti-riot police")


# Head nouns of an office's title beyond PERSON_ROLES_HINT ("the UN Emergency Relief Coordinator").
_OFFICE_WORDS = frozenset({"coordinator", "commissioner", "representative", "director", "chief", "head", "rapporteur",
                           "negotiator", "mediator", "governor", "mayor", "general", "chairman", "chairwoman", "chair"})


def _code(a: Actor, role: str | None) -> str | None:
    if a.country or a.region:  # a country's or a world region's people of a sector: RUSGOV, EURGOV
        return (a.country or a.region or "") + (role or "")
    return a.code


def _is_persony(m: Mention) -> bool:
    # a named person of government ("Ibrahim Raisi"): capitalised to its last word ("Iran's government" is a body)
    return m.how in ("leader", "apposition") or (m.actor.name[:1].isupper() and " " in m.actor.name and m.actor.role == "GOV"
                                                 and m.actor.name.split()[-1][:1].isupper()
                                                 and not any(w.lower() in PERSON_ROLES_HINT for w in m.actor.name.split()[-1:])
                                                 # "the European Commission", "the Interior Ministry": a body
                                                 and m.actor.name.split()[-1].lower() not in COLLECTIVE_BODIES)


def _resolve_references(doc, mentions: list[Mention], countries: Counter, setting: str | None = None) -> list[Mention]:
    """Later mentions → the actor introduced earlier: surnames, "the Russian president", "he", "both countries"."""
    out: list[Mention] = []
    by_surname: dict[str, Mention] = {}
    persons: list[Mention] = []  # named person-like mentions in order
    mentioned_heads = {m.head for m in mentions}
    mentions_iter = sorted(mentions, key=lambda m: m.start)
    extra: list[Mention] = []

    # Pronouns, first person, dyad phrases and bare surnames are found by a token scan.
    introduced = {doc[m.head].text for m in mentions if m.how == "leader" or doc[m.head].ent_type_ == "PERSON"}
    lowers, texts, ents = column(doc, "LOWER"), column(doc, "ORTH"), column(doc, "ENT_TYPE")
    person = doc.vocab.strings["PERSON"]
    words = PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON
    maybe = [i for i, low in enumerate(lowers)  # only these tokens can be any of the references below
             if low in words or ents[i] == person or texts[i] in introduced
             or (i > 0 and (lowers[i - 1], low) in DYAD_PHRASES)]
    for tok in (doc[i] for i in maybe):
        low = tok.lower_
        if tok.i in mentioned_heads:
            continue
        if low in PERSON_PRONOUNS and tok.pos_ == "PRON":
            extra.append(Mention(tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, tok.i, Actor(name=tok.text, code=None), "pronoun?"))
        elif low in THING_PRONOUNS and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass", "poss", "dobj"):
            extra.append(Mention(tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, tok.i, Actor(name=tok.text, code=None), "it?"))
        elif low in FIRST_PERSON and tok.pos_ == "PRON":
            extra.append(Mention(tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, tok.i, Actor(name=tok.text, code=None), "first-person"))
        elif tok.dep_ not in ("compound", "flat") and (
                (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN")
                # "Raisi praised …" at a sentence start, tagged as a common noun: a name met before
                or (tok.text in introduced and tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper())):
            extra.append(Mention(tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, tok.i, Actor(name=tok.text, code=None), "surname?"))
        elif tok.i > 0 and (doc[tok.i - 1].lower_, low) in DYAD_PHRASES:
            extra.append(Mention(doc[tok.i - 1].idx, tok.idx + len(tok), tok.i - 1, tok.i + 1, tok.i, Actor(name=doc[tok.i - 1 : tok.i + 1].text, code=None), "dyad?"))

    seq = sorted(mentions_iter + extra, key=lambda m: m.start)
    seen_countries: Counter = Counter()
    for m in seq:
        a = m.actor
        if m.how == "pronoun?":
            ref = _last_person(persons, doc, m)
            if ref is None or ref.token_start < doc[m.head].sent.start:
                ref = _person_just_acted_on(out, doc, m) or ref
            if ref is not None:
                out.append(Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "pronoun"))
            continue
        if m.how == "it?":
            ref = _last_collective(out, doc, m)
            if ref is not None:
                out.append(Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "pronoun"))
            continue
        if m.how == "surname?":
            ref = by_surname.get(doc[m.head].text)
            if ref is not None:
                nm = Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "coreference")
                out.append(nm)
                persons.append(nm)
            continue
        if m.how == "dyad?":
            pair = [c for c, _ in seen_countries.most_common(2)]
            if len(pair) == 2:
                for c in pair:
                    out.append(Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                                       Actor(name=m.actor.name, code=c, country=c), "dyad in focus"))
            continue
        if m.how == "first-person":
            out.append(m)
            continue
        # A title with a country but no name ("the Russian president") → the named person of that office.
        if not _is_persony(m) and a.country and a.role and doc[m.head].pos_ == "NOUN" and doc[m.head].lower_ in PERSON_ROLES_HINT:
            ref = next((p for p in reversed(persons) if p.actor.country == a.country and p.actor.role == a.role), None)
            if ref is not None:
                m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "coreference")
        elif m.how == "unresolved" and a.name and a.name.split()[-1] in by_surname:
            ref = by_surname[a.name.split()[-1]]
            m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "coreference")
        elif m.how == "unresolved" and a.role and (owner := _owner(doc, m, mentions_iter)) is not None:
            # "forces loyal to President Assad", "workers affiliated with the union", "a mission from the OSCE":
            # the people of a sector the text ties to an actor are that actor's
            if owner.role in GROUP_ROLES and doc[m.head].lemma_.lower() in MEMBER_WORDS:
                owner_actor = Actor(name=a.name, code=owner.code, country=owner.country, igo=owner.igo, role=owner.role)
            else:
                # "delegates from across Latin America" are the region's (LAMGOV), as a country's would be
                placed = owner.country or owner.region
                owner_actor = Actor(name=a.name, code=_code(owner, a.role) if placed else owner.code,
                                    country=owner.country, igo=owner.igo, region=owner.region,
                                    role=a.role if placed or a.role != "GOV" else owner.role)
            m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, owner_actor, "owner")
        elif m.how == "unresolved" and a.role and (place := _located_in(doc, m, mentions_iter)
                                                   or _removed_from(doc, m, mentions_iter)) is not None:
            # "Rebels in the Ivory Coast", "Demonstrators in Baghdad": the place gives the country
            m = Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                        Actor(name=a.name, code=place + a.role, country=place, role=a.role), "located")
        elif m.how == "unresolved" and a.role and doc[m.head].pos_ == "NOUN" and doc[m.head].lower_ in PERSON_ROLES_HINT:
            ref = next((p for p in reversed(persons) if p.actor.role == a.role and p.actor.country), None)
            if ref is not None:
                m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "coreference")
        if m.how == "dictionary" and a.country and not a.role and (any(
                doc[i].lower_ == "ethnic" for i in range(max(0, m.token_start - 1), m.head)) or (
                doc[m.head].tag_ in ("NNS", "NNPS") and _located_in(doc, m, mentions_iter, ("of",)))):
            # "ethnic Albanians in southern Serbia", "the Hungarians of Romania": a minority of the country
            # they live in (sector ETH)
            home = _located_in(doc, m, mentions_iter, ("of",)) or _home_country(doc, m, mentions_iter, countries)
            if home is not None and home != a.country:
                m = Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                            Actor(name=a.name, code=home + "ETH", country=home, role="ETH"), "ethnic minority")
        if m.how == "unresolved" and a.role and (home := _home_country(doc, m, mentions_iter, countries, setting)) is not None:
            # "demonstrators", "President Suharto's government" with no country of their own: a domestic
            # actor of the one country the sentence is set in (or the article's dominant country)
            m = Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                        Actor(name=a.name, code=home + a.role, country=home, role=a.role), "domestic")
        out.append(m)
        if m.actor.country:
            seen_countries[m.actor.country] += 1
        if _is_persony(m) or (doc[m.head].ent_type_ == "PERSON" and (m.actor.country or m.actor.igo)):
            persons.append(m)
            surname = doc[m.head].text if doc[m.head].pos_ == "PROPN" else m.actor.name.split()[-1]
            by_surname.setdefault(surname, m)
            by_surname.setdefault(m.actor.name.split()[-1], m)
    return _possessed_sectors(doc, _owners_countries(doc, out))


# Nouns for a state that its owner's possessive names: "his country", "Putin's country", "their nation".
OWNED_STATE_NOUNS = frozenset({"country", "nation", "homeland", "motherland", "fatherland"})


def _possessed_sectors(doc, mentions: list[Mention]) -> list[Mention]:
    """"An Israeli strike killed two of its commanders": a sector noun with no country of its own whose
    possessor ("its", "their", "the group's") is an actor resolved already is that actor's people — a group's
    members are the group (PSEREB), a state's officials or forces its country's (IRNMIL)."""
    by_head = {m.head: m for m in mentions if (m.actor.country or m.actor.igo) and m.how != "unresolved"}
    out = []
    for m in mentions:
        a = m.actor
        if m.how == "unresolved" and a.role and not a.country and not a.igo:
            poss = next((c for c in doc[m.head].children if c.dep_ == "poss" and c.i in by_head), None)
            owner = by_head[poss.i].actor if poss is not None else None
            last = owner.name.split()[-1] if owner is not None and owner.name else ""
            if poss is not None and poss.lower_ == "its" and last.islower() and last.endswith("s"):
                owner = None  # "its" is no plural's ("Iraqi troops had killed its soldiers": not the troops')
            if owner is not None and not owner.first_person:
                if owner.role in GROUP_ROLES and doc[m.head].lemma_.lower() in RANK_WORDS:
                    actor = Actor(name=a.name, code=owner.code, country=owner.country, igo=owner.igo, role=owner.role)
                else:
                    actor = Actor(name=a.name, code=_code(owner, a.role), country=owner.country, igo=owner.igo,
                                  region=owner.region, role=a.role)
                m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, actor, "owner")
        out.append(m)
    return out


def _owners_countries(doc, mentions: list[Mention]) -> list[Mention]:
    """"Putin said his country will not lift the ban": a state noun with a possessor is the possessor's country
    (the possessor a person or pronoun already resolved to a placed actor)."""
    by_head = {m.head: m for m in mentions if m.actor.country}
    out = []
    for m in mentions:
        tok = doc[m.head]
        if not m.actor.country and not m.actor.igo and tok.lemma_.lower() in OWNED_STATE_NOUNS:
            owner = next((by_head[c.i] for c in tok.children if c.dep_ == "poss" and c.i in by_head), None)
            if owner is not None:
                c = owner.actor.country
                m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, Actor(name=m.actor.name, code=c, country=c),
                            "owner")
        out.append(m)
    return out


def _last_person(persons: list[Mention], doc, m: Mention) -> Mention | None:
    """The person a pronoun refers to: the latest named person before it, preferring a subject."""
    before = [p for p in persons if p.end <= m.start]
    if not before:
        return None
    sent_start = doc[m.head].sent.start
    prev = [p for p in before if p.token_start >= sent_start] or before
    if doc[m.head].dep_ in ("dobj", "pobj", "dative") and doc[m.head].lower_ in ("him", "her"):
        # "Netanyahu called Morrison to congratulate him": an object pronoun is not the clause's doer
        others = [p for p in prev if p.token_start >= sent_start and doc[p.head].dep_ not in ("nsubj", "nsubjpass")]
        if others:
            return others[-1]
    subjects = [p for p in prev[-3:] if doc[p.head].dep_ in ("nsubj", "nsubjpass")]
    return (subjects or prev)[-1]


def _person_just_acted_on(resolved: list[Mention], doc, m: Mention) -> Mention | None:
    """The one a person's object pronoun refers to when its sentence names no person before it: the latest person
    named by a common noun, the object of the verb the pronoun's verb is joined to ("a court convicted a man of
    raping a woman and sentenced him": the man; "police arrested a youth and sent him to jail"), not a plural."""
    pron = doc[m.head]
    if pron.lower_ not in ("him", "her") or pron.dep_ not in ("dobj", "dative"):
        return None
    verb = pron.head
    if verb.dep_ != "conj":
        return None
    start = pron.sent.start
    for r in reversed(resolved):
        if r.token_start < start:
            return None
        t = doc[r.head]
        if r.end <= m.start and r.actor.role and t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ in ("dobj", "nsubjpass") \
                and t.head.i == verb.head.i:
            return r
    return None


_PLACE_PREPS = ("in", "from", "inside", "throughout", "across", "of")


def _located_in(doc, m: Mention, resolved: list[Mention], preps: tuple[str, ...] = _PLACE_PREPS) -> str | None:
    """The country of a place the mention is said to be in ("rebels in the Ivory Coast"), also when only
    the place's modifier names it ("inhabitants of the Syrian Golan Heights")."""
    for c in doc[m.head].children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                for r in resolved:
                    if r is m:
                        continue
                    if r.token_start <= p.i < r.token_end and r.actor.country and not r.actor.role:
                        return r.actor.country
                    if r.head == p.i and r.actor.country and r.how == "capital":
                        return r.actor.country
                mods = {t.i for t in p.children if t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "PROPN")}
                for r in resolved:
                    if r.how == "modifier" and r.head in mods and r.actor.country:
                        return r.actor.country
    return None


# Acts that take people away from where they are: "evacuated 400 civilians from Gaza" (people of Gaza).
REMOVING_VERBS = frozenset({"evacuate", "airlift", "rescue"})
_NATIONALS = frozenset({"citizen", "national", "compatriot", "expatriate", "diplomat", "tourist", "foreigner"})


def _removed_from(doc, m: Mention, resolved: list[Mention]) -> str | None:
    """The country people no one places were taken away from: "evacuated 400 civilians from Gaza", "hundreds of
    people were airlifted from Libya" (the "from" phrase of the evacuating verb whose object or passive subject they
    are, also through "hundreds of")."""
    t = doc[m.head]
    if m.actor.role != "CVL" or t.lemma_.lower() in _NATIONALS or any(c.dep_ == "poss" for c in t.children):
        return None  # "evacuated its citizens from Sudan": a state's own people wherever they are
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ in ("dobj", "nsubjpass"):
        t = t.head.head  # "hundreds of civilians"
    verb = t.head
    if t.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in REMOVING_VERBS:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for p in c.children:
                for r in resolved:
                    if r is not m and r.token_start <= p.i < r.token_end and r.actor.country and not r.actor.role:
                        return r.actor.country
    return None


# Words that tie people to the actor they serve: "forces loyal to", "workers affiliated with", "fighters
# belonging to".
_ALLEGIANCE = frozenset({"loyal", "affiliated", "belonging", "answerable", "attached"})


def _owner(doc, m: Mention, resolved: list[Mention]) -> Actor | None:
    """The actor a sector mention with no country belongs to, when the text ties it to one: "forces loyal
    to President Assad" (Syria's), "workers affiliated with the Serbian Workers' Union", and an
    organisation of states or a world region the people come from or are of ("a mission from the OSCE",
    "officials of the EU", "delegates from Latin America"). Countries as places are :func:`_located_in`'s."""
    head = doc[m.head]
    objs: list[tuple[object, bool]] = []  # (pobj token, any actor may own it)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            objs += [(p, False) for p in c.children if p.dep_ == "pobj"]
            # "delegates from across Latin America", "troops from throughout the region"
            objs += [(p, False) for q in c.children if q.dep_ == "prep" and q.lower_ in ("across", "throughout")
                     for p in q.children if p.dep_ == "pobj"]
        elif c.dep_ in ("amod", "acl") and c.lower_ in _ALLEGIANCE:
            for pr in c.children:
                if pr.dep_ == "prep" and pr.lower_ in ("to", "with"):
                    objs += [(p, True) for p in pr.children if p.dep_ == "pobj"]
    member = head.lemma_.lower() in MEMBER_WORDS
    for p, anyone in objs:
        for r in resolved:
            if r is m or r.how == "modifier" or not (r.token_start <= p.i < r.token_end):
                continue
            if r.how == "unresolved" and not (member and not anyone and r.actor.role in GROUP_ROLES):
                continue  # "leaders of the teachers union" are the union's, placed or not
            if r.actor.igo or r.actor.region or (anyone and r.actor.country) or (member and r.actor.role in GROUP_ROLES):
                return r.actor
    return None


# People who speak or act for the body they are of: "leaders of Hamas", "members of the teachers union".
MEMBER_WORDS = frozenset({"leader", "member", "official", "spokesman", "spokeswoman", "spokesperson",
                          "representative", "delegate", "head", "chief", "activist", "fighter", "militant"})
# Members of an armed group or a party by their rank too: "its commanders", "the group's fighters" are the group's.
RANK_WORDS = MEMBER_WORDS | {"commander", "militiaman", "gunman", "cadre", "operative", "supporter", "loyalist"}
# Bodies whose members are of the body, not of its country's government: a leader of Hamas is Hamas.
GROUP_ROLES = frozenset({"REB", "RAD", "LAB", "PTY", "OPP", "NGO", "HRI", "REL", "EDU", "MED", "SEP", "INS"})


# Sectors of a state's own people: officials, forces, police, courts, legislators, parties and opposition.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP"})


# Prepositions whose object is someone acted on or dealt with, not where the sentence is set.
_RELATIONAL_PREPS = {"against", "with", "to", "toward", "towards", "on", "into", "from", "by", "for", "between", "over"}
_LOCATIVE_PREPS = {"in", "inside", "throughout", "across", "at", "near", "outside"}


# People who are where they are because they come from elsewhere: never the country they are in.
FOREIGN_BY_NATURE = frozenset({"peacekeeper", "peacekeepers", "inspector", "inspectors", "observer", "observers",
                               "monitor", "monitors", "expatriate", "expatriates", "foreigner", "foreigners", "tourist",
                               "tourists"})


def _home_country(doc, m: Mention, resolved: list[Mention], countries: Counter, setting: str | None = None) -> str | None:
    """The country a sector-only mention belongs to when the text names just one setting for it.

    Evidence in the mention's sentence: countries named as places ("in Zimbabwe"), as modifiers or
    possessors ("Egyptian police", "Sudan's government") or as subjects — not countries acted on
    ("against Israel", "to Iraq"). One such country → it. None in the sentence → the article's dominant
    country, when one country has at least two mentions and twice as many as any other. A named person
    inherits only a place ("in Zimbabwe"), never an actor the sentence is about.
    """
    sent = doc[m.head].sent
    if doc[m.head].lemma_.lower() in FOREIGN_BY_NATURE or any(
            doc[i].lower_ in ("foreign", "international", "overseas", "multinational", "peacekeeping", "peace-keeping")
            for i in range(doc[m.head].left_edge.i, m.head)):
        return None  # "peacekeepers in Mali", "foreign aid agencies" are not that country's
    # a title standing for its holder ("the Federal Minister for Interior, X,") is judged as an office
    # (a title's acronym, "a former MP", "the SHO", is an office too, not a name)
    person = (doc[m.head].ent_type_ == "PERSON" or doc[m.head].pos_ == "PROPN") and doc[m.head].lower_ not in PERSON_ROLES_HINT \
        and not (doc[m.head].text.isupper() and doc[m.head].ent_type_ != "PERSON")
    if any(doc[i].pos_ == "PROPN" and doc[i].ent_type_ == "ORG" for i in range(m.token_start, m.head)):
        return None  # "the Mannesmann spokesman", "ICN officials": an organisation's people, not a state's
    # "Iran-backed militia groups": a group with a foreign backer is a side in someone else's fight, so only
    # a place it is in ("in Iraq") says whose it is, never an actor of the sentence
    backed = _has_backer(doc, m.head)
    found: set[str] = set()
    places: set[str] = set()
    own_kind: set[str] = set()  # countries of subjects of the mention's own verb in the mention's own sector
    named: set[str] = set()  # every country the sentence names
    state: set[str] = set()  # countries of the state's own people the sentence names (officials, forces, parties)
    origins: set[str] = set()  # countries of towns someone is said to come from ("a peddler from Ludhiana")
    for r in resolved:
        if r is m or not r.actor.country or not (sent.start <= r.head < sent.end) or r.how == "unresolved":
            continue
        named.add(r.actor.country)
        if r.actor.role in STATE_ROLES:
            state.add(r.actor.country)
        tok = doc[r.head]
        for _ in range(4):  # "attacked Iraqi positions": judge the adjective by the noun it modifies
            if tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.i != tok.i:
                tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS:
            found.add(r.actor.country)
            # in the acted-on's own clause, a place it is in ("fired missiles at Saudi Arabia" is no place)
            if tok.head.head.i in (doc[m.head].head.i, m.head) and tok.head.lower_ in ("in", "inside", "throughout", "across"):
                places.add(r.actor.country)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according" and not backed:
            found.add(r.actor.country)  # "according to the Pakistani Interior Secretary": who tells it, not a party
        elif person or backed:
            continue
        elif tok.dep_ in ("dobj", "dative") or (tok.dep_ == "pobj" and tok.head.lower_ in _RELATIONAL_PREPS):
            if r.how == "place" and tok.dep_ == "pobj" and tok.head.lower_ == "from":
                origins.add(r.actor.country)
            continue
        else:
            found.add(r.actor.country)
            if tok.dep_ == "nsubj" and r.actor.role == m.actor.role and tok.head.i == _governor(doc, m.head):
                own_kind.add(r.actor.country)
    if len(found) == 1 and found & own_kind:
        # "The US military struck militia groups": what a country's forces act on is not its own forces
        # (an actor of one sector acting on its own kind at home reads as the act on itself), though
        # "Egyptian police arrested demonstrators" and "the Syrian army shelled rebels" are at home
        return next(iter(places)) if len(places) == 1 else None
    if len(found) == 1:
        return next(iter(found))
    if len(places) == 1 and doc[m.head].dep_ in ("dobj", "nsubjpass") and not person and not any(
            r.how == "modifier" and m.token_start <= r.head < m.token_end for r in resolved):
        # "the Saudi-led coalition bombed a school in Yemen": what is acted on is where it happens
        return next(iter(places))
    if not found and m.actor.role == "JUD" and len(named) == 1 and named == state:
        # "Judge X opened investigations against 28 Chilean government officials": a judge or court tries the
        # state's own people at home, so the one country whose officials it acts on is its own
        return next(iter(named))
    if not found and setting is not None:
        return setting  # the dateline's country, a place: "KABUL, May 2 - Police arrested ..."
    if not found and len(origins) == 1 and not person:
        # "the crime branch arrested a contract killer from Dehradun": a town (not a country) someone comes from,
        # the sentence's only place, sets it ("a businessman from Nigeria" is Nigerian, the police need not be)
        return next(iter(origins))
    if found or person:
        return None
    if len(list(doc.sents)) < 2:
        return None
    top = countries.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return top[0][0]
    return None


def _governor(doc, i: int) -> int:
    """The verb a noun phrase is the subject or object of: through its prepositions ("clashed with militias")
    and up from a noun it modifies ("militia groups")."""
    tok = doc[i]
    for _ in range(4):
        if tok.dep_ in ("compound", "amod", "nmod", "pobj", "prep") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok.head.i


def _has_backer(doc, i: int) -> bool:
    """"Iran-backed militia groups", "Russian-supported separatists": the noun phrase names a backer."""
    tok = doc[i]
    while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i and tok.head.pos_ in NOUNS:
        tok = tok.head
    return any((t.i > 0 and _backer(doc, t.i - 1)) or (t.i + 2 < len(doc) and _stance(doc, t.i + 2))
               for t in doc[tok.left_edge.i : tok.i])  # "Iran-backed", "pro-Iranian" (not "anti-riot")


def _last_collective(resolved: list[Mention], doc, m: Mention) -> Mention | None:
    """"it"/"they": the latest non-person actor before it in the sentence, else the previous sentence's subject."""
    sent = doc[m.head].sent
    cands = [r for r in resolved if r.end <= m.start and r.actor.placed and r.how not in ("pronoun", "modifier")]
    plural = doc[m.head].lower_ in ("they", "their", "them")
    pron = doc[m.head]
    same = [r for r in cands if r.token_start >= sent.start and (plural or not _is_persony(r))
            # an object pronoun never refers to its own clause's subject ("The SCO welcomed it")
            and not (pron.dep_ in ("dobj", "pobj") and doc[r.head].head.i == pron.head.i)]
    if same:
        subj = [r for r in same if doc[r.head].dep_ in ("nsubj", "nsubjpass")]
        return (subj or same)[-1]
    if (teller := _reporting_subject(resolved, doc, pron, plural)) is not None:
        return teller
    prev = [r for r in cands if r.token_start < sent.start and doc[r.head].dep_ in ("nsubj", "nsubjpass")
            and (plural or not _is_persony(r))]
    if prev and doc[prev[-1].head].sent.end >= sent.start - 1 and prev[-1].token_start >= _prev_sent_start(doc, sent):
        return prev[-1]
    return None


def _reporting_subject(resolved: list[Mention], doc, pron, plural: bool) -> Mention | None:
    """"The union said it would end the strike", "Rebels said they will free two hostages": a subject pronoun
    of a reported clause is the subject of the verb that reports it, even an actor with no country (the
    nearer evidence beats the country requirement of other references) when it has a sector other than
    business. Number must agree."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pron.head
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
        for r in resolved:
            # a sector of public life ("the union", "rebels"); not an unknown name, mostly companies in
            # business news ("ChemLawn Corp said it has started talks")
            if r.how in ("pronoun", "modifier") or not r.actor.role or r.actor.role == "BUS" or r.end > pron.idx:
                continue
            tok = doc[r.head]
            if tok.head.i != verb.i or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            many = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
            if plural == many and (plural or not _is_persony(r)):
                return r
            if plural and not many and _collective_body(tok, r):
                return r  # "The union said they would not end the strike": a body is often "they"
    return None


# Singular nouns for a body of people, which news English often refers to as "they" ("The committee said
# they would resume talks"); a person's title ("the minister") never.
COLLECTIVE_BODIES = frozenset({
    "union", "committee", "council", "government", "administration", "cabinet", "party", "army", "military",
    "police", "navy", "militia", "group", "movement", "front", "alliance", "coalition", "federation", "association",
    "league", "organisation", "organization", "commission", "board", "parliament", "assembly", "senate",
    "congress", "junta", "regime", "opposition", "syndicate", "guild", "confederation", "team", "delegation",
    "leadership", "authority", "ministry", "agency", "court", "tribunal", "jury", "panel", "bloc", "faction"})


def _collective_body(tok, r: Mention) -> bool:
    """The reporting subject names a body of people, not a person: a collective noun ("the union", "the
    committee") or an organisation's name the tagger calls one ("Hamas said they …")."""
    if _is_persony(r) or r.how in ("leader", "apposition"):
        return False
    return tok.lemma_.lower() in COLLECTIVE_BODIES or (tok.pos_ == "PROPN" and tok.ent_type_ == "ORG")


def _prev_sent_start(doc, sent) -> int:
    if sent.start == 0:
        return 0
    return doc[sent.start - 1].sent.start
