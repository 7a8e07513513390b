"""``process``: one article in, everything accord derives from it out. Pure; touches no database.

Stages, each its own module: clean → nlp → actors → events → enrich (quotes, amounts, dates,
places, tone). ``accord code`` calls :func:`process` and prints; ``accord ingest`` maps it over a
process pool or Dask workers and hands the results to one writer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from accord import amounts as amounts_mod
from accord import cache as cache_mod
from accord import clean as clean_mod
from accord import confidence as confidence_mod
from accord import dates as dates_mod
from accord import places as places_mod
from accord import prefilter as prefilter_mod
from accord import quotes as quotes_mod
from accord import recase as recase_mod
from accord import tone as tone_mod
from accord.actors import ActorDictionary, find_mentions
from accord.arguments import mark_headline_verbs, mark_reduced_passives
from accord.events import PLACE_TARGET_ROOTS, VerbDictionary, code_events, phrase_target
from accord.nlp import text_of, unwrap, without_caption_markers
from accord.targets import PLACE_TARGET_ABROAD
from accord.types import Actor, Article, ArticleResult, Event, Quote

if TYPE_CHECKING:
    from spacy.language import Language

# spaCy's own default limit. A longer "article" is rejected with its reason, not truncated: past a megabyte
# of text it is a data dump or many articles run together, and coding its first megabyte would store events
# of an article that is not what was given (``--max-chars`` raises the limit; the parser's follows)
MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Config:
    """Everything that changes how an article is coded; passed explicitly, never global."""

    dictionaries: tuple[str, ...] = ()  # user actor/verb dictionary files that extend the shipped ones
    max_chars: int = MAX_CHARS
    enrich: bool = True  # quotes, amounts, places, tone
    require_english: bool = True
    prefilter: bool = True  # parse only candidate sentences (accord.prefilter); False parses everything
    model: bool = False  # the sentence classifier where the rules find nothing (accord.classify); off: see README


@dataclass
class Resources:
    """Read-only things ``process`` needs, loaded once per process."""

    config: Config
    nlp: Language
    actors: ActorDictionary
    verbs: VerbDictionary
    gazetteer: places_mod.Gazetteer | None = field(default=None)
    triggers: prefilter_mod.Triggers | None = None  # words that can trigger an event, for the prefilter
    names: recase_mod.NameIndex | None = None  # known names, to restore the capitals of lower-cased text

    def place_country(self, name: str, min_population: int = 0) -> str | None:
        """The ISO3 country of a city, province or region named in the text, if the gazetteer knows it.

        ``min_population`` is for words that are only possibly places ("Union" in "Union Carbide Corp"
        is a town in New Jersey too): a city smaller than that is not taken."""
        countries = _regions().get(name)
        if countries and len(countries) == 1 and name not in _ambiguous_regions():
            return countries[0]
        if self.gazetteer is None:
            return None
        place = self.gazetteer.lookup(name)
        if place is None or not place.iso3:
            return None
        if min_population and place.kind == "city" and place.population < min_population:
            return None
        return place.iso3

    @classmethod
    def load(cls, config: Config | None = None) -> Resources:
        from accord.nlp import load_model

        config = config or Config()
        nlp = load_model()
        nlp.max_length = max(nlp.max_length, config.max_chars + 1)  # else spaCy refuses what the limit lets in
        model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}={nlp.meta.get('version')}"
        digest = cache_mod.key(config.dictionaries, extra=[model])
        actors, verbs, gaz, triggers, names = cache_mod.cached(
            "resources", digest, lambda: _build_tables(config, nlp))
        places_mod.share(gaz)
        return cls(config=config, nlp=nlp, actors=actors, verbs=verbs, gazetteer=gaz, triggers=triggers, names=names)


def _build_tables(config: Config, nlp: Language):
    """The lookup tables built from the data files, kept between runs by :mod:`accord.cache`."""
    actors = ActorDictionary.load(config.dictionaries)
    verbs = VerbDictionary.load(config.dictionaries)
    gaz = places_mod.Gazetteer.load()  # places in the text, and the country of a city or province actor
    return actors, verbs, gaz, prefilter_mod.trigger_words(verbs), _name_index(actors, gaz, nlp)


def _name_index(actors: ActorDictionary, gaz: places_mod.Gazetteer | None, nlp: Language | None = None
                ) -> recase_mod.NameIndex:
    """Names whose capitals a lower-cased text lost: the actor dictionary's names (not sector words),
    provinces and regions, cities of 200,000 people or more, the gazetteer's smaller places that are no
    English word (restored where the text frames them as places), and the acronyms the dictionary calls
    ambiguous (restored where their sentence names their country)."""
    names, acronyms, countries, people = [], {}, {}, []
    everyday = recase_mod.everyday_words(nlp) if nlp is not None else frozenset()
    for lst in actors.index.values():
        for toks, ents in lst:
            name = " ".join(toks)
            # a region's word that is also an everyday one ("the gulf between them", "western films") is
            # restored by nothing but a text's own capitals
            ents = [e for e in ents if e.kind not in ("sector", "generic") and not (
                e.kind in ("region", "region_adjective") and recase_mod.is_everyday(name, everyday))]
            if not ents:
                continue
            if len(toks) > 1 and any(e.kind == "leader" for e in ents):
                people.append(name)
            if len(toks) == 1 and name.isupper() and all(e.ambiguous for e in ents):
                # "CBI": restored where its sentence names its country
                if 2 <= len(name) <= 6 and len({e.country for e in ents}) == 1 and not recase_mod.is_everyday(
                        name, everyday):
                    acronyms[name] = {ents[0].country} - {None}
            elif any(not e.ambiguous or e.kind in ("country", "adjective", "demonym") for e in ents):
                # a country's name is a name even where it is ambiguous as an actor ("Congo", "Korean")
                names.append(name)
                countries[name] = {e.country for e in ents if e.country and not e.ambiguous}
                if len(toks) == 1 and name.endswith("s") and ents[0].kind == "group" and everyday and \
                        not recase_mod.is_everyday(name[:-1], everyday):
                    names.append(name[:-1])  # "Houthis", "Naxalites": "houthi leaders", "a naxalite attack"
    regions = _regions()
    names += list(regions)
    countries.update((n, set(cs)) for n, cs in regions.items())
    small: list[str] = []
    if gaz is not None:
        big = [ps[0] for ps in gaz.cities.values() if ps and ps[0].population >= 200_000]
        names += [p.name for p in big]
        countries.update((p.name, {p.iso3}) for p in big if p.iso3)
        for name, iso3 in gaz.place_names():
            if everyday and not recase_mod.is_everyday(name, everyday):
                small.append(name)
                countries.setdefault(name, set()).add(iso3)
    return recase_mod.NameIndex.build(names, places=small, acronyms=acronyms, countries=countries,
                                      everyday=everyday, people=people)


@cache
def _regions() -> dict[str, list[str]]:
    from accord.regions import load_regions

    return load_regions()


@cache
def _ambiguous_regions() -> frozenset[str]:
    from accord.regions import ambiguous_names

    return ambiguous_names()


def _pub_date(article: Article) -> dt.date | None:
    if not article.date:
        return None
    try:
        return dt.date.fromisoformat(article.date[:10])
    except ValueError:
        return None


def process(article: Article, res: Resources) -> ArticleResult:
    """Code one article. Never raises for bad input: problems come back in ``result.error``."""
    try:
        return _process(article, res)
    except Exception as exc:  # a bug or a hostile input must not stop a batch
        return ArticleResult(article=article, error=f"internal error: {exc.__class__.__name__}: {exc}", status="error")


def _process(article: Article, res: Resources) -> ArticleResult:
    prepared = _prepare(article, res)
    if isinstance(prepared, ArticleResult):
        return prepared
    result, cleaned, text = prepared
    return _finish(result, cleaned, res.nlp(_make_doc(res, cleaned, text)) if text is not None else None, res)


def process_many(articles: Iterable[Article], res: Resources, batch_size: int = 32) -> Iterator[ArticleResult]:
    """``process`` over many articles, parsing them together with ``nlp.pipe`` (faster than one by one).

    Results come in input order; an article that fails is that article's error, never the batch's.
    """
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _process_batch(batch, res)
            batch = []
    if batch:
        yield from _process_batch(batch, res)


def _process_batch(batch: list[Article], res: Resources) -> list[ArticleResult]:
    out: list[ArticleResult | None] = [None] * len(batch)
    todo: list[tuple[int, ArticleResult, clean_mod.Cleaned, str]] = []
    for i, article in enumerate(batch):
        try:
            prepared = _prepare(article, res)
        except Exception as exc:
            prepared = _internal_error(article, exc)
        if isinstance(prepared, ArticleResult):
            out[i] = prepared
        elif prepared[2] is None:
            out[i] = _safe_finish(prepared[0], prepared[1], None, res)
        else:
            todo.append((i, *prepared))
    try:
        docs = list(res.nlp.pipe([_make_doc(res, cleaned, text) for _, _, cleaned, text in todo]))
    except Exception:  # one bad text must not take the batch with it: parse one by one
        return [out[i] or process(batch[i], res) for i in range(len(batch))]
    for (i, result, cleaned, _), doc in zip(todo, docs, strict=True):
        out[i] = _safe_finish(result, cleaned, doc, res)
    return [r for r in out if r is not None]


def _internal_error(article: Article, exc: Exception) -> ArticleResult:
    return ArticleResult(article=article, error=f"internal error: {exc.__class__.__name__}: {exc}", status="error")


def _safe_finish(result: ArticleResult, cleaned, doc, res: Resources) -> ArticleResult:
    try:
        return _finish(result, cleaned, doc, res)
    except Exception as exc:
        return _internal_error(result.article, exc)


def _prepare(article: Article, res: Resources):
    """Everything before the parse: checks, cleaning, language, the prefilter.

    Returns a finished ``ArticleResult`` (an error, or a skipped non-English article), or
    ``(result, cleaned, text to parse or None when no sentence is worth parsing)``.
    """
    text = article.text
    if not isinstance(text, str) or not text.strip():
        return ArticleResult(article=article, error="empty text", status="error")
    if len(text) > res.config.max_chars:
        return ArticleResult(
            article=article, status="error",
            error=f"text too long: {len(text):,} characters (limit {res.config.max_chars:,})",
        )
    cleaned = clean_mod.clean(text, title=article.title)
    if res.names is not None:  # mojibake, lower-cased text and title-case headlines, offsets kept
        repaired = recase_mod.recase(recase_mod.repair_mojibake(cleaned.text), res.names)
        # same length or not at all: "ß".upper() is "SS", and every span after it would be off (long fuzz)
        if repaired != cleaned.text and len(repaired) == len(cleaned.text):
            cleaned = replace(cleaned, text=repaired)
    result = ArticleResult(article=article, removed=cleaned.removed, language=cleaned.language)
    result.words = len(cleaned.text.split())
    if res.config.require_english and not cleaned.is_english:
        result.status = "skipped"
        result.error = f"not English: {cleaned.language_reason}"
        return result
    if not res.config.prefilter:
        return result, cleaned, cleaned.text
    kept = prefilter_mod.candidates(cleaned.text, res.actors, prefilter_mod.words, res.triggers)
    return result, cleaned, (prefilter_mod.blank(cleaned.text, kept) if kept else None)


def _make_doc(res: Resources, cleaned: clean_mod.Cleaned, text: str):
    """The tokenized text to parse, unwrapped (``nlp.unwrap``: same length, line breaks inside sentences
    made spaces), judged on the article: the prefilter's blanked copy has fewer lines, too few to judge by.
    Every line break left then ends a sentence (see ``nlp.paragraph_boundaries``). Photo-caption markers
    ("(L)", ", left,") are blanked for the parser (``nlp.without_caption_markers``); an event's sentence is
    shown as written (``_as_written``)."""
    unwrapped = unwrap(text, cleaned.text)
    parsed = without_caption_markers(unwrapped)
    doc = res.nlp.make_doc(parsed)
    doc.user_data["accord_unwrapped"] = True
    doc.user_data["accord_text"] = parsed  # nlp.text_of: the tokenizer is lossless, doc.text is this string
    if parsed != unwrapped:
        doc.user_data["accord_written"] = unwrapped
    return doc


def _trim_blanked_entities(doc) -> None:
    """Names the entity recogniser ran over a blanked caption marker ("al-Sisi    ") end at the name."""
    from spacy.tokens import Span

    spans = []
    for e in doc.ents:
        start, end = e.start, e.end
        while end > start and doc[end - 1].is_space:
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if start < end:
            spans.append(e if (start, end) == (e.start, e.end) else Span(doc, start, end, label=e.label))
    doc.ents = spans


def _as_written(events: list[Event], doc) -> list[Event]:
    """Events whose sentence shows the caption markers the parser did not see."""
    written = doc.user_data.get("accord_written")
    if written is None:
        return events
    return [replace(e, sentence=written[e.sentence_span[0]:e.sentence_span[1]].strip()) if e.sentence_span else e
            for e in events]


def _finish(result: ArticleResult, cleaned, doc, res: Resources) -> ArticleResult:
    """Everything after the parse: actors, events, enrichment. ``doc`` None: nothing worth parsing."""
    pub = _pub_date(result.article)
    if doc is None:
        if res.config.enrich:
            result.tone = tone_mod.tone(cleaned.text)
        return result
    if "accord_written" in doc.user_data:
        _trim_blanked_entities(doc)
    mark_headline_verbs(doc, res.verbs)  # "Protesters storm residence": a verb the tagger took for a noun
    mark_reduced_passives(doc)  # "Five arrested for rioting": the five are arrested, not arresting
    mentions = find_mentions(doc, res.actors, pub, res.place_country)
    events = code_events(doc, mentions, res.verbs, pub)
    if res.config.model:  # sentences linking two actors with no dictionary trigger (accord.classify)
        from accord.classify import model_events

        events += model_events(doc, mentions, events, pub)
    events = _as_written(events, doc)
    result.mentions = mentions
    if res.config.enrich:
        result.quotes = _unblanked(quotes_mod.find_quotes(doc, mentions), text_of(doc), cleaned.text)
        result.amounts = amounts_mod.find_amounts(doc)
        if res.gazetteer is not None:
            result.locations = res.gazetteer.find_locations(doc, mentions)
        result.tone = tone_mod.tone(cleaned.text)
        events = _resolve_first_person(events, result.quotes)
        events = [_enrich_event(e, doc, result, pub) for e in events]
    # an event needs a source, or (violence with no perpetrator stated) a target; "we" unresolved is neither
    calibration = confidence_mod.load()
    result.events = [replace(e, confidence=calibration.confidence(e) if e.confidence is None else e.confidence) for e in events
                     if _is_actor(e.source) or (e.source is None and _is_actor(e.target))]
    if res.config.enrich:  # linked to the events kept: an amount's event_index indexes result.events
        result.amounts = amounts_mod.link_to_events(result.amounts, result.events)
    return result


def _unblanked(quotes: list[Quote], parsed: str, text: str) -> list[Quote]:
    """Quotes with their words from the text, not from the prefilter's blanked copy: a quote running over a
    sentence the prefilter left out had a gap of spaces in the middle (found by tests/test_properties.py)."""
    if parsed == text or not quotes:
        return quotes
    full = unwrap(text)
    return [replace(q, text=full[q.span[0]:q.span[1]].strip().rstrip(",").rstrip())
            if parsed[q.span[0]:q.span[1]] != full[q.span[0]:q.span[1]] else q for q in quotes]


def _is_resolved(a: Actor | None) -> bool:
    return a is not None and a.placed


def _is_placeholder(a: Actor | None) -> bool:
    return a is not None and a.first_person


def _is_actor(a: Actor | None) -> bool:
    return a is not None and not a.first_person


def _resolve_first_person(events: list[Event], quotes: list[Quote]) -> list[Event]:
    """"We" and "our" inside a quote are the quote's speaker (and so the speaker's country)."""
    out = []
    for e in events:
        s, t = e.source, e.target
        if _is_placeholder(s) or _is_placeholder(t):
            q = next((q for q in quotes if q.span[0] <= e.span[0] < q.span[1] and _is_resolved(q.speaker)), None)
            if q is not None:
                if _is_placeholder(s):
                    s = q.speaker
                if _is_placeholder(t):
                    t = q.speaker if s is not q.speaker else None
                e = replace(e, source=s, target=t, rule=e.rule + f"; first person = quote speaker {q.speaker.name}")
        if _is_placeholder(e.target):
            e = replace(e, target=None)
        out.append(e)
    return out


def _unplaced_people(a: Actor | None) -> bool:
    """Civilians with no country ("300,000 people", "families")."""
    return a is not None and a.role == "CVL" and not a.country and not a.igo


def _enrich_event(event, doc, result: ArticleResult, pub: dt.date | None):
    s0, s1 = event.sentence_span or event.span
    # dated by the act's own clause: "Iran on Thursday pledged to join" happened on Thursday (accord.dates)
    date = dates_mod.event_date(doc, s0, s1, pub, modality=event.modality, act=event.span[0])
    loc = places_mod.event_location(result.locations, s0, s1)
    event = replace(event, date=date or event.date, location=loc, tone=tone_mod.tone(event.sentence))
    if loc is None or not loc.country:
        return event
    place = text_of(doc)[loc.span[0]:loc.span[1]] if loc.span else loc.name
    abroad = event.cameo[:2] in PLACE_TARGET_ABROAD and event.source is not None and event.source.country != loc.country
    if (event.target is None or phrase_target(event)) and event.source is not None and (
            event.cameo[:2] in PLACE_TARGET_ROOTS or abroad):
        # "fired at targets in Jericho": an act of force or coercion with no one named is done to the place
        event = replace(event, target=Actor(name=place, code=loc.country, country=loc.country),
                        rule=event.rule + f"; target: the place, {place}")
    elif abroad and _unplaced_people(event.target):
        # "delivered tents to 300,000 people after the earthquake in Nepal", "food to families hit by the floods
        # in Sindh": people no one places, given aid abroad, are the people of the place it is given in
        t = event.target
        event = replace(event, target=Actor(name=t.name, code=loc.country + "CVL", country=loc.country, role="CVL"),
                        rule=event.rule + f"; target: people of the place, {place}")
    if event.source is None:
        # "a roadside bomb near Samarra killed …": an unidentified actor of the place (ICEWS's
        # "Unidentified Gunmen (Iraq)"), coded by the country with no sector
        who = Actor(name=f"unidentified actor in {place}", code=loc.country, country=loc.country)
        event = replace(event, source=who, rule=event.rule + f"; source: unidentified, in {place}")
    return event


