"""Actor dictionaries: the country, organisation, group, leader and sector files read into a phrase index.

The dictionaries are data (``accord/data/{countries,organizations,leaders,sectors}.yaml`` and
``accord/data/actors/``, extended by user files); this module validates them into :class:`Entry` records
and indexes their phrases as spaCy's tokenizer splits them (:class:`ActorDictionary`), which
:mod:`accord.actors` matches against a parsed article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from accord import yamlio


class DictionaryError(ValueError):
    """A dictionary file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # country | adjective | demonym | capital | metonym | igo | group | leader | sector | generic
    #          | region | region_adjective (code: a CAMEO region code, EUR, WST, ARB)
    name: str
    country: str | None = None
    igo: str | None = None
    code: str | None = None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    ambiguous: bool = False
    # a form the dictionaries do not spell but derive ("Farc" from "FARC"): a name only where the NER says
    # it names an organisation
    derived: bool = False


@dataclass
class ActorDictionary:
    """Phrase index over all actor dictionaries: first token → [(token tuple, entries)], longest first."""

    index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = field(default_factory=dict)
    lower_index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # one-word sector terms ("cabinet", "ministry", "emir"): a possessive before one is the actor's
    # country ("Israel's cabinet"), not an actor of its own
    sector_words: frozenset[str] = frozenset()
    # nouns after which a region's adjective names several countries ("Arab states", "Western powers"), and
    # the sectors whose words do so ("European leaders" EURGOV, not "European farmers")
    region_heads: frozenset[str] = frozenset()
    region_roles: frozenset[str] = frozenset()

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
        heads: set[str] = set()
        region_roles: set[str] = set()
        for phrase, entry, case_sensitive in entries:
            if entry.kind in ("region_head", "region_role"):  # a rule of the region file, not a phrase to match
                (heads if entry.kind == "region_head" else region_roles).add(phrase.lower())
                continue
            toks = _phrase_tokens(phrase.strip())
            if not toks:
                continue
            if case_sensitive:
                cs[toks].append(entry)
            else:
                ci[tuple(t.lower() for t in toks)].append(entry)
        for toks, ents in list(cs.items()):
            # "Farc", "Nato", "Ecowas": many papers write an acronym of four letters or more as a word; that
            # form counts where the NER tags it an organisation ("a Dane" is no DANE, "Alba" no ALBA), never
            # over a name the dictionaries spell so themselves, nor for an acronym ambiguous already ("SIDE")
            word = toks[0]
            if len(toks) == 1 and len(word) >= 4 and word.isalpha() and word.isupper() and (word.title(),) not in cs:
                variant = [replace(e, derived=True) for e in ents if e.kind in ("igo", "group") and not e.ambiguous]
                if variant:
                    cs[(word.title(),)] = variant
        sector_words = frozenset(toks[0] for toks, ents in ci.items() if len(toks) == 1 and any(e.kind == "sector" for e in ents))
        return cls(index=_by_first(cs), lower_index=_by_first(ci), sources=sources or [], sector_words=sector_words,
                   region_heads=frozenset(heads), region_roles=frozenset(r.upper() for r in region_roles))

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

    from accord.nlp import keep_titles_whole

    tokenizer = spacy.blank("en").tokenizer
    keep_titles_whole(tokenizer)
    return tokenizer


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
    return out + _region_entries(data, where)


def _region_entries(data: dict[str, Any], where: str) -> list[tuple[str, Entry, bool]]:
    """A world-region file's regions (``accord/data/actors/world_regions.yaml``): each name and adjective an
    entry with the region's CAMEO code; a name ``with_article`` is marked ambiguous (it names the region only
    after "the"). Its ``heads`` and ``roles`` ride along as rule entries that :meth:`ActorDictionary.build`
    collects."""
    out: list[tuple[str, Entry, bool]] = []
    for r in data.get("regions", []) or []:
        code = str(_need(r, "code", where))
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise DictionaryError(f"{where}: region code {code!r} is not three capital letters")
        name = str(r.get("name") or code)
        article = set(_list(r.get("with_article")))
        for n in _list(r.get("names")):
            out.append((n, Entry("region", name, code=code, ambiguous=n in article), True))
        for n in _list(r.get("adjectives")):
            out.append((n, Entry("region_adjective", name, code=code), True))
    out += [(w, Entry("region_head", w), False) for w in _list(data.get("heads"))] if data.get("regions") else []
    out += [(w, Entry("region_role", w), False) for w in _list(data.get("roles"))] if data.get("regions") else []
    return out
