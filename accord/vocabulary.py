"""Vocabulary: the verb and noun patterns and the control-word families, read from data.

The patterns are data (``accord/data/verbs.yaml`` and one file per CAMEO root or theme in
``accord/data/verbs/``, plus user files); this module loads and validates them into a
:class:`VerbDictionary` that :mod:`accord.events` codes with.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from accord import yamlio
from accord.ontology import cameo_table

DEFAULT_PREPS = ("with", "to", "against", "on", "toward", "towards", "at", "into", "for")


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
    alone: str | None = None  # the code when no one else takes part ("held drills" with no partner: a show of force)

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
                return inner if table[inner[:n]] == "=" else table[inner[:n]]  # "=": the complement's own code
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
    persons: frozenset[str] = frozenset()  # the "person" word class: an object of these is someone acted on
    scourges: frozenset[str] = frozenset()  # the "scourge" and "measure" classes: fighting or hitting one is no force
    peacekeeping: frozenset[str] = frozenset()  # the "peacekeeping" class: words that make a deployment peacekeeping (074)
    insults: frozenset[str] = frozenset()  # the "insult" class: what one is called in an insult ("a fool"), 111
    force_words: frozenset[str] = frozenset()  # the "force" class: an attack named with one is force, not words
    discourse: frozenset[str] = frozenset()  # the "discourse" class: what only words attack ("the record")

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
        # word classes ("@person") used in object lists, from any file: read before the patterns that use them
        classes: dict[str, frozenset[str]] = {}
        for where, data in docs:
            for name, words in (data.get("classes") or {}).items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise ValueError(f"{where}: class {name!r} must be a list of words")
                classes[str(name)] = classes.get(str(name), frozenset()) | frozenset(words)
        for where, data in docs:
            instruments |= {str(w) for w in (data.get("instruments") or {}).get("words", [])}
            reciprocal |= {str(w) for w in (data.get("reciprocal") or {}).get("words", [])}
            for kind, store in (("verb", verbs), ("noun", nouns)):
                for n, entry in enumerate(data.get(kind + "s", []) or []):
                    pat, lemmas = _pattern(kind, entry, f"{where}: {kind}s[{n}]", table, classes)
                    for lemma in lemmas:
                        store[lemma].append(pat)
            for name, fam in (data.get("families") or {}).items():
                for code in [fam.get("default", "")] + list((fam.get("map") or {}).values()):
                    if str(code) not in table and str(code) != "=":
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
        vd.persons = classes.get("person", frozenset())
        vd.scourges = classes.get("scourge", frozenset()) | classes.get("measure", frozenset())
        vd.peacekeeping = classes.get("peacekeeping", frozenset())
        vd.insults = classes.get("insult", frozenset())
        vd.force_words = classes.get("force", frozenset())
        vd.discourse = classes.get("discourse", frozenset())
        return vd


def _pattern(kind: str, e: dict[str, Any], where: str, table: dict,
             classes: dict[str, frozenset[str]] | None = None) -> tuple[Pattern, list[str]]:
    if not isinstance(e, dict) or kind not in e or "code" not in e:
        raise ValueError(f"{where}: a {kind} pattern needs '{kind}' and 'code': {e!r}")
    code = str(e["code"])
    if code not in table:
        raise ValueError(f"{where}: unknown CAMEO code {code!r}")
    lemmas = [e[kind]] if isinstance(e[kind], str) else list(e[kind])
    objs = _expand(e.get("object") or e.get("modifier"), classes or {}, where)
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
        alone=str(e["alone"]) if e.get("alone") else None,
    )
    if pat.alone and pat.alone not in table:
        raise ValueError(f"{where}: unknown CAMEO code {pat.alone!r} for 'alone'")
    return pat, [str(x) for x in lemmas]


def _expand(words: list[str] | None, classes: dict[str, frozenset[str]], where: str) -> list[str] | None:
    """An object list with its word classes spelled out: ``[prisoner, "@person"]`` → prisoner and every person noun."""
    if not words:
        return words
    out: list[str] = []
    for w in words:
        w = str(w)
        if w.startswith("@"):
            if w[1:] not in classes:
                raise ValueError(f"{where}: unknown word class {w!r} (classes: {', '.join(sorted(classes)) or 'none'})")
            out += sorted(classes[w[1:]])
        else:
            out.append(w)
    return out
