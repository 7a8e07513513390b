"""Actors: mentions in a parsed article resolved to CAMEO-style actor codes.

The dictionaries are data (``accord/data/{countries,organizations,leaders,sectors}.yaml``, extended by
user files, loaded by :mod:`accord.actor_dictionary`); this module only matches them against a spaCy
``Doc`` and composes what it finds (named entities no dictionary knows and datelines are in
:mod:`accord.entities`):

1. dictionary phrases are matched on tokens (longest first): countries and their adjectives,
   capitals (→ GOV), organisations, armed/political groups, dated leaders, sector words;
2. matches are grouped by the noun they belong to, so "Iranian President Ibrahim Raisi" becomes one
   mention (IRN + GOV) and "Senior Hungarian and Romanian officials" two (HUNGOV, ROUGOV);
3. later references are resolved inside the article: a bare surname, "the Russian president",
   "his Russian counterpart", "he", and "both countries" / "the two sides" (the dyad in focus), in
   :mod:`accord.references`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

# DictionaryError and ORG_TYPE_ROLES are re-exported: importable from accord.actors as before the split
from accord.actor_dictionary import ActorDictionary, Entry
from accord.actor_dictionary import DictionaryError as DictionaryError
from accord.entities import ORG_TYPE_ROLES as ORG_TYPE_ROLES
from accord.entities import (
    _mk,
    _modifier_places,
    _named_entities,
    _span_root,
    _untagged_names,
    _untagged_places,
    dateline,
)
from accord.incidents import FORCE_THINGS, join_country_forces
from accord.nlp import column
from accord.references import (
    _OFFICE_WORDS,
    NOUNS,
    PERSON_ROLES_HINT,
    _backer,
    _code,
    _resolve_references,
    _stance,
)
from accord.types import Actor, Mention

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "flat", "nummod", "det", "case"}


# --------------------------------------------------------------------------------------------------
# Matching


@dataclass
class _Match:
    start: int
    end: int
    entries: list[Entry]
    head: int  # token index of the noun the match belongs to


def _active(e: Entry, pub: dt.date | None) -> bool:
    if pub is None:
        return True  # no date: any term; _pick_leader prefers the name's country in context, then office now
    return (e.start is None or e.start <= pub) and (e.end is None or pub <= e.end)


# Participles after "X-" that make the noun X's: "Vietnamese-led forces", "a Hamas-run ministry".
LEADING_PARTICIPLES = frozenset({"led", "run", "controlled", "dominated", "headed", "commanded", "ruled"})


def _phrase_head(doc, i: int, titles: frozenset[str] = frozenset(), country: bool = False) -> int:
    """Climb from a modifier to the noun it modifies ("Iranian" → "President" → "Raisi"); a country's
    name climbs over a leading participle too."""
    tok = doc[i]
    if (country and tok.dep_ == "npadvmod" and tok.head.lower_ in LEADING_PARTICIPLES and tok.head.dep_ == "amod"
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and tok.head.head.pos_ in NOUNS):
        tok = tok.head.head  # "Vietnamese-led forces": Vietnamese → forces
    for _ in range(6):
        if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound", "nmod", "poss") and tok.pos_ in ("ADJ", "PROPN"):
            tok = tok.head  # "Hungarian and Romanian officials": Romanian → Hungarian → officials
            continue
        if tok.dep_ in ("compound", "amod", "nmod", "flat", "poss") and tok.head.pos_ in NOUNS and tok.head.i != tok.i:
            if tok.dep_ == "poss" and tok.head.lower_ not in _POSS_TITLES and tok.head.lemma_.lower() not in titles:
                break  # "Iran's membership": Iran stays its own mention
            tok = tok.head
            continue
        break
    return tok.i


# A possessive stays part of the phrase only before a title ("Iran's Supreme Leader", "Russia's president").
_POSS_TITLES = {"leader", "president", "minister", "foreign", "government", "army", "military", "king",
                "premier", "chancellor", "ambassador", "envoy", "spokesman", "delegation", "officials",
                "parliament", "forces", "troops", "police", "navy", "court", "opposition", "rebels",
                "counterpart", "emir", "ayatollah", "secretary", "supreme", "prime", "defence", "defense"}


def _ent_label(doc, i: int) -> str:
    return doc[i].ent_type_


def _participle_as_noun(tok) -> bool:
    """A participle used as a noun, as the tagger reads "the accused" ("remanded the accused", "the accused was
    produced"): with an article and in a noun's place (subject, object, object of a preposition)."""
    return tok.pos_ in ("VERB", "ADJ") and tok.tag_ == "VBN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
        and any(c.dep_ == "det" for c in tok.children)


def _plausible(doc, m_start: int, m_end: int, e: Entry) -> bool:
    """Reject dictionary hits whose tokens are not used as names here."""
    toks = doc[m_start:m_end]
    if e.kind in ("sector", "generic"):
        last = doc[m_end - 1]
        if last.ent_type_ == "ORG" and last.ent_iob_ != "O":
            # "Union Carbide Corp": a sector word inside a longer organisation name is part of a name
            j = m_end
            while j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "ORG":
                j += 1
            if j > m_end and doc[m_end].lower_ != "of":
                return False
        if e.kind == "sector" and len(toks) == 1 and toks[0].lower_ == "military" and toks[0].dep_ == "amod" \
                and toks[0].head.lower_ in FORCE_THINGS:
            return True  # "attacked a military outpost": the post is the military's
        return toks[-1].pos_ in NOUNS or (e.kind == "sector" and toks[-1].pos_ == "ADJ" and (
            toks[-1].lower_ in {"parliamentary"} or (len(toks) > 2 and toks[-2].text == "-"))) or (  # "attorney-general"
            e.kind == "sector" and _participle_as_noun(toks[-1]))
    if not toks[0].text[:1].isupper() and not toks[0].text[:1].isdigit():
        return False
    if e.kind == "leader":
        if m_start > 1 and doc[m_start - 1].text == "-" and not doc[m_start - 2].whitespace_ \
                and not doc[m_start - 1].whitespace_:
            return False  # "Mazar-i-Sharif": a surname glued by hyphens to other words is part of a place's name
        return toks[-1].pos_ == "PROPN" and _ent_label(doc, m_end - 1) in ("PERSON", "", "ORG", "NORP", "GPE")
    if e.derived:  # "Farc" for FARC: only as an organisation's name, a whole entity of its own
        return doc[m_start].ent_type_ == "ORG" and doc[m_start].ent_iob_ == "B" and not (
            m_end < len(doc) and doc[m_end].ent_iob_ == "I")
    if e.kind in ("region", "region_adjective"):
        # "the West", never "Kanye West": a name marked so names its region only after "the"; nor a region's
        # words inside a longer name of a firm or a thing ("BP North America", "the Asian Games")
        return _ent_label(doc, m_start) != "PERSON" and not _inside_longer_name(doc, m_start, m_end) and (
            not e.ambiguous or (m_start > 0 and doc[m_start - 1].lower_ == "the"))
    if e.ambiguous:
        label = _ent_label(doc, m_start)
        if e.kind == "group" and m_end < len(doc) and doc[m_end].lower_ in ARMED_HEADS | GROUP_FORCES:
            return True  # "Houthi forces", "Shabaab fighters": the group's name before its fighters is the group
        if e.kind == "group" and _shared_group_word(doc, m_start, m_end):
            return True  # "Maoists" untagged: kept if the text names the group's country (see _compose)
        return label in ("GPE", "NORP", "ORG", "LOC") or _acronym_in_cased_text(doc, m_start, m_end) or (
            _agency_title_in_cased_text(doc, m_start, m_end, e)) or (
            e.kind in ("country", "capital") and _listed_with_places(doc, m_start, m_end))
    if e.kind in ("country", "capital", "metonym", "igo", "group", "demonym", "adjective"):
        # a group name of two words or more outweighs the NER ("Boko Haram" is often tagged PERSON)
        # as is a country or capital of two words or more ("Sri Lanka" tagged PERSON), or one tagged as a
        # person of one word alone ("Nepal has tightened borders", "a car bomb in Kiev"): the names that are
        # also people's ("Jordan", "Chad", "Victoria") are marked ambiguous and judged above; a country's name
        # inside a longer person's name ("Madhav Kumar Nepal") stays the person's
        return (_ent_label(doc, m_start) != "PERSON" or e.kind in ("adjective", "igo")
                or (e.kind in ("group", "country", "capital") and m_end - m_start > 1)
                # "the Houthis", "the Taliban": one word after "the" is the group, whatever the tagger says
                or (e.kind == "group" and m_start > 0 and doc[m_start - 1].lower_ == "the")
                or (e.kind in ("country", "capital") and _lone_person_tag(doc, m_start)))


def _shared_group_word(doc, m_start: int, m_end: int) -> bool:
    """A capitalised plural that several countries' movements go by ("Maoists", "Maoist rebels"), not an
    acronym ("RSF" is a press freedom group too): a name of a group, of the country the text names."""
    last = doc[m_end - 1]
    return last.tag_ in ("NNS", "NNPS") and last.text[:1].isupper() and not last.text.isupper() \
        and _ent_label(doc, m_start) in ("", "PERSON", "NORP")


def _listed_with_places(doc, m_start: int, m_end: int) -> bool:
    """A one-word name joined by "and" or a comma to places the recogniser tagged as such ("Sudan, Chad and
    Niger", "Niger and Mali"): a country in a list of countries, not a person or a river."""
    if m_end - m_start != 1:
        return False
    tok = doc[m_start]
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == tok.i and not any(c.dep_ == "conj" for c in tok.children):
        return False
    members = [first, *[t for t in first.subtree if t.dep_ == "conj" and t.i != first.i]]
    return any(t.i != tok.i and t.ent_type_ == "GPE" and t.pos_ == "PROPN" for t in members)


_NAME_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "PERSON"})


def _inside_longer_name(doc, m_start: int, m_end: int) -> bool:
    """The tokens are part of a longer named entity of a firm, a building, a product or an event that runs
    on before or after them ("BP North America", "Western Digital Corp")."""
    before = doc[m_start].ent_iob_ == "I" and doc[m_start].ent_type_ in _NAME_LABELS
    after = m_end < len(doc) and doc[m_end].ent_iob_ == "I" and doc[m_end].ent_type_ in _NAME_LABELS
    return before or after


def _acronym_in_cased_text(doc, m_start: int, m_end: int) -> bool:
    """An ambiguous acronym ("ICE", "CBI") written in capitals in a sentence that is not, heading a noun
    phrase of its own ("ICE returned the paintings", "agents of ICE"): a name, though the recogniser missed it.
    In a headline or a shouted line capitals say nothing; as a modifier ("ICE futures") it is left alone."""
    if m_end - m_start != 1:
        return False
    tok = doc[m_start]
    if len(tok.text) < 3 or not tok.text.isalpha() or not tok.text.isupper() or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return False
    sent = tok.sent
    return sum(1 for t in sent if t.is_alpha and t.is_lower) >= 4 and not tok.is_sent_start or (
        tok.is_sent_start and sum(1 for t in sent if t.is_alpha and t.is_lower) >= 6
        and not all(t.text[:1].isupper() for t in sent if t.is_alpha and len(t.text) > 3))


def _agency_title_in_cased_text(doc, m_start: int, m_end: int, e: Entry) -> bool:
    """A police, court or intelligence body's title of several words, all capitalised in a sentence that is not
    ("The Anti-Corruption Commission filed a case"), is a name though the recogniser missed it; which country's
    body it is the text decides (:func:`_compose`)."""
    toks = [t for t in doc[m_start:m_end] if t.is_alpha]
    if e.kind != "group" or e.role not in ("COP", "JUD", "SPY") or len(toks) < 2 or any(
            not t.text[:1].isupper() or t.text.isupper() for t in toks):
        return False
    return sum(1 for t in doc[m_start].sent if t.is_alpha and t.is_lower) >= 4


def _lone_person_tag(doc, i: int) -> bool:
    """The token is tagged a PERSON entity all by itself."""
    return doc[i].ent_iob_ == "B" and not (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I")
    return True


def _raw_matches(doc, ad: ActorDictionary, pub: dt.date | None) -> list[_Match]:
    words = column(doc, "ORTH")
    lemmas = [w.lower() for w in column(doc, "LEMMA")]
    skip = [a or b for a, b in zip(column(doc, "IS_SPACE"), column(doc, "IS_PUNCT"), strict=True)]
    out: list[_Match] = []
    i = 0
    n = len(words)
    while i < n:
        if skip[i]:
            i += 1
            continue
        hit = ad.match_at(words, i, lemmas)
        if hit is None:
            i += 1
            continue
        end, ents = hit
        ents = [e for e in ents if _active(e, pub) and _plausible(doc, i, end, e)]  # dated leaders and group periods
        if not ents:
            i += 1
            continue
        root = _span_root(doc, i, end)
        country = any(e.kind in ("country", "adjective", "demonym", "region", "region_adjective") for e in ents)
        out.append(_Match(i, end, ents, _phrase_head(doc, root, ad.sector_words, country)))
        i = end
    return out


# --------------------------------------------------------------------------------------------------
# Composition and resolution


# Head nouns that make a party's name its armed wing's: "Maoist rebels", "FARC guerrillas".
ARMED_HEADS = frozenset({"rebels", "rebel", "insurgents", "guerrillas", "guerillas", "militants", "fighters"})


# More heads of a group's fighters than ARMED_HEADS ("Houthi forces", "Shabaab militiamen").
GROUP_FORCES = frozenset({"forces", "militiamen", "gunmen", "militia", "militias", "jihadists", "insurgents"})


# Sectors of a state's bodies that a leader's name can stand before ("the Assad regime", "Gaddafi forces").
LEADER_BODY_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})


def _pick_leader(ents: list[Entry], countries: Counter) -> Entry | None:
    leaders = [e for e in ents if e.kind == "leader"]
    if not leaders:
        return None
    leaders.sort(key=lambda e: (-countries.get(e.country or "", 0), e.end is not None))
    best = leaders[0]
    if not countries.get(best.country or "", 0) and len({e.country or e.igo for e in leaders}) > 1 and best.end is not None:
        return None  # an undated name held in several countries and none of them in the text: ambiguous
    return best


def _coordinated_names(doc, ms: list[_Match], head: int, role: str | None, igo_codes: dict[str, str]) -> list[Mention]:
    """Two names before one head noun, joined by "and" ("UK and EU negotiators", "EU and Turkish officials"):
    a mention for each, with the head's sector."""
    names = sorted((m for m in ms if not (m.start <= head < m.end)), key=lambda m: m.start)
    if len(names) < 2 or not any(doc[i].lower_ in ("and", "&") for i in range(names[0].end, names[-1].start)):
        return []
    out: list[Mention] = []
    for n, m in enumerate(names):
        e = next((e for e in m.entries if e.kind == "igo" or (e.kind in ("country", "adjective") and e.country)), None)
        if e is None:
            return []
        name = f"{doc[m.start:m.end].text} {doc[head].text}"
        if e.kind == "igo":
            actor = _igo_actor(name, e, role if role != "GOV" else e.role, igo_codes)
        else:
            actor = Actor(name=name, code=e.country + (role or ""), country=e.country, role=role)
        out.append(_mk(doc, m.start, head + 1, head, actor, "dictionary" + ("+coordinated" if n else "")))
    return out


def _igo_actor(name: str, e: Entry, role: str | None, igo_codes: dict[str, str]) -> Actor:
    code = e.code or igo_codes.get(e.igo or "", "IGO")
    return Actor(name=name, code=code, country=None, igo=e.igo, role=role or e.role)


def find_mentions(doc, actors: ActorDictionary, pub: dt.date | None,
                  place_country: Callable[..., str | None] | None = None) -> list[Mention]:
    """All actor mentions in ``doc``, resolved to codes, in text order.

    Beyond the dictionaries, every named entity that can act or be acted on (a person, an organisation,
    a people, a place) becomes a mention too, known or not: ``place_country`` (a gazetteer lookup, name →
    ISO3) gives cities and provinces their country; see :func:`_named_entities`.
    """
    # a dateline ("CAIRO --", "THE HAGUE, Netherlands --", "KABUL (Pajhwok) :") says where the story is set,
    # never who acts: its places are not actors (nor part of the first actor's phrase, "Harare, Zimbabwe -
    # Zimbabwe's opposition leader ..."), its country counts as the article's
    line_end, line_country = dateline(doc.text, place_country)
    # "Iran-backed militias", "U.S.-trained forces": the backer is not the country of what it backs
    matches = [m for m in _raw_matches(doc, actors, pub)
               if not _backer(doc, m.end) and not _stance(doc, m.start) and doc[m.start].idx >= line_end]
    country_counts: Counter = Counter(
        e.country for m in matches for e in m.entries if e.kind in ("country", "adjective", "capital", "demonym") and e.country
    )
    igo_codes = {e.igo: e.code for m in matches for e in m.entries if e.kind == "igo" and e.igo and e.code}
    groups: dict[int, list[_Match]] = defaultdict(list)
    covered = {i for m in matches for i in range(m.start, m.end)}
    for m in matches:
        root = _span_root(doc, m.start, m.end)
        if (m.head not in covered and doc[m.head].pos_ == "NOUN" and doc[root].pos_ == "NOUN"
                and doc[m.head].ent_type_ not in ("PERSON", "ORG", "NORP")):
            # "a court ruling", "the government's policy", "an army statement": the actor is the
            # modifier, not the thing it modifies
            m = _Match(m.start, m.end, m.entries, root)
        groups[m.head].append(m)
    join_country_forces(doc, groups)

    if line_country:
        country_counts[line_country] += 2
    group_counts = country_counts
    if place_country is not None and any(len({e.country for e in m.entries if e.kind == "group"}) > 1
                                         or any(e.kind == "group" and e.ambiguous for e in m.entries) for m in matches):
        # a group name several countries' groups bear: the places the text names count for its choice too
        group_counts = country_counts + Counter(
            c for e in doc.ents if e.label_ in ("GPE", "LOC") and (c := place_country(e.text)) is not None)
    mentions: list[Mention] = []
    for head, ms in sorted(groups.items()):
        mentions += _compose(doc, head, ms, group_counts, igo_codes, actors)
    mentions += [m for m in _named_entities(doc, mentions, place_country)
                 if not _backer(doc, m.token_end) and not _stance(doc, m.token_start)]
    mentions += [m for m in _untagged_names(doc, mentions) if not _backer(doc, m.token_end)]
    mentions += _modifier_places(doc, mentions, place_country)
    mentions += _untagged_places(doc, mentions, place_country)
    mentions = _defined_acronyms(doc, mentions)
    if line_end:
        mentions = [m for m in mentions if m.start >= line_end]
    mentions = _resolve_appositions(doc, mentions)
    mentions = _resolve_references(doc, mentions, country_counts, line_country)
    # "opposition leader Maulana X" where only the sentence gave the title its country: the name follows,
    # though not a bare "president" or "chairman" placed so (in business news mostly a company's)
    mentions = _resolve_appositions(doc, mentions, later=True)
    return sorted(mentions, key=lambda m: (m.start, m.head))


def _compose(doc, head: int, ms: list[_Match], countries: Counter, igo_codes: dict[str, str],
             ad: ActorDictionary | None = None) -> list[Mention]:
    """One noun phrase's dictionary hits → zero or more mentions (several when coordinated)."""
    start = min(m.start for m in ms)
    end = max(m.end for m in ms)
    head_tok = doc[head]
    # Extend the phrase to the full name of a person ("Ibrahim Raisi") and its left modifiers.
    left = min([start] + [t.i for t in head_tok.lefts if t.dep_ in MODIFIER_DEPS - {"det"} and t.i >= start - 4])
    start, end = min(start, left), max(end, head + 1)
    roles = [e.role for m in ms for e in m.entries if e.kind == "sector"]
    head_role = next((e.role for m in ms for e in m.entries if e.kind == "sector" and m.start <= head < m.end), None)
    role = head_role or (roles[-1] if roles else None)
    generic = any(e.kind == "generic" for m in ms for e in m.entries)
    text = doc[start:end].text
    person = head_tok.ent_type_ == "PERSON" or (head_tok.pos_ == "PROPN" and bool(roles) and head_tok.ent_type_ in ("", "PERSON"))
    name = _person_name(doc, head) if person else text

    entries = [e for m in ms for e in m.entries]
    # "NATO Secretary General Jens Stoltenberg": an office of the organisation the phrase names wins over
    # the person's other offices (his Norwegian premiership) whatever countries the text names
    in_igo = {e.igo for e in entries if e.kind == "igo" and e.igo}
    if in_igo and any(e.kind == "leader" and e.igo in in_igo for e in entries):
        entries = [e for e in entries if e.kind != "leader" or e.igo in in_igo]
    leader = _pick_leader(entries, countries)
    named = {e.country for m in ms for e in m.entries if e.kind in ("country", "adjective", "demonym") and e.country}
    if leader is not None and named and leader.country not in named:
        leader = None  # "Georgian President Eduard Shevardnadze": the title's country beats an older office
    if leader is not None:
        # the name as the text gives it when the dictionary's is not there ("King Salman", not "Salman bin Abdulaziz")
        said = {w.lower() for w in re.findall(r"\w+", doc[head].sent.text)}
        shown = leader.name if all(w.lower() in said for w in re.findall(r"\w+", leader.name)) else (
            _person_name(doc, head) if doc[head].pos_ == "PROPN" else leader.name)
        leader = replace(leader, name=shown) if shown != leader.name else leader
        if (head_role in LEADER_BODY_ROLES and leader.country and doc[head].pos_ == "NOUN"
                and not any(m.start <= head < m.end for m in ms for e in m.entries if e.kind == "leader")):
            # "the Assad regime", "the Maduro government", "Gaddafi forces": the state the leader runs, in the
            # head noun's sector, not the person (nor another holder of the name when the text is undated)
            actor = Actor(name=_surface(text, leader.name), code=leader.country + head_role, country=leader.country, role=head_role)
            return [_mk(doc, start, end, head, actor, "dictionary")]
        if leader.igo:
            actor = Actor(name=leader.name, code=igo_codes.get(leader.igo) or leader.code or "IGO", igo=leader.igo, role=leader.role)
        elif "OPP" in roles and leader.role != "OPP" and leader.country:
            # "opposition leader Raila Odinga": the title the text gives beats an office held at another time
            actor = Actor(name=leader.name, code=leader.country + "OPP", country=leader.country, role="OPP")
        else:
            actor = Actor(name=leader.name, code=leader.code, country=leader.country, role=leader.role)
        return [_mk(doc, start, end, head, actor, "leader")]

    igos = [e for m in ms for e in m.entries if e.kind == "igo"]
    head_is_country = any(e.kind == "country" and m.start <= head < m.end for m in ms for e in m.entries)
    if igos and not head_is_country and (pair := _coordinated_names(doc, ms, head, role, igo_codes)):
        return pair  # "UK and EU negotiators": the UK's and the EU's
    if igos and not head_is_country:  # "NATO-member Norway" is Norway
        # the name as the text gives it ("SADC", "a UN human rights expert"); the code says which body it is
        return [_mk(doc, start, end, head, _igo_actor(_surface(text, igos[0].name), igos[0], role if role != "GOV" else igos[0].role, igo_codes), "dictionary")]
    grp = [e for m in ms for e in m.entries if e.kind == "group"]
    if grp:
        # a name several countries' groups bear is the one of the country the text is about ("Maoist
        # rebels" near Gadchiroli are India's); else the dictionary's first
        g = max(grp, key=lambda e: countries.get(e.country or "", 0))
        if g.ambiguous and not countries.get(g.country or "", 0) and _shared_group_word(doc, start, end) \
                and _ent_label(doc, start) not in ("NORP",):
            return []  # "Maoists" in a text that names neither India nor Nepal: whose is unknown
        if (head_role == "REB" or doc[head].lower_ in ARMED_HEADS) and g.role in ("PTY", "OPP") and g.country:
            # "Farc rebels" after the FARC became a party: the people the text calls rebels are rebels
            g = replace(g, code=g.country + "REB", role="REB")
        return [_mk(doc, start, end, head, Actor(name=_surface(text, g.name), code=g.code, country=g.country, role=g.role), "dictionary")]

    out: list[Mention] = []
    own: list[tuple[int, int]] = []  # each mention's own name span
    modifiers: list[Mention] = []
    seen: set[str] = set()
    for m in ms:
        for e in m.entries:
            if e.kind not in ("country", "adjective", "demonym", "capital", "metonym") or e.country in seen:
                continue
            # An adjective alone ("Iranian oil") is not an actor; with a sector noun or a person it is.
            # Nor is a name that only modifies a thing ("U.S. oil stocks", "Iran oil exports").
            modifies_thing = not (m.start <= head < m.end) and doc[head].pos_ == "NOUN"
            # "Iraqi Kurds", "Nigerian Igbos": a people named with its country's adjective is that country's
            people = head_tok.ent_type_ == "NORP" and head_tok.pos_ in NOUNS and not (m.start <= head < m.end)
            if (e.kind == "adjective" or modifies_thing) and not (roles or person or generic or people):
                # kept for nominal events ("an Israeli air strike"), never a clause's subject
                root = _span_root(doc, m.start, m.end)
                if any(x.token_start == m.start and x.actor.country == e.country for x in modifiers):
                    continue
                modifiers.append(_mk(doc, m.start, m.end, root, Actor(name=doc[m.start:m.end].text, code=e.country,
                                                                      country=e.country), "modifier"))
                continue
            seen.add(e.country or "")
            # a people of the country (CAMEO's ethnic sector): "Iraqi Kurds" are Iraq's, not the Iraqi state
            r = role or e.role or ("ETH" if people else None)
            actor = Actor(name=name if person else _country_phrase(doc, m, e, text),
                          code=(e.country or "") + (r or ""), country=e.country, role=r)
            how = "capital" if e.kind == "capital" else "dictionary"
            if len(seen) > 1:
                out.append(_mk(doc, m.start, m.end, head, actor, how + "+coordinated"))
            else:
                out.append(_mk(doc, start, end, head, actor, how))
            own.append((m.start, m.end))
            break
    if len(out) > 1 and not person and all(b <= head for _, b in own):
        # "Pakistan and Afghanistan's intelligence services", "Nigerian and British armed forces": each its own
        # name, not the whole phrase for the first (which read as an actor acting on itself)
        tail = " ".join(t.text for t in doc[max(b for _, b in own):end] if t.dep_ != "case") or doc[head].text
        out = [replace(x, actor=replace(x.actor, name=f"{doc[a:b].text} {tail}")) for x, (a, b) in zip(out, own, strict=True)]
    if out:
        return out
    if ad is not None and (region := _region_mention(doc, head, ms, ad)):
        return region
    if roles or (person and head_tok.ent_type_ == "PERSON"):
        actor = Actor(name=name, code=None, country=None, role=role)
        return [_mk(doc, start, end, head, actor, "unresolved")]
    if generic:
        return [_mk(doc, start, end, head, Actor(name=text, code=None), "generic")]
    return modifiers


def _region_mention(doc, head: int, ms: list[_Match], ad: ActorDictionary) -> list[Mention]:
    """Several countries named by their world region, where no country or organisation is named: the region's
    name as a noun phrase of its own ("the West condemned …", "Europe's leaders"), or its name or adjective
    before a noun that makes it countries ("Arab states", "Western powers": the region's code) or before a
    sector word of government, the military, parliaments or intelligence ("European leaders" EURGOV,
    "Western troops" WSTMIL). "European markets", "Asian stocks", "African swine fever" are no actors, nor is
    one place the region's word describes ("the Gulf state of Qatar")."""
    regions = [(m, e) for m in ms for e in m.entries if e.kind in ("region", "region_adjective")]
    if not regions:
        return []
    m, e = regions[0]
    tok = doc[head]
    own = m.start <= head < m.end and e.kind == "region"
    roles = [x.role for n in ms for x in n.entries if x.kind == "sector" and n.start <= head < n.end]
    role = roles[0] if roles else None
    if not own and tok.tag_ == "NN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return []  # "the Gulf state of Qatar", "the Western state of Rajasthan": one place, named after "of"
    if not own and not (role in ad.region_roles or (role is None and (
            tok.lower_ in ad.region_heads or tok.lemma_.lower() in ad.region_heads))):
        return []
    start = min([n.start for n in ms] + [t.i for t in tok.lefts if t.dep_ in MODIFIER_DEPS - {"det"} and t.i >= m.start - 4])
    end = max([n.end for n in ms] + [head + 1])
    name = _surface(doc[start:end].text, e.name)
    actor = Actor(name=name, code=(e.code or "") + (role or ""), role=role, region=e.code)
    return [_mk(doc, start, end, head, actor, "region")]


def _defined_acronyms(doc, mentions: list[Mention]) -> list[Mention]:
    """"the Oromo Liberation Front (OLF) ... the OLF said": an acronym the text defines after a known actor's
    name is that actor wherever else it stands alone, under its own name."""
    defined: dict[str, Actor] = {}
    for m in mentions:
        j = m.token_end
        if (m.actor.country or m.actor.igo) and j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            short = doc[j + 1].text
            initials = [t.text[0] for t in doc[m.token_start:m.token_end] if t.text[:1].isupper()]
            if ACRONYM.fullmatch(short) and short[0] in initials and short not in defined:
                defined[short] = m.actor
    if not defined:
        return mentions
    out = []
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    for m in mentions:
        actor = defined.get(doc[m.token_start:m.token_end].text) if m.token_end - m.token_start == 1 else None
        if actor is not None and not (m.actor.country or m.actor.igo):
            m = replace(m, actor=replace(actor, name=doc[m.head].text), how="coreference")
        out.append(m)
    for tok in doc:  # "ICE" read as the common noun: the text has said what it is
        if tok.text in defined and tok.i not in covered and not (tok.i > 0 and doc[tok.i - 1].text == "("):
            out.append(_mk(doc, tok.i, tok.i + 1, tok.i, replace(defined[tok.text], name=tok.text), "coreference"))
    return sorted(out, key=lambda m: (m.start, m.head))


ACRONYM = re.compile(r"[A-Z][A-Za-z]?[A-Z][A-Z0-9&-]{0,6}")


def _surface(text: str, canonical: str) -> str:
    """The mention as written, without a leading article; the dictionary's name when that is too long."""
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) if words and len(text) < 80 else canonical


def _country_phrase(doc, m: _Match, e: Entry, text: str) -> str:
    return text if len(text) < 80 else doc[m.start : m.end].text


def _person_name(doc, head: int) -> str:
    tok = doc[head]
    if tok.ent_type_ == "PERSON":
        i, j = head, head + 1
        while i > 0 and doc[i - 1].ent_type_ == "PERSON" and doc[i - 1].ent_iob_ != "O" and doc[i].ent_iob_ != "B":
            i -= 1
        while j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
            j += 1
        return doc[i:j].text
    return tok.text


def _resolve_appositions(doc, mentions: list[Mention], later: bool = False) -> list[Mention]:
    """"Mohammad Javad Zarif, Iran's foreign minister," — the person takes the apposition's actor.

    ``later``: the pass after references, where a partner placed by its sentence alone ("domestic") gives
    its country only when its sector is not government's."""
    by_head = {m.head: m for m in mentions}
    out = []
    for m in mentions:
        tok = doc[m.head]
        # "Kenzo Oshima, the United Nations Emergency Relief Coordinator,": a place's name after a first name
        # with an office in apposition is a person's name (Oshima is also a Japanese island)
        named_like_place = (m.how == "place" and m.token_start > 0 and doc[m.token_start - 1].pos_ == "PROPN"
                            and doc[m.token_start - 1].dep_ in ("compound", "flat") and doc[m.token_start - 1].head.i == m.head
                            and not doc[m.token_start - 1].ent_type_)
        if (m.actor.country is None and m.actor.igo is None) or named_like_place:
            partners = [c.i for c in tok.children if c.dep_ == "appos"] + ([tok.head.i] if tok.dep_ == "appos" else [])
            for p in partners:
                other = by_head.get(p)
                if named_like_place and (other is None or doc[p].lower_ not in PERSON_ROLES_HINT | _OFFICE_WORDS):
                    continue
                if later and other is not None and other.how == "domestic" and other.actor.role == "GOV":
                    continue
                if other is not None and (other.actor.country or other.actor.igo):
                    a = other.actor
                    m = Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                                Actor(name=m.actor.name, code=a.code if not m.actor.role else _code(a, m.actor.role),
                                      country=a.country, igo=a.igo, role=m.actor.role or a.role), "apposition")
                    break
        out.append(m)
    return out


