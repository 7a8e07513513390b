"""Named entities beyond the dictionaries, and datelines.

Every named entity that can act or be acted on (a person, an organisation, a people, a place) becomes a
mention even when no dictionary knows it (:func:`_named_entities`); a dateline ("CAIRO --") says where a
story is set (:func:`dateline`). Used by :func:`accord.actors.find_mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from accord.types import Actor, Mention


def _span_root(doc, start: int, end: int) -> int:
    for i in range(start, end):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return i
    return end - 1


def _mk(doc, start: int, end: int, head: int, actor: Actor, how: str) -> Mention:
    return Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end, head, actor, how)


# The type word of an organisation's name gives its sector: "the Electoral Commission", "the Interior
# Ministry", "the Opposition Labour Party", "Acme Corp". The last type word of the name wins ("the
# Ministry of Defence Police" is police), so the table is read from the right.
ORG_TYPE_ROLES: dict[str, str] = {
    **dict.fromkeys(("ministry", "department", "government", "administration", "cabinet", "commission",
                     "council", "agency", "authority", "office", "bureau", "directorate", "secretariat",
                     "municipality", "presidency", "embassy", "consulate", "kremlin", "service"), "GOV"),
    **dict.fromkeys(("party", "alliance", "front", "league", "congress", "movement"), "PTY"),
    **dict.fromkeys(("court", "tribunal", "judiciary", "prosecutor", "prosecutors"), "JUD"),
    **dict.fromkeys(("parliament", "assembly", "senate", "duma", "knesset", "majlis", "legislature"), "LEG"),
    **dict.fromkeys(("army", "navy", "military", "forces", "force", "guard", "guards", "brigade", "regiment",
                     "command", "corps", "division", "battalion", "militia", "militias"), "MIL"),
    **dict.fromkeys(("police", "gendarmerie", "constabulary", "police force"), "COP"),
    **dict.fromkeys(("union", "federation", "confederation", "syndicate"), "LAB"),
    **dict.fromkeys(("corp", "corp.", "corporation", "inc", "inc.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag",
                     "sa", "nv", "company", "group", "holdings", "bank", "airlines", "airways", "motors",
                     "industries", "enterprises", "bancorp", "petroleum", "oil", "mining", "energy"), "BUS"),
    **dict.fromkeys(("university", "college", "school", "institute", "academy"), "EDU"),
    **dict.fromkeys(("church", "diocese", "synod", "mosque", "patriarchate"), "REL"),
    **dict.fromkeys(("times", "post", "news", "agency", "television", "radio", "tv", "herald", "tribune",
                     "journal", "gazette", "press"), "MED"),
    **dict.fromkeys(("rebels", "insurgents", "guerrillas", "militants", "jihadists"), "REB"),
    **dict.fromkeys(("ngo", "foundation", "watch", "amnesty", "committee", "society", "association",
                     "organisation", "organization", "union"), "NGO"),
}
# "union" heads both trade unions and civil society unions; a trade union is the likelier reading
ORG_TYPE_ROLES["union"] = "LAB"
ORG_TYPE_ROLES["agency"] = "GOV"

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _named_entities(doc, mentions: list[Mention], place_country: Callable[..., str | None] | None) -> list[Mention]:
    """A mention for every named entity the dictionaries did not resolve, with what the text tells of it.

    * a place (GPE/LOC/FAC) the gazetteer knows is its country ("Ahmedabad" → IND), so "police in
      Ahmedabad" and "Gujarat police" find their country; an unknown place keeps its name only;
    * an organisation takes its sector from its type word (:data:`ORG_TYPE_ROLES`) and its country from a
      country or place inside its name ("the Pune Petrol Dealers Association" → IND), else later from
      the sentence or article it is set in (as for "the police", see :func:`accord.references._home_country`);
    * a person keeps the name; an apposition or title gives country and role where there is one;
    * a people ("the Rohingya") keeps its name.
    The mention's ``how`` is ``named`` (or ``unresolved`` for a sector with no country yet); its code is
    the country plus sector where both are known, else None.
    """
    taken: set[int] = set()
    placed: set[int] = set()  # tokens of mentions that know their country already
    for m in mentions:
        taken.update(range(m.token_start, m.token_end))
        taken.add(m.head)
        if m.actor.placed:
            placed.update(range(m.token_start, m.token_end))
    heads = {m.head for m in mentions}
    out: list[Mention] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in _ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if label in ("NORP", "ORG") and end - start <= 2 and place_country is not None \
                and place_country(doc[start:end].text, 250_000) is not None:
            label = "GPE"  # "Gujarat police" tagged as a people: a province the gazetteer knows
        if start >= end:
            continue
        if label in _PLACE_LABELS:
            # "Gujarat police": the place inside a sector mention with no country of its own gives it one
            if any(i in placed or i in heads for i in range(start, end)):
                continue
        elif any(i in taken for i in range(start, end)):
            continue
        text = doc[start:end].text.strip()
        if not text or not text[:1].isalnum() or len(text) > 90:
            continue
        root = _span_root(doc, start, end)
        tok = doc[root]
        if label == "NORP" and tok.dep_ in ("amod", "compound") and tok.head.i >= end:
            continue  # "Muslim countries", "Nazi camp": a describing word, not a people acting
        country = None
        if label in _PLACE_LABELS:
            country = _possessor_country(doc, tok, mentions) or _place_country(text, place_country)
            actor = Actor(name=text, code=country, country=country)
            out.append(_mk(doc, start, end, root, actor, "place" if country else "named"))
            continue
        role = None
        if label == "ORG":
            for t in reversed(doc[start:end]):
                r = ORG_TYPE_ROLES.get(t.lower_)
                if r is not None:
                    role = r
                    break
            if place_country is not None:
                for t in doc[start:end]:
                    if t.pos_ == "PROPN" and t.i != root and (c := place_country(t.text, 250_000)) is not None:
                        country = c
                        break
            if role == "NGO":
                role = None
        if label == "NORP":
            role = None
        code = (country + (role or "")) if country else None
        how = "named" if country or not role or role in ("BUS", "MED", "EDU", "REL") else "unresolved"
        out.append(_mk(doc, start, end, root, Actor(name=text, code=code, country=country, role=role), how))
    return out


def _modifier_places(doc, mentions: list[Mention], place_country: Callable[..., str | None] | None) -> list[Mention]:
    """A place mention for a city the NER left untagged that names a sector mention with no country of its
    own: "Hyderabad police", "Karachi police" (the parser often reads the city as an adjective). Only a
    capitalised single-word modifier of the mention's head and a city of 250,000 or more, so that a small
    place sharing a word ("Union officials") gives nothing; the place then counts as the mention's country
    as a tagged one does (:func:`accord.references._home_country`)."""
    if place_country is None:
        return []
    taken = {i for m in mentions if m.actor.placed for i in range(m.token_start, m.token_end)}
    heads = {m.head for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        if m.actor.placed or not m.actor.role:
            continue
        for t in doc[m.token_start:m.head]:
            if t.i in taken or t.i in heads or t.ent_type_ or t.head.i != m.head \
                    or t.dep_ not in ("compound", "amod", "nmod") or not t.text[:1].isupper() or not t.is_alpha:
                continue
            if (c := place_country(t.text, 250_000)) is not None:
                out.append(_mk(doc, t.i, t.i + 1, t.i, Actor(name=t.text, code=c, country=c), "place"))
                taken.add(t.i)
    return out


# Prepositions that put what follows in a place: "a court in Indore", "arrested near Sealdah", "from Dehradun".
PLACE_PREPS = frozenset({"in", "near", "at", "from", "outside", "inside", "around", "across", "throughout"})


def _untagged_places(doc, mentions: list[Mention], place_country: Callable[..., str | None] | None) -> list[Mention]:
    """A place mention for a city or province the NER left untagged after a preposition of place: "a sessions
    court in Indore", "arrested a man in Lalitpur" (the small model misses many South Asian and African towns,
    and lower-cased text has no capitals for it to lean on until :mod:`accord.recase` restores them).

    Only a capitalised proper noun (with the proper nouns compounded before it) that is no English word and no
    other mention's, and a place of 100,000 people or more or a province, so that a village sharing a word
    gives nothing. The place then sets the sentence, as a tagged one does (:func:`accord.references._home_country`)."""
    if place_country is None:
        return []
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)} | {m.head for m in mentions}
    words = _common_words()
    out: list[Mention] = []
    for tok in doc:
        if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS or tok.pos_ != "PROPN" or tok.ent_type_ \
                or tok.i in taken or not _NAME.fullmatch(tok.text) or tok.lower_ in words:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ and start - 1 not in taken:
            start -= 1
        text = doc[start:tok.i + 1].text
        country = _place_country(text, lambda name, pop=100_000: place_country(name, pop))
        if country is not None:
            out.append(_mk(doc, start, tok.i + 1, tok.i, Actor(name=text, code=country, country=country), "place"))
            taken.update(range(start, tok.i + 1))
    return out


def _possessor_country(doc, tok, mentions: list[Mention]) -> str | None:
    """The country of the place a place belongs to: "Dhaka's Mirpur area", "Kenya's Turkana county" are in
    Bangladesh and Kenya, whatever other countries have a Mirpur. The possessor must be a country, a capital
    or a place already placed (not a person's: "Khan's Mirpur house" gives nothing)."""
    holders = [tok, tok.head] if tok.dep_ == "compound" else [tok]
    for h in holders:
        for c in h.children:
            if c.dep_ != "poss":
                continue
            m = next((m for m in mentions if m.token_start <= c.i < m.token_end), None)
            if m is not None and m.actor.country and m.how in ("place", "capital", "dictionary") \
                    and m.actor.role in (None, "GOV") and not m.actor.igo and doc[c.i].ent_type_ in ("GPE", "LOC"):
                return m.actor.country
    return None


# The type word of an administrative unit the NER takes into the place's name ("Borno State", "West Darfur
# State", "Helmand Province"): the gazetteer knows the place by its name alone.
ADMIN_UNIT_WORDS = frozenset({"state", "province", "governorate", "region", "district", "county", "prefecture",
                              "oblast", "krai", "municipality", "territory", "division", "department"})


def _place_country(text: str, place_country: Callable[..., str | None] | None) -> str | None:
    if place_country is None:
        return None
    country = place_country(text)
    words = text.split()
    if country is None and len(words) > 1 and words[-1].lower() in ADMIN_UNIT_WORDS:
        country = place_country(" ".join(words[:-1]))
    return country


# Where a name the NER left untagged acts or is acted on: a clause's subject or object, or the object of a
# preposition that introduces someone dealt with ("an agreement with the OLF", "an investigation into X",
# "attacked by X"); not "to" or "from", which as often introduce a market or a place ("losses were
# restricted to the Euromarket").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_ARGUMENT_PREPS = frozenset({"against", "with", "into", "between"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_NAME = re.compile(r"[A-Z][A-Za-z'’-]*[a-zA-Z]")
# Names of things that are said to act ("Covid killed thousands") but are no actors; WordNet knows none.
NOT_ACTORS = frozenset({"covid", "covid-19", "coronavirus", "omicron", "brexit", "sars-cov-2", "h5n1", "mpox"})


def _untagged_names(doc, mentions: list[Mention]) -> list[Mention]:
    """A mention for a name the NER did not tag that is a subject or object of a verb: "Haaretz conducted
    an investigation into the court", "The OLF reached an agreement with the government", "a court awarded
    the Warmbiers".

    The name is a proper noun (or an acronym the tagger took for a common noun, "ICE", "OLF") that no
    dictionary and no entity covers and that is not an English word (WordNet's lemma list, which the model's
    lemmatizer ships, knows "January", "Musicians" and "Ford" but not "Haaretz"), in a sentence that names
    some public actor (a state, an organisation of states, a sector other than business). A sentence in
    capitals (a headline) is left alone: there every word looks like a name. The mention's ``how`` is
    ``named`` with no code.
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)} | {m.head for m in mentions}
    # a person's surname after the full name ("Hannes Androsch ... Androsch said") is a reference, resolved
    # with the others (accord.references._resolve_references), not a new name
    surnames = {doc[m.token_end - 1].text for m in mentions if doc[m.head].ent_type_ == "PERSON"}
    # a sentence with a state, an organisation of states or a sector of public life in it: unknown names
    # among companies alone ("Dixons is offering 90 dlrs a share for Cyclops") are business, not actors
    sent_of = [0] * len(doc)  # each token's sentence start, found once (``tok.sent`` builds a span per call)
    for sent in doc.sents:
        sent_of[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
    public = {sent_of[m.head] for m in mentions
              if m.actor.placed or (m.actor.role and m.actor.role != "BUS")}
    if not public:
        return []
    words = _common_words()
    out: list[Mention] = []
    for tok in doc:
        if sent_of[tok.i] not in public or tok.ent_type_ or tok.i in taken or tok.text in surnames or not _argument(tok):
            continue
        acronym = bool(_ACRONYM.fullmatch(tok.text))
        if not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and acronym)) or not _NAME.fullmatch(tok.text):
            continue  # nor a ticker ("CABV.VI"), a code or a number
        low = tok.lower_
        if low in NOT_ACTORS or low in words or (low.endswith("s") and (low[:-1] in words or low[:-2] in words)):
            continue
        if _shouting(tok.sent):
            continue
        start = tok.i  # the name's other words: "Jurisdiction for Peace" stays one token, "Action Aid" two
        while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in ("compound", "flat") \
                and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ and start - 1 not in taken:
            start -= 1
        out.append(_mk(doc, start, tok.i + 1, tok.i, Actor(name=doc[start : tok.i + 1].text, code=None), "named"))
    return out


def _argument(tok) -> bool:
    if tok.dep_ == "conj":  # "Haaretz and the Guardian reported": as the first conjunct is
        tok = tok.head
    if tok.dep_ in _ARGUMENT_DEPS:
        return True
    return tok.dep_ == "pobj" and (tok.head.lower_ in _ARGUMENT_PREPS or tok.head.dep_ == "agent")


def _shouting(sent) -> bool:
    letters = [t for t in sent if t.is_alpha]
    return len(letters) >= 3 and sum(t.is_upper for t in letters) * 2 > len(letters)


@cache
def _common_words() -> frozenset[str]:
    """The English words of the loaded model's lemmatizer (its ``lemma_index``: nouns, verbs, adjectives,
    adverbs, from WordNet); empty when no model with one is installed."""
    from accord.nlp import ModelNotFound, lemma_words, load_model

    try:
        return lemma_words(load_model())  # the pipeline the coder already loaded (load_model is cached)
    except ModelNotFound:  # no model installed
        return frozenset()


_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3})"  # CAIRO, THE HAGUE, SAN FRANCISCO, Lucknow
    r"(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"  # , Netherlands
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"  # , March 15
    r"(?:,\s*[A-Z]{2,8})?"  # , IRNA
    r"\s*(?:\([^)\n]{1,40}\))?"  # (AP), (Reuters)
    r"\s*(?:(?:--|—|–|-)\s+(?=[\"“‘'A-Z0-9])|:\s+(?=\S))")


def dateline(text: str, place_country: Callable[..., str | None] | None = None) -> tuple[int, str | None]:
    """The end offset of a dateline at the start of ``text`` (0 when there is none) and its place's country.

    A dateline is a place in capitals or a known place, optionally a country, a date, an agency, then a
    dash or colon: "CAIRO --", "THE HAGUE, Netherlands --", "WASHINGTON (AP) —", "Tehran, March 15, IRNA -",
    "Lucknow:". A known place in ordinary case counts only when the gazetteer knows it.
    """
    m = _DATELINE.match(text[:120])
    if not m:
        return 0, None
    place = m.group("place")
    country = place_country(place) if place_country is not None else None
    if not (place.isupper() or country or "(" in m.group()):
        return 0, None
    return m.end(), country
