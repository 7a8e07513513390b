"""The small, frozen records that flow through accord's pipeline.

Every stage takes and returns these; nothing here knows about spaCy, DuckDB or the CLI.
Spans are ``(start, end)`` Python string offsets into the article text *as given*.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]
FIRST_PERSON = frozenset({"we", "us", "our", "ours"})


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``date`` is the publication date (YYYY-MM-DD) or None."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from: a file path, "stdin", a feed
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: ``code`` is the CAMEO-style code (RUSGOV, IGOUNO, IRN)."""

    name: str
    code: str | None
    country: str | None = None  # ISO 3166-1 alpha-3
    igo: str | None = None  # organisation acronym: SCO, EU, UN
    role: str | None = None  # sector: GOV, MIL, BUS, ...
    # CAMEO region code (EUR, WST, ARB) of several countries named by their region ("European countries")
    region: str | None = None

    @property
    def placed(self) -> bool:
        """Does a dictionary place it: a country, an organisation or a world region (else a name, a role or
        nothing)?"""
        return bool(self.country or self.igo or self.region)

    @property
    def first_person(self) -> bool:
        """"we", "our" not (yet) resolved to the speaker of the quote they stand in."""
        return self.code is None and self.name.lower() in FIRST_PERSON

    def to_dict(self) -> dict[str, Any]:
        d = {"name": self.name, "code": self.code, "country": self.country, "igo": self.igo, "role": self.role}
        if self.region:  # an added field, given only where there is one: other actors' records are unchanged
            d["region"] = self.region
        return d


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an actor, found by :mod:`accord.actors`.

    ``start``/``end`` are character offsets; ``token_start``/``token_end`` index the spaCy Doc
    (end exclusive); ``head`` is the token index of the mention's syntactic head. ``how`` tells how
    it was resolved (dictionary, leader, title, pronoun, coreference, ...).
    """

    start: int
    end: int
    token_start: int
    token_end: int
    head: int
    actor: Actor
    how: str = "dictionary"


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None  # ISO3
    lat: float | None = None
    lon: float | None = None
    span: Span | None = None
    fips: str | None = None  # FIPS 10-4 country code, as GDELT's geo fields use
    kind: str | None = None  # "country" | "city" | "region"
    adm1: str | None = None
    geonameid: int | None = None
    preposition: str | None = None  # the preposition governing the place in the text ("in", "at", "near")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass(frozen=True, slots=True)
class Event:
    source: Actor | None
    target: Actor | None
    cameo: str  # zero-padded code: "057"
    sentence: str
    span: Span  # the evidence: verb phrase or trigger, offsets into the input text
    rule: str  # the pattern id and a short why
    goldstein: float = 0.0
    quad_class: int = 1
    plover_type: str | None = None
    plover_mode: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | future | intent | hypothetical | reported | ...
    date: str | None = None
    location: Location | None = None
    sentence_span: Span | None = None
    trigger: str | None = None  # the verb or noun that triggered the event
    tone: float | None = None
    context: str | None = None  # PLOVER context from the crosswalk (diplomatic, economic, ...)
    confidence: float | None = None  # in [0, 1]: the measured precision of how it was found (accord.confidence)

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode, "context": self.context},
            "negated": self.negated,
            "modality": self.modality,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "span": list(self.span),
            "sentence_span": list(self.sentence_span) if self.sentence_span else None,
            "trigger": self.trigger,
            "tone": self.tone,
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: Actor | None
    text: str
    span: Span
    speaker_span: Span | None = None
    how: str | None = None  # which attribution pattern found the speaker
    conflict: str | None = None  # set when the text's attribution clashes with the paragraph's speaker

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text,
            "span": list(self.span),
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "how": self.how,
            "conflict": self.conflict,
        }


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    unit: str | None
    text: str
    span: Span
    about: str | None = None  # what the number measures: "trade growth"
    period: str | None = None  # "2021", "first five months of 2022"
    kind: str | None = None  # percent | money | count | casualties | ...
    currency: str | None = None  # ISO 4217 when money
    event_index: int | None = None  # index into ArticleResult.events of the event it belongs to

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        if float(self.value).is_integer():
            d["value"] = int(self.value)
        return d


@dataclass(slots=True)
class ArticleResult:
    """Everything accord derives from one article; ``error`` set means it was not coded."""

    article: Article
    removed: list[str] = field(default_factory=list)
    language: str | None = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tone: float | None = None
    error: str | None = None
    status: str = "coded"  # coded | skipped (e.g. non-English) | error
    words: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``accord code`` (see CONTRACT.md)."""
        return {
            "id": self.article.id,
            "date": self.article.date,
            "title": self.article.title,
            "language": self.language,
            "status": self.status,
            "tone": self.tone,
            "removed": list(self.removed),
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "amounts": [a.to_dict() for a in self.amounts],
            "locations": [loc.to_dict() for loc in self.locations],
            "error": self.error,
        }
