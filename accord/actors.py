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
   "his Russian counterpart", "he", and "both countries" / "the two sides" (the dyad in focus).
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
from accord.entities import _mk, _named_entities, _span_root, _untagged_names, dateline
from accord.nlp import column
from accord.types import FIRST_PERSON, Actor, Mention

NOUNS = {"NOUN", "PROPN"}
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "flat", "nummod", "det", "case"}
PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
THING_PRONOUNS = {"it", "its", "they", "their", "them"}
DYAD_PHRASES = {("both", "countries"), ("both", "sides"), ("two", "countries"), ("two", "sides"),
                ("both", "nations"), ("two", "nations"), ("two", "governments"), ("both", "governments")}
# Roles that make a mention a person-like actor (a pronoun "he" may refer back to it).
PERSON_ROLES_HINT = {"president", "minister", "leader", "king", "premier", "chancellor", "secretary",
                     "spokesman", "spokeswoman", "envoy", "ambassador", "counterpart", "emir", "prince"}


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
        return toks[-1].pos_ in NOUNS or (e.kind == "sector" and toks[-1].pos_ == "ADJ" and (
            toks[-1].lower_ in {"parliamentary"} or (len(toks) > 2 and toks[-2].text == "-")))  # "attorney-general"
    if not toks[0].text[:1].isupper() and not toks[0].text[:1].isdigit():
        return False
    if e.kind == "leader":
        return toks[-1].pos_ == "PROPN" and _ent_label(doc, m_end - 1) in ("PERSON", "", "ORG", "NORP", "GPE")
    if e.derived:  # "Farc" for FARC: only as an organisation's name, a whole entity of its own
        return doc[m_start].ent_type_ == "ORG" and doc[m_start].ent_iob_ == "B" and not (
            m_end < len(doc) and doc[m_end].ent_iob_ == "I")
    if e.ambiguous:
        label = _ent_label(doc, m_start)
        return label in ("GPE", "NORP", "ORG", "LOC")
    if e.kind in ("country", "capital", "metonym", "igo", "group", "demonym", "adjective"):
        # a group name of two words or more outweighs the NER ("Boko Haram" is often tagged PERSON)
        # as is a country or capital of two words or more ("Sri Lanka" tagged PERSON), or one tagged as a
        # person of one word alone ("Nepal has tightened borders", "a car bomb in Kiev"): the names that are
        # also people's ("Jordan", "Chad", "Victoria") are marked ambiguous and judged above; a country's name
        # inside a longer person's name ("Madhav Kumar Nepal") stays the person's
        return (_ent_label(doc, m_start) != "PERSON" or e.kind in ("adjective", "igo")
                or (e.kind in ("group", "country", "capital") and m_end - m_start > 1)
                or (e.kind in ("country", "capital") and _lone_person_tag(doc, m_start)))


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
        country = any(e.kind in ("country", "adjective", "demonym") for e in ents)
        out.append(_Match(i, end, ents, _phrase_head(doc, root, ad.sector_words, country)))
        i = end
    return out


# --------------------------------------------------------------------------------------------------
# Composition and resolution


# Head nouns that make a party's name its armed wing's: "Maoist rebels", "FARC guerrillas".
ARMED_HEADS = frozenset({"rebels", "rebel", "insurgents", "guerrillas", "guerillas", "militants", "fighters"})


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

    if line_country:
        country_counts[line_country] += 2
    group_counts = country_counts
    if place_country is not None and any(len({e.country for e in m.entries if e.kind == "group"}) > 1 for m in matches):
        # a group name several countries' groups bear: the places the text names count for its choice too
        group_counts = country_counts + Counter(
            c for e in doc.ents if e.label_ in ("GPE", "LOC") and (c := place_country(e.text)) is not None)
    mentions: list[Mention] = []
    for head, ms in sorted(groups.items()):
        mentions += _compose(doc, head, ms, group_counts, igo_codes)
    mentions += [m for m in _named_entities(doc, mentions, place_country)
                 if not _backer(doc, m.token_end) and not _stance(doc, m.token_start)]
    mentions += [m for m in _untagged_names(doc, mentions) if not _backer(doc, m.token_end)]
    mentions = _defined_acronyms(doc, mentions)
    if line_end:
        mentions = [m for m in mentions if m.start >= line_end]
    mentions = _resolve_appositions(doc, mentions)
    mentions = _resolve_references(doc, mentions, country_counts, line_country)
    # "opposition leader Maulana X" where only the sentence gave the title its country: the name follows,
    # though not a bare "president" or "chairman" placed so (in business news mostly a company's)
    mentions = _resolve_appositions(doc, mentions, later=True)
    return sorted(mentions, key=lambda m: (m.start, m.head))


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


def _compose(doc, head: int, ms: list[_Match], countries: Counter, igo_codes: dict[str, str]) -> list[Mention]:
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
    if roles or (person and head_tok.ent_type_ == "PERSON"):
        actor = Actor(name=name, code=None, country=None, role=role)
        return [_mk(doc, start, end, head, actor, "unresolved")]
    if generic:
        return [_mk(doc, start, end, head, Actor(name=text, code=None), "generic")]
    return modifiers


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


# Head nouns of an office's title beyond PERSON_ROLES_HINT ("the UN Emergency Relief Coordinator").
_OFFICE_WORDS = frozenset({"coordinator", "commissioner", "representative", "director", "chief", "head", "rapporteur",
                           "negotiator", "mediator", "governor", "mayor", "general", "chairman", "chairwoman", "chair"})


def _code(a: Actor, role: str | None) -> str | None:
    if a.country:
        return a.country + (role or "")
    return a.code


def _is_persony(m: Mention) -> bool:
    # a named person of government ("Ibrahim Raisi"): capitalised to its last word ("Iran's government" is a body)
    return m.how in ("leader", "apposition") or (m.actor.name[:1].isupper() and " " in m.actor.name and m.actor.role == "GOV"
                                                 and m.actor.name.split()[-1][:1].isupper()
                                                 and not any(w.lower() in PERSON_ROLES_HINT for w in m.actor.name.split()[-1:]))


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
                owner_actor = Actor(name=a.name, code=_code(owner, a.role) if owner.country else owner.code,
                                    country=owner.country, igo=owner.igo,
                                    role=a.role if owner.country or a.role != "GOV" else owner.role)
            m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, owner_actor, "owner")
        elif m.how == "unresolved" and a.role and (place := _located_in(doc, m, mentions_iter)) is not None:
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


# Words that tie people to the actor they serve: "forces loyal to", "workers affiliated with", "fighters
# belonging to".
_ALLEGIANCE = frozenset({"loyal", "affiliated", "belonging", "answerable", "attached"})


def _owner(doc, m: Mention, resolved: list[Mention]) -> Actor | None:
    """The actor a sector mention with no country belongs to, when the text ties it to one: "forces loyal
    to President Assad" (Syria's), "workers affiliated with the Serbian Workers' Union", and an
    organisation of states the people come from or are of ("a mission from the OSCE", "officials of the
    EU"). Countries as places are :func:`_located_in`'s."""
    head = doc[m.head]
    objs: list[tuple[object, bool]] = []  # (pobj token, any actor may own it)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            objs += [(p, False) for p in c.children if p.dep_ == "pobj"]
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
            if r.actor.igo or (anyone and r.actor.country) or (member and r.actor.role in GROUP_ROLES):
                return r.actor
    return None


# People who speak or act for the body they are of: "leaders of Hamas", "members of the teachers union".
MEMBER_WORDS = frozenset({"leader", "member", "official", "spokesman", "spokeswoman", "spokesperson",
                          "representative", "delegate", "head", "chief", "activist", "fighter", "militant"})
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
    person = (doc[m.head].ent_type_ == "PERSON" or doc[m.head].pos_ == "PROPN") and doc[m.head].lower_ not in PERSON_ROLES_HINT
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
    cands = [r for r in resolved if r.end <= m.start and (r.actor.country or r.actor.igo) and r.how not in ("pronoun", "modifier")]
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
