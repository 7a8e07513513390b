"""Actors: mentions in a parsed article resolved to CAMEO-style actor codes.

The dictionaries are data (``accord/data/{countries,organizations,leaders,sectors}.yaml``, extended by
user files); this module only matches them against a spaCy ``Doc`` and composes what it finds:

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
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from accord import yamlio
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


class DictionaryError(ValueError):
    """A dictionary file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # country | adjective | demonym | capital | metonym | igo | group | leader | sector | generic
    name: str
    country: str | None = None
    igo: str | None = None
    code: str | None = None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    ambiguous: bool = False


@dataclass
class ActorDictionary:
    """Phrase index over all actor dictionaries: first token → [(token tuple, entries)], longest first."""

    index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = field(default_factory=dict)
    lower_index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # one-word sector terms ("cabinet", "ministry", "emir"): a possessive before one is the actor's
    # country ("Israel's cabinet"), not an actor of its own
    sector_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, extra: tuple[str, ...] | list[str] = ()) -> ActorDictionary:
        entries: list[tuple[str, Entry, bool]] = []  # (phrase, entry, case_sensitive)
        for name in ("countries.yaml", "organizations.yaml", "leaders.yaml", "leaders_world.yaml", "sectors.yaml"):
            res = resources.files("accord.data").joinpath(name)
            if res.is_file():
                entries += _entries_from(yamlio.load(res.read_text(encoding="utf-8")) or {}, name)
        # actor knowledge beyond the core files, one reviewable file per region or kind (accord/data/actors/)
        sub = resources.files("accord.data").joinpath("actors")
        if sub.is_dir():
            for res in sorted((r for r in sub.iterdir() if r.name.endswith(".yaml")), key=lambda r: r.name):
                entries += _entries_from(yamlio.load(res.read_text(encoding="utf-8")) or {}, f"actors/{res.name}")
        for path in extra:
            entries += _entries_from(_read_yaml(path), str(path))
        return cls.build(entries, sources=["accord/data"] + [str(p) for p in extra])

    @classmethod
    def build(cls, entries: list[tuple[str, Entry, bool]], sources: list[str] | None = None) -> ActorDictionary:
        cs: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        ci: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        for phrase, entry, case_sensitive in entries:
            toks = _phrase_tokens(phrase.strip())
            if not toks:
                continue
            if case_sensitive:
                cs[toks].append(entry)
            else:
                ci[tuple(t.lower() for t in toks)].append(entry)
        sector_words = frozenset(toks[0] for toks, ents in ci.items() if len(toks) == 1 and any(e.kind == "sector" for e in ents))
        return cls(index=_by_first(cs), lower_index=_by_first(ci), sources=sources or [], sector_words=sector_words)

    def match_at(self, words: list[str], i: int, lemmas: list[str] | None = None) -> tuple[int, list[Entry]] | None:
        """The longest dictionary phrase starting at token ``i``: (end, entries).

        Names match case-sensitively; sector words match in lower case, on the word or (for the last
        word of the phrase) its lemma, so "tanks" and "militiamen" need no plural entries.
        """
        first = words[i]
        if (first not in self.index and first.lower() not in self.lower_index
                and (lemmas is None or lemmas[i] not in self.lower_index)):
            return None  # the common case: no phrase starts with this word
        best: tuple[int, list[Entry]] | None = None
        for toks, ents in self.index.get(first, ()):
            n = len(toks)
            if tuple(words[i : i + n]) == toks:
                best = (i + n, ents)
                break  # lists are longest first
        low = [w.lower() for w in words[i : i + 6]]
        for toks, ents in self.lower_index.get(low[0], []) + self.lower_index.get((lemmas or low)[i if lemmas else 0], []):
            n = len(toks)
            cand = low[:n]
            alt = cand[:-1] + [lemmas[i + n - 1]] if lemmas and i + n - 1 < len(lemmas) else cand
            if (tuple(cand) == toks or tuple(alt) == toks) and (best is None or i + n > best[0]):
                best = (i + n, ents)
        return best


@cache
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A dictionary phrase as spaCy's English tokenizer splits it (as the parsed text will be split).
    Plain words ("Saudi Arabia") split at their spaces, unless one is a tokenizer special case ("cannot"):
    letters alone meet no prefix, suffix, infix or URL rule, so this is what the tokenizer would say."""
    if _PLAIN_WORDS.fullmatch(phrase):
        words = phrase.split(" ")
        special = _special_cases()
        if not any(w in special for w in words):
            return tuple(words)
    return tuple(t.text for t in _tokenizer()(phrase))


@cache
def _special_cases() -> frozenset[str]:
    return frozenset(_tokenizer().rules or {})


def _by_first(d: dict[tuple[str, ...], list[Entry]]) -> dict[str, list[tuple[tuple[str, ...], list[Entry]]]]:
    out: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = defaultdict(list)
    for toks, ents in d.items():
        out[toks[0]].append((toks, ents))
    for lst in out.values():
        lst.sort(key=lambda x: -len(x[0]))
    return dict(out)


def _read_yaml(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise DictionaryError(f"dictionary file not found: {p}")
    try:
        data = yamlio.load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{p}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DictionaryError(f"{p}: expected a mapping with keys such as countries, organizations, leaders, actors")
    return data


def _date(v: Any, where: str) -> dt.date | None:
    if v in (None, "", "null"):
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date {v!r} (want YYYY-MM-DD)") from exc


def _list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def _need(entry: dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(entry, dict) or not entry.get(key):
        raise DictionaryError(f"{where}: entry {entry!r} lacks required field {key!r}")
    return entry[key]


def _group_entries(g: dict[str, Any], where: str) -> list[Entry]:
    """One group's entries over time: its ``periods`` (a dated role and code, e.g. a party in
    government) and its own role and code for the time between and around them.

    The entries' date ranges do not overlap, so an article's date picks one (``_active``); the entry
    in force today comes first, which is what an undated article gets.
    """
    code = str(_need(g, "code", where))
    name, country, role = str(g.get("name") or code), g.get("country"), g.get("role")
    base = Entry("group", name, country=country, code=code, role=role)
    spans: list[Entry] = []
    for p in g.get("periods") or []:
        prole = str(_need(p, "role", f"{where}: {name} periods"))
        spans.append(Entry("group", name, country=country, role=prole,
                           code=str(p.get("code") or (country or "IMG") + prole),
                           start=_date(p.get("start"), where), end=_date(p.get("end"), where)))
    spans.sort(key=lambda e: e.start or dt.date.min)
    out: list[Entry] = []
    free: dt.date | None = None  # first day not yet covered (None: the open past)
    for i, e in enumerate(spans):
        if (e.start and e.end and e.start > e.end) or (i and (e.start is None or (free is not None and e.start < free))):
            raise DictionaryError(f"{where}: {name}: periods must be ordered and must not overlap ({e.start} to {e.end})")
        if e.start is not None and (free is None or free < e.start):
            out.append(replace(base, start=free, end=e.start - dt.timedelta(days=1)))
        out.append(e)
        if e.end is None:
            if i < len(spans) - 1:
                raise DictionaryError(f"{where}: {name}: only the last period may be open-ended")
            return sorted(out, key=lambda x: x.end is not None)
        free = e.end + dt.timedelta(days=1)
    out.append(replace(base, start=free))
    return sorted(out, key=lambda e: e.end is not None)  # today's entry first


def _entries_from(data: dict[str, Any], where: str) -> list[tuple[str, Entry, bool]]:
    """Turn one dictionary document into (phrase, Entry, case_sensitive) triples, validating as it goes."""
    out: list[tuple[str, Entry, bool]] = []
    for c in data.get("countries", []) or []:
        iso = str(_need(c, "iso3", where)).upper()
        if len(iso) != 3:
            raise DictionaryError(f"{where}: iso3 {iso!r} is not three letters")
        amb = set(_list(c.get("ambiguous")))
        name = c.get("name") or iso
        for n in _list(c.get("names")) + [name]:
            out.append((n, Entry("country", name, country=iso, code=iso, ambiguous=n in amb), True))
        for n in _list(c.get("adjectives")):
            out.append((n, Entry("adjective", name, country=iso, code=iso, ambiguous=n in amb), True))
        for n in _list(c.get("demonyms")):
            out.append((n, Entry("demonym", name, country=iso, code=iso, ambiguous=n in amb), True))
        for n in _list(c.get("capitals")):
            out.append((n, Entry("capital", n, country=iso, code=iso + "GOV", role="GOV", ambiguous=n in amb), True))
        for n, role in (c.get("metonyms") or {}).items():
            out.append((n, Entry("metonym", n, country=iso, code=iso + str(role), role=str(role)), True))
    for o in data.get("organizations", []) or []:
        code = str(_need(o, "code", where))
        igo = o.get("igo") or code
        amb = set(_list(o.get("ambiguous")))
        for n in _list(o.get("names")) + [o.get("name") or igo]:
            out.append((n, Entry("igo", o.get("name") or igo, igo=igo, code=code, role=o.get("role"),
                                 ambiguous=n in amb), True))
    for g in data.get("groups", []) or []:
        dated = _group_entries(g, where)
        amb = set(_list(g.get("ambiguous")))
        for n in dict.fromkeys(_list(g.get("names")) + [dated[0].name]):
            out += [(n, e if n not in amb else replace(e, ambiguous=True), True) for e in dated]
    for p in (data.get("leaders", []) or []) + (data.get("actors", []) or []):
        name = str(_need(p, "name", where))
        country, igo = p.get("country"), p.get("igo")
        role = p.get("role") or "GOV"
        code = p.get("code") or ((country or "") + role if country else None)
        if igo and not p.get("code"):
            code = None  # resolved against the organisation table at match time
        e = Entry("leader", name, country=country, igo=igo, code=code, role=role,
                  start=_date(p.get("start"), where), end=_date(p.get("end"), where))
        for n in {name, *_list(p.get("aliases"))}:
            out.append((n, e, True))
    sectors = data.get("sectors") or {}
    if not isinstance(sectors, dict):
        raise DictionaryError(f"{where}: 'sectors' must map a sector code to a list of words")
    for role, words in sectors.items():
        for w in _list(words):
            out.append((w, Entry("sector", w, role=str(role)), False))
    for w in _list(data.get("generic")):
        out.append((w, Entry("generic", w), False))
    return out


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


def _span_root(doc, start: int, end: int) -> int:
    for i in range(start, end):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return i
    return end - 1


def _phrase_head(doc, i: int, titles: frozenset[str] = frozenset()) -> int:
    """Climb from a modifier to the noun it modifies ("Iranian" → "President" → "Raisi")."""
    tok = doc[i]
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
        return toks[-1].pos_ in NOUNS or (e.kind == "sector" and toks[-1].pos_ == "ADJ" and toks[-1].lower_ in {"parliamentary"})
    if not toks[0].text[:1].isupper() and not toks[0].text[:1].isdigit():
        return False
    if e.kind == "leader":
        return toks[-1].pos_ == "PROPN" and _ent_label(doc, m_end - 1) in ("PERSON", "", "ORG", "NORP", "GPE")
    if e.ambiguous:
        label = _ent_label(doc, m_start)
        return label in ("GPE", "NORP", "ORG", "LOC")
    if e.kind in ("country", "capital", "metonym", "igo", "group", "demonym", "adjective"):
        # a group name of two words or more outweighs the NER ("Boko Haram" is often tagged PERSON)
        return _ent_label(doc, m_start) != "PERSON" or e.kind in ("adjective", "igo") or (e.kind == "group" and m_end - m_start > 1)
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
        out.append(_Match(i, end, ents, _phrase_head(doc, root, ad.sector_words)))
        i = end
    return out


# --------------------------------------------------------------------------------------------------
# Composition and resolution


def _pick_leader(ents: list[Entry], countries: Counter) -> Entry | None:
    leaders = [e for e in ents if e.kind == "leader"]
    if not leaders:
        return None
    leaders.sort(key=lambda e: (-countries.get(e.country or "", 0), e.end is not None))
    best = leaders[0]
    if not countries.get(best.country or "", 0) and len({e.country or e.igo for e in leaders}) > 1 and best.end is not None:
        return None  # an undated name held in several countries and none of them in the text: ambiguous
    return best


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
    matches = _raw_matches(doc, actors, pub)
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

    # a dateline ("CAIRO --", "THE HAGUE, Netherlands --", "KABUL (Pajhwok) :") says where the story is set,
    # never who acts: its places are not actors, its country counts as the article's
    line_end, line_country = dateline(doc.text, place_country)
    if line_country:
        country_counts[line_country] += 2
    mentions: list[Mention] = []
    for head, ms in sorted(groups.items()):
        mentions += _compose(doc, head, ms, country_counts, igo_codes)
    mentions += _named_entities(doc, mentions, place_country)
    if line_end:
        mentions = [m for m in mentions if m.start >= line_end]
    mentions = _resolve_appositions(doc, mentions)
    mentions = _resolve_references(doc, mentions, country_counts, line_country)
    return sorted(mentions, key=lambda m: (m.start, m.head))


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
        if leader.igo:
            actor = Actor(name=leader.name, code=igo_codes.get(leader.igo) or leader.code or "IGO", igo=leader.igo, role=leader.role)
        else:
            actor = Actor(name=leader.name, code=leader.code, country=leader.country, role=leader.role)
        return [_mk(doc, start, end, head, actor, "leader")]

    igos = [e for m in ms for e in m.entries if e.kind == "igo"]
    head_is_country = any(e.kind == "country" and m.start <= head < m.end for m in ms for e in m.entries)
    if igos and not head_is_country:  # "NATO-member Norway" is Norway
        # the name as the text gives it ("SADC", "a UN human rights expert"); the code says which body it is
        return [_mk(doc, start, end, head, _igo_actor(_surface(text, igos[0].name), igos[0], role if role != "GOV" else igos[0].role, igo_codes), "dictionary")]
    grp = [e for m in ms for e in m.entries if e.kind == "group"]
    if grp:
        g = grp[0]
        return [_mk(doc, start, end, head, Actor(name=_surface(text, g.name), code=g.code, country=g.country, role=g.role), "dictionary")]

    out: list[Mention] = []
    modifiers: list[Mention] = []
    seen: set[str] = set()
    for m in ms:
        for e in m.entries:
            if e.kind not in ("country", "adjective", "demonym", "capital", "metonym") or e.country in seen:
                continue
            # An adjective alone ("Iranian oil") is not an actor; with a sector noun or a person it is.
            # Nor is a name that only modifies a thing ("U.S. oil stocks", "Iran oil exports").
            modifies_thing = not (m.start <= head < m.end) and doc[head].pos_ == "NOUN"
            if (e.kind == "adjective" or modifies_thing) and not (roles or person or generic):
                # kept for nominal events ("an Israeli air strike"), never a clause's subject
                root = _span_root(doc, m.start, m.end)
                if any(x.token_start == m.start and x.actor.country == e.country for x in modifiers):
                    continue
                modifiers.append(_mk(doc, m.start, m.end, root, Actor(name=doc[m.start:m.end].text, code=e.country,
                                                                      country=e.country), "modifier"))
                continue
            seen.add(e.country or "")
            r = role or e.role
            actor = Actor(name=name if person else _country_phrase(doc, m, e, text),
                          code=(e.country or "") + (r or ""), country=e.country, role=r)
            how = "capital" if e.kind == "capital" else "dictionary"
            if len(seen) > 1:
                out.append(_mk(doc, m.start, m.end, head, actor, how + "+coordinated"))
            else:
                out.append(_mk(doc, start, end, head, actor, how))
            break
    if out:
        return out
    if roles or (person and head_tok.ent_type_ == "PERSON"):
        actor = Actor(name=name, code=None, country=None, role=role)
        return [_mk(doc, start, end, head, actor, "unresolved")]
    if generic:
        return [_mk(doc, start, end, head, Actor(name=text, code=None), "generic")]
    return modifiers


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


def _mk(doc, start: int, end: int, head: int, actor: Actor, how: str) -> Mention:
    return Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end, head, actor, how)


def _resolve_appositions(doc, mentions: list[Mention]) -> list[Mention]:
    """"Mohammad Javad Zarif, Iran's foreign minister," — the person takes the apposition's actor."""
    by_head = {m.head: m for m in mentions}
    out = []
    for m in mentions:
        if m.actor.country is None and m.actor.igo is None:
            tok = doc[m.head]
            partners = [c.i for c in tok.children if c.dep_ == "appos"] + ([tok.head.i] if tok.dep_ == "appos" else [])
            for p in partners:
                other = by_head.get(p)
                if other is not None and (other.actor.country or other.actor.igo):
                    a = other.actor
                    m = Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                                Actor(name=m.actor.name, code=a.code if not m.actor.role else _code(a, m.actor.role),
                                      country=a.country, igo=a.igo, role=m.actor.role or a.role), "apposition")
                    break
        out.append(m)
    return out


def _code(a: Actor, role: str | None) -> str | None:
    if a.country:
        return a.country + (role or "")
    return a.code


def _is_persony(m: Mention) -> bool:
    return m.how in ("leader", "apposition") or (m.actor.name[:1].isupper() and " " in m.actor.name and m.actor.role == "GOV"
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
        elif m.how == "unresolved" and a.role and (place := _located_in(doc, m, mentions_iter)) is not None:
            # "Rebels in the Ivory Coast", "Demonstrators in Baghdad": the place gives the country
            m = Mention(m.start, m.end, m.token_start, m.token_end, m.head,
                        Actor(name=a.name, code=place + a.role, country=place, role=a.role), "located")
        elif m.how == "unresolved" and a.role and doc[m.head].pos_ == "NOUN" and doc[m.head].lower_ in PERSON_ROLES_HINT:
            ref = next((p for p in reversed(persons) if p.actor.role == a.role and p.actor.country), None)
            if ref is not None:
                m = Mention(m.start, m.end, m.token_start, m.token_end, m.head, ref.actor, "coreference")
        if m.how == "dictionary" and a.country and not a.role and any(
                doc[i].lower_ == "ethnic" for i in range(max(0, m.token_start - 1), m.head)):
            # "ethnic Albanians in southern Serbia": a minority of the country they live in (sector ETH)
            home = _home_country(doc, m, mentions_iter, countries)
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
    subjects = [p for p in prev[-3:] if doc[p.head].dep_ in ("nsubj", "nsubjpass")]
    return (subjects or prev)[-1]


def _located_in(doc, m: Mention, resolved: list[Mention]) -> str | None:
    """The country of a place the mention is said to be in ("rebels in the Ivory Coast")."""
    for c in doc[m.head].children:
        if c.dep_ == "prep" and c.lower_ in ("in", "from", "inside", "throughout", "across", "of"):
            for p in c.children:
                if p.dep_ == "pobj":
                    for r in resolved:
                        if r.token_start <= p.i < r.token_end and r.actor.country and not r.actor.role:
                            return r.actor.country
                        if r.head == p.i and r.actor.country and r.how == "capital":
                            return r.actor.country
    return None


# Prepositions whose object is someone acted on or dealt with, not where the sentence is set.
_RELATIONAL_PREPS = {"against", "with", "to", "toward", "towards", "on", "into", "from", "by", "for", "between", "over"}
_LOCATIVE_PREPS = {"in", "inside", "throughout", "across", "at", "near", "outside"}


def _home_country(doc, m: Mention, resolved: list[Mention], countries: Counter, setting: str | None = None) -> str | None:
    """The country a sector-only mention belongs to when the text names just one setting for it.

    Evidence in the mention's sentence: countries named as places ("in Zimbabwe"), as modifiers or
    possessors ("Egyptian police", "Sudan's government") or as subjects — not countries acted on
    ("against Israel", "to Iraq"). One such country → it. None in the sentence → the article's dominant
    country, when one country has at least two mentions and twice as many as any other. A named person
    inherits only a place ("in Zimbabwe"), never an actor the sentence is about.
    """
    sent = doc[m.head].sent
    person = doc[m.head].ent_type_ == "PERSON" or doc[m.head].pos_ == "PROPN"
    if any(doc[i].pos_ == "PROPN" and doc[i].ent_type_ == "ORG" for i in range(m.token_start, m.head)):
        return None  # "the Mannesmann spokesman", "ICN officials": an organisation's people, not a state's
    found: set[str] = set()
    for r in resolved:
        if r is m or not r.actor.country or not (sent.start <= r.head < sent.end) or r.how == "unresolved":
            continue
        tok = doc[r.head]
        for _ in range(4):  # "attacked Iraqi positions": judge the adjective by the noun it modifies
            if tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.i != tok.i:
                tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS:
            found.add(r.actor.country)
        elif person:
            continue
        elif tok.dep_ in ("dobj", "dative") or (tok.dep_ == "pobj" and tok.head.lower_ in _RELATIONAL_PREPS):
            continue
        else:
            found.add(r.actor.country)
    if len(found) == 1:
        return next(iter(found))
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
    prev = [r for r in cands if r.token_start < sent.start and doc[r.head].dep_ in ("nsubj", "nsubjpass")
            and (plural or not _is_persony(r))]
    if prev and doc[prev[-1].head].sent.end >= sent.start - 1 and prev[-1].token_start >= _prev_sent_start(doc, sent):
        return prev[-1]
    return None


def _prev_sent_start(doc, sent) -> int:
    if sent.start == 0:
        return 0
    return doc[sent.start - 1].sent.start


# --------------------------------------------------------------------------------------------------
# Named entities beyond the dictionaries

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
      the sentence or article it is set in (as for "the police", see :func:`_home_country`);
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
        if m.actor.country or m.actor.igo:
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
            country = place_country(text) if place_country else None
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
