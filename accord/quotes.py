"""Quotes and their speakers.

Finding quotes is a scan of quote marks, paragraph by paragraph (a paragraph is a line): straight
and curly marks pair up in any combination (news text mixes them), an opening mark left open runs to
the end of its paragraph, and into the next paragraph when that one opens with a quote mark (the
press convention for a quote over several paragraphs). Short phrases in quotes inside a sentence
(scare quotes: the "strategic importance" of ties) are not quotes.

Finding the speaker reads the attribution around the quote:

* after it: ``"…," X said`` · ``"…," said X`` · ``"…," X said Thursday`` · ``"…," according to X``
* before it: ``X declared, "…`` · ``he said: "…`` · ``according to X, "…``

The speaker's head token is looked up in the mentions (so "he" and "the Russian president" come back
as the actor the actors stage resolved them to); without a mention the speaker is a new, uncoded actor.

A quote without attribution belongs to the current speaker: the last one named with a speech verb
("For his part, President Raisi stressed …", "Putin said", "was praised by Putin"). A weak
attribution - a description without a name ("said the Russian", "the official said") - gives way to
a named speaker introduced in the same or the preceding paragraph when the two differ, and the
quote's ``conflict`` says so.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from accord.nlp import column, text_of
from accord.types import Actor, Mention, Quote

OPEN_MARKS = frozenset('"“„«')
CLOSE_MARKS = frozenset('"”»')
MARKS = OPEN_MARKS | CLOSE_MARKS
SPEECH_VERBS = frozenset({
    "say", "tell", "declare", "stress", "note", "warn", "add", "emphasize", "emphasise", "continue", "state",
    "announce", "insist", "explain", "argue", "claim", "remark", "reply", "respond", "ask", "write", "tweet",
    "recall", "comment", "mention", "assert", "affirm", "underline", "underscore", "conclude", "acknowledge",
    "admit", "confirm", "deny", "predict", "suggest", "observe", "quip", "vow", "pledge", "promise", "urge",
    "answer", "reiterate", "highlight", "point", "complain", "caution", "maintain", "contend",
})
# Verbs that make their subject (or their "by" agent) the current speaker of the paragraph, though they
# do not introduce a quote themselves: "X was praised by Putin. “The support we get from him …"
STANCE_VERBS = frozenset({"praise", "thank", "criticize", "criticise", "condemn", "welcome", "hail", "accuse",
                          "blame", "describe", "call", "speak", "address"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
MIN_WORDS = 4  # fewer words inside marks, without sentence punctuation, is a scare quote or a title
AFTER_WINDOW = 8  # tokens after the closing mark in which "X said" is looked for

NAMED, PRONOUN, DESCRIPTION, NONE = 3, 2, 1, 0  # how strongly an attribution names its speaker
PARAGRAPH = 2  # a named speaker established in this or the preceding paragraph


@dataclass
class _Raw:
    start: int  # first character inside the marks
    end: int  # last character inside the marks + 1
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote runs to the paragraph end
    paragraph: int


@dataclass
class _Speaker:
    actor: Actor
    span: tuple[int, int]
    strength: int
    text: str
    paragraph: int
    how: str
    at: int = 0  # offset of the verb that introduced the speaker


def find_quotes(doc, mentions: list[Mention], min_words: int = MIN_WORDS) -> list[Quote]:
    """Direct quotes in ``doc`` with their speakers, in text order."""
    text = text_of(doc)
    paragraphs = _paragraphs(text)
    raws = _merge_continued(_raw_quotes(text, paragraphs), text, paragraphs)
    raws = [q for q in raws if _is_quote(text, q, min_words)]
    if not raws:
        return []
    idx = _TokenIndex(doc)
    inside = [(q.start, q.end) for q in raws]
    by_token = _mentions_by_token(mentions)
    cues = _speaker_cues(doc, idx, inside, by_token, paragraphs)
    quotes: list[Quote] = []
    current: _Speaker | None = None
    for q in raws:
        for cue in [c for c in cues if c.at < q.open_mark]:
            current = cue
        cues = [c for c in cues if c.at >= q.open_mark]
        own = _attribution(doc, idx, q, by_token, paragraphs)
        speaker, how, conflict = _choose(own, current, q)
        if speaker is not None:
            current = speaker if speaker.strength >= PRONOUN else current
        quotes.append(Quote(
            speaker=speaker.actor if speaker else None, text=text[q.start:q.end].strip().rstrip(",").rstrip(), span=(q.start, q.end),
            speaker_span=speaker.span if speaker else None, how=how, conflict=conflict,
        ))
    return quotes


def _choose(own: _Speaker | None, current: _Speaker | None, q: _Raw) -> tuple[_Speaker | None, str | None, str | None]:
    """The better-supported of the quote's own attribution and the paragraph's current speaker."""
    recent = current is not None and current.paragraph >= q.paragraph - 1
    if own is None or own.strength == NONE:
        if current is None:
            return None, None, None
        return current, f"paragraph speaker ({current.how})", None
    if recent and own.strength < PARAGRAPH and not _same(own.actor, current.actor):
        why = (f"the text attributes the quote to '{own.text}', a description without a name, but the "
               f"paragraph's speaker is {current.actor.name} ({current.how}); kept {current.actor.name}")
        return current, f"paragraph speaker over weak attribution ({current.how})", why
    return own, own.how, None


def _same(a: Actor, b: Actor) -> bool:
    if a.code and b.code:
        return a.code == b.code and a.name == b.name
    return a.name == b.name or a.name.split()[-1:] == b.name.split()[-1:]


# -- finding quote marks ----------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _raw_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[_Raw]:
    raws = []
    for p, (p0, p1) in enumerate(paragraphs):
        opened: int | None = None
        for i in range(p0, p1):
            ch = text[i]
            if ch not in MARKS:
                continue
            if opened is None:
                if ch in OPEN_MARKS and not _is_inch_mark(text, i):
                    opened = i
            elif ch in CLOSE_MARKS:
                raws.append(_Raw(opened + 1, i, opened, i, p))
                opened = None
        if opened is not None:
            raws.append(_Raw(opened + 1, p1, opened, None, p))
    return raws


def _is_inch_mark(text: str, i: int) -> bool:
    """A straight mark right after a digit is an inch or seconds sign (a 12" gun), not a quote."""
    return text[i] == '"' and i > 0 and text[i - 1].isdigit()


def _merge_continued(raws: list[_Raw], text: str, paragraphs: list[tuple[int, int]]) -> list[_Raw]:
    """An open quote continues into the next paragraph when that paragraph opens with a quote mark."""
    out: list[_Raw] = []
    for q in raws:
        prev = out[-1] if out else None
        if (prev is not None and prev.close_mark is None and q.paragraph == prev.paragraph + 1
                and q.open_mark == _first_char(text, paragraphs[q.paragraph])):
            out[-1] = _Raw(prev.start, q.end, prev.open_mark, q.close_mark, q.paragraph)
        else:
            out.append(q)
    return out


def _first_char(text: str, para: tuple[int, int]) -> int:
    p0, p1 = para
    return p0 + (len(text[p0:p1]) - len(text[p0:p1].lstrip()))


def _is_quote(text: str, q: _Raw, min_words: int) -> bool:
    inner = text[q.start:q.end].strip()
    if not inner:
        return False
    if len(inner.split()) >= min_words:
        return True
    return inner[-1] in ",.!?" and q.close_mark is not None  # "No," he said.


# -- attributions -----------------------------------------------------------------------------------


class _TokenIndex:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.starts = column(doc, "IDX")

    def first_at_or_after(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def last_before(self, offset: int) -> int:
        return bisect_left(self.starts, offset) - 1

    def token_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)


def _mentions_by_token(mentions: list[Mention]) -> dict[int, Mention]:
    out: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.token_end - m.token_start, reverse=True):
        for i in range(m.token_start, m.token_end):
            out[i] = m  # the narrowest mention covering a token wins
    return out


def _attribution(doc, idx: _TokenIndex, q: _Raw, by_token: dict[int, Mention],
                 paragraphs: list[tuple[int, int]]) -> _Speaker | None:
    p0, p1 = paragraphs[q.paragraph]
    if q.close_mark is not None and _may_attribute_after(text_of(doc), q):
        first = idx.first_at_or_after(q.close_mark + 1)
        window = [t for t in doc[first:first + AFTER_WINDOW] if t.idx < p1]
        window = _until_mark(window)
        found = _speaker_in(doc, window, by_token, q.paragraph, after=True)
        if found is not None:
            return found
    start = _clause_start(text_of(doc), p0, q.open_mark)
    window = [t for t in doc[idx.first_at_or_after(start):idx.first_at_or_after(q.open_mark)]]
    return _speaker_in(doc, window, by_token, q.paragraph, after=False)


def _may_attribute_after(text: str, q: _Raw) -> bool:
    """'"…," he said' attributes; '"… ." The minister said that …' starts a new sentence and does not."""
    inner = text[q.start:q.end].rstrip()
    if not inner or inner[-1] != ".":
        return True
    rest = text[q.close_mark + 1:].lstrip()
    return bool(rest) and rest[0].islower()


def _until_mark(tokens: list) -> list:
    out = []
    for t in tokens:
        if t.text in MARKS or t.text in {".", ";", "!", "?"}:
            break
        out.append(t)
    return out


def _clause_start(text: str, para_start: int, offset: int) -> int:
    """Start of the sentence holding ``offset``: after the last . ! ? ; before it in the paragraph."""
    chunk = text[para_start:offset]
    ends = [m.end() for m in re.finditer(r"[.!?;][\"”’)]?\s", chunk)]
    return para_start + (ends[-1] if ends else 0)


def _speaker_in(doc, window: list, by_token: dict[int, Mention], paragraph: int, after: bool) -> _Speaker | None:
    if not window:
        return None
    for t in (window if after else reversed(window)):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            head = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if head is not None:
                return _speaker(doc, head, by_token, paragraph, "according to X")
    verbs = [t for t in window if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SPEECH_VERBS]
    if not verbs:
        return None
    verb = verbs[0] if after else verbs[-1]
    subj = _subject(verb)
    how = "X said after the quote" if after else "X said before the quote"
    if subj is None:  # inversion: "…," said the Russian
        subj = next((t for t in doc[verb.i + 1:verb.i + 6] if t.pos_ in {"PROPN", "NOUN", "PRON"}
                     or t.ent_type_ in {"PERSON", "NORP", "ORG", "GPE"}), None)
        how = "said X after the quote" if after else "said X before the quote"
    if subj is None:
        return None
    return _speaker(doc, subj, by_token, paragraph, how)


def _subject(verb):
    for v in (verb, verb.head if verb.dep_ in {"conj", "xcomp"} else None):
        if v is None:
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _speaker(doc, head, by_token: dict[int, Mention], paragraph: int, how: str) -> _Speaker | None:
    """The speaker whose syntactic head is ``head``: its mention's actor, else a new uncoded actor."""
    phrase = _phrase(doc, head)
    strength = _strength(phrase, head)
    mention = by_token.get(head.i)
    if mention is not None:
        return _Speaker(mention.actor, (mention.start, mention.end), strength, phrase.text, paragraph, how)
    if strength == PRONOUN:
        return None  # an unresolved "he": the paragraph's speaker is better evidence
    name = phrase.text
    if name.lower().startswith("the "):
        name = name[4:]
    return _Speaker(Actor(name=name, code=None), (phrase.start_char, phrase.end_char), strength, phrase.text,
                    paragraph, how)


def _phrase(doc, head):
    left = head.i
    for c in head.lefts:
        if c.dep_ in {"compound", "flat", "amod", "det", "poss", "nmod"}:
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if c.dep_ in {"flat", "compound"}:
            right = max(right, c.right_edge.i)
    return doc[left:right + 1]


def _strength(phrase, head) -> int:
    if head.lower_ in PRONOUNS or head.pos_ == "PRON":
        return PRONOUN
    if any(t.pos_ == "PROPN" and t.ent_type_ not in {"NORP"} for t in phrase):
        return NAMED
    return DESCRIPTION


# -- the paragraph's current speaker -----------------------------------------------------------------


def _speaker_cues(doc, idx: _TokenIndex, inside: list[tuple[int, int]], by_token: dict[int, Mention],
                  paragraphs: list[tuple[int, int]]) -> list[_Speaker]:
    """Named speakers outside quotes, in text order: subjects (or "by" agents) of speech verbs."""
    from spacy.parts_of_speech import AUX, VERB

    starts = [p[0] for p in paragraphs]
    cues = []
    verbs = [i for i, pos in enumerate(column(doc, "POS")) if pos in (VERB, AUX)]
    for t in (doc[i] for i in verbs):
        if _inside(t.idx, inside):
            continue
        lemma = t.lemma_.lower()
        if lemma not in SPEECH_VERBS and lemma not in STANCE_VERBS:
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None:
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is None and t.dep_ == "conj":
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subj is None or _inside(subj.idx, inside):
            continue
        paragraph = max(bisect_right(starts, t.idx) - 1, 0)
        sp = _speaker(doc, subj, by_token, paragraph, f"'{subj.text} {t.text}' before the quote")
        if sp is not None and sp.strength >= PRONOUN:
            sp.at = t.idx
            cues.append(sp)
    return cues


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)
