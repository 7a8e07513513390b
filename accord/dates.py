"""Dates: expressions in the text resolved against the publication date.

News dates are mostly relative ("on Thursday", "next week", "last May"), so :func:`resolve` needs
the publication date; absolute ones ("March 3, 1987", "2022-09-15") resolve without it. A weekday
or a bare month means the latest one on or before publication, unless the sentence speaks of the
future, then the next one. A month or a year alone resolves to its first day.

:func:`event_date` picks the date an event's sentence gives (spaCy DATE entities plus a regex for
what the NER misses), else the publication date. The rules, after how CAMEO codes reported acts:

- **An expression is read in the tense of the verb it hangs on**, not in the event's modality: it is
  future only when that verb is ("will visit next week", "is to visit on Monday", "is going to",
  "plans/is expected/is due to visit on Friday"). So a pledge, threat, demand, appeal or agreement
  made in the past ("Iran on Thursday pledged to join the SCO") is dated on or before publication:
  the act CAMEO codes (031, 138, 1056, ...) is the pledge, and the pledge was made on Thursday.
- **The content of a reported act does not date it**: in "Iran pledged to join the SCO next month"
  or "demanded that Iraq withdraw by Friday" the date is when the joining or withdrawal should
  happen (a hope or a deadline); the pledge and the demand are dated when they were made (an
  expression on the act's own verb, else the publication date). "Threatened to attack Iraq on Monday"
  is ambiguous in English; the parse hangs "on Monday" on "attack", so the threat takes the
  publication date, which is never wrong by more than the report's delay.
- **A scheduled happening is dated when it is to happen**: "will visit Iran next week" and "plans to
  visit next week" (coded 036, intent to meet) are dated next week. Their *reported* date, the
  article's publication date kept beside every event in the store, is when the plan was stated.
- Among several expressions, those on the act's own clause win over those on other clauses (a
  reporting verb: "said on Thursday that ... will visit next week"), then day-precise ones over
  months and years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right

from accord.nlp import column, text_of

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {"sept": 9}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(WEEKDAYS)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
MONTH_ALONE = re.compile(rf"\b(last|next|this|in|since|during|until|by|early|late|mid)?[\s-]*({MONTH_RE})\b", re.I)
WEEKDAY = re.compile(rf"\b(last|next|this|on|coming|past)?\s*({WEEKDAY_RE})\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
AGO = re.compile(r"\b(\d+|a few|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", re.I)
RELATIVE = re.compile(r"\b(last|next|this|coming|past)\s+(week|month|year)\b", re.I)
SIMPLE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this morning": 0, "this afternoon": 0,
          "this evening": 0, "last night": -1, "day before yesterday": -2}
# Phrases the regex looks for in a sentence when spaCy's NER did not mark them as DATE.
SENTENCE_DATES = re.compile(
    rf"\b(?:{ISO.pattern[2:-2]}|(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|(?:last|next|this|on)\s+(?:{WEEKDAY_RE})"
    r"|yesterday|today|tomorrow|tonight|(?:last|next|this)\s+(?:week|month|year))\b",
    re.I,
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_VERBS = frozenset({"plan", "schedule", "expect", "intend", "due", "set"})
FUTURE_MODALITIES = frozenset({"future", "intent", "planned", "scheduled"})


def resolve(expression: str, pub: dt.date | None, future: bool = False) -> dt.date | None:
    """The date an expression refers to, given the publication date; None when it names none.

    ``future`` (the sentence speaks of the future) turns "on Thursday" and "in May" into the next
    Thursday or May instead of the latest one.
    """
    text = " ".join(expression.lower().replace("’", "'").split())
    if m := ISO.search(text):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := MONTH_DAY_YEAR.search(text):
        return _month_day(MONTHS[m[1].lower()], int(m[2]), m[3], pub, future)
    if m := DAY_MONTH_YEAR.search(text):
        return _month_day(MONTHS[m[2].lower()], int(m[1]), m[3], pub, future)
    if m := MONTH_YEAR.search(text):
        return _safe_date(int(m[2]), MONTHS[m[1].lower()], 1)
    if pub is not None:
        relative = _relative(text, pub, future)
        if relative is not None:
            return relative
    if m := YEAR.search(text):
        return dt.date(int(m[1]), 1, 1)
    return None


def _relative(text: str, pub: dt.date, future: bool) -> dt.date | None:
    for phrase, days in sorted(SIMPLE.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", text):
            return pub + dt.timedelta(days=days)
    if m := AGO.search(text):
        n = int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1], 1)
        return pub - dt.timedelta(days=n * UNIT_DAYS[m[2]])
    if m := RELATIVE.search(text):
        sign = -1 if m[1] in {"last", "past"} else (0 if m[1] == "this" else 1)
        if m[2] == "year":
            return dt.date(pub.year + sign, 1, 1)
        if m[2] == "month":
            month = pub.month + sign
            year = pub.year + (month - 1) // 12
            return dt.date(year, (month - 1) % 12 + 1, 1)
        return pub + dt.timedelta(days=7 * sign)
    if m := WEEKDAY.search(text):
        return _weekday(WEEKDAYS[m[2]], m[1], pub, future)
    if m := MONTH_ALONE.search(text):
        return _month(MONTHS[m[2]], m[1], pub, future)
    return None


def _weekday(wd: int, cue: str | None, pub: dt.date, future: bool) -> dt.date:
    back = (pub.weekday() - wd) % 7  # days since the latest such weekday, 0 if it is today
    ahead = (wd - pub.weekday()) % 7 or 7  # days to the next one after today
    if cue == "last" or cue == "past":
        return pub - dt.timedelta(days=back or 7)
    if cue in {"next", "coming"} or future:
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def _month(month: int, cue: str | None, pub: dt.date, future: bool) -> dt.date:
    if cue == "last":
        return dt.date(pub.year if month < pub.month else pub.year - 1, month, 1)
    if cue == "next" or (future and cue != "this"):
        return dt.date(pub.year if month > pub.month else pub.year + 1, month, 1)
    if cue == "this":
        return dt.date(pub.year, month, 1)
    return dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1)


def _month_day(month: int, day: int, year: str | None, pub: dt.date | None, future: bool) -> dt.date | None:
    if year:
        return _safe_date(int(year), month, day)
    if pub is None:
        return None
    this_year = _safe_date(pub.year, month, day)
    if this_year is None:
        return None
    if future and this_year < pub:
        return _safe_date(pub.year + 1, month, day)
    if not future and this_year > pub + dt.timedelta(days=7):  # "on December 30" read in January
        return _safe_date(pub.year - 1, month, day)
    return this_year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_future(doc, offset: int, modality: str = "asserted") -> bool:
    """Does the clause holding the date at ``offset`` speak of the future? The verb the date hangs on
    decides (:func:`future_clause`); only a date on no verb ("the planned talks on Monday") is read
    in the event's modality."""
    verb = hanging_verb(doc, offset)
    return modality in FUTURE_MODALITIES if verb is None else future_clause(verb)


def hanging_verb(doc, offset: int):
    """The verb (or auxiliary) the expression starting at character ``offset`` hangs on, or None."""
    tok = _token_at(doc, offset)
    for _ in range(6):
        if tok is None:
            return None
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        tok = tok.head if tok.head.i != tok.i else None
    return None


def _token_at(doc, offset: int):
    starts, texts = column(doc, "IDX"), column(doc, "ORTH")
    i = bisect_right(starts, offset) - 1  # the last token starting at or before the offset: it or none
    return doc[i] if i >= 0 and offset < starts[i] + max(len(texts[i]), 1) else None


def future_clause(verb) -> bool:
    """Is ``verb``'s own clause future? "will"/"shall" on it, "is to"/"is going to" before it, or a verb of
    planning, scheduling or expecting governing it (or being it: "the talks are scheduled for Monday")."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    if verb.lemma_.lower() in FUTURE_VERBS:
        return True
    head = verb.head
    if head.i == verb.i or verb.dep_ not in {"xcomp", "ccomp", "conj"}:
        return False
    if verb.dep_ == "conj":  # "will meet and sign on Monday": the tense of the first verb
        return future_clause(head)
    lemma = head.lemma_.lower()
    if lemma in FUTURE_VERBS:
        return True
    to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return to_infinitive and (lemma == "be" or (lemma == "go" and head.tag_ == "VBG"))


def _content_of(verb, act) -> bool:
    """Is ``verb`` the content of the reported act ``act`` ("pledged to *join*", "demanded that Iraq
    *withdraw*", "threatened to *close*"), the act itself not future? Its dates are the content's."""
    if act is None or verb.i == act.i or verb.head.i != act.i or verb.dep_ not in {"xcomp", "ccomp", "advcl"}:
        return False
    return not future_clause(act) and not future_clause(verb)


def date_expressions(doc, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of the date expressions in ``text_of(doc)[start:end]``: DATE entities and regex hits."""
    found = [(e.start_char, e.text) for e in doc.ents if e.label_ == "DATE" and start <= e.start_char < end]
    covered = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    for m in SENTENCE_DATES.finditer(text_of(doc), start, end):
        s = m.start()
        if not any(a <= s < b for a, b in covered):
            found.append((s, m.group()))
    return sorted(found)


def event_date(doc, start: int, end: int, pub: dt.date | None, modality: str = "asserted",
               act: int | None = None) -> str | None:
    """ISO date of the event whose sentence is ``text_of(doc)[start:end]``; the publication date when the
    sentence gives none (None without one). ``act`` is the character offset of the event's evidence (the
    verb of the act: "pledged" in "pledged to join"): expressions on the act's clause win over others,
    and the content of a reported act does not date it (see the module's rules). Within a rank,
    day-precise expressions win over months and years."""
    act_tok = hanging_verb(doc, act) if act is not None else None
    best: tuple[int, int, dt.date] | None = None
    for offset, text in date_expressions(doc, start, end):
        verb = hanging_verb(doc, offset)
        if verb is not None and _content_of(verb, act_tok):
            continue
        future = modality in FUTURE_MODALITIES if verb is None else future_clause(verb)
        date = resolve(text, pub, future=future)
        if date is None:
            continue
        own = int(act_tok is not None and verb is not None and _in_clause(verb, act_tok))
        rank = (own, _precision(text))
        if best is None or rank > best[:2]:
            best = (*rank, date)
    if best is not None:
        return best[2].isoformat()
    return pub.isoformat() if pub else None


def _in_clause(verb, act) -> bool:
    """``verb`` is the act or a verb inside the act's clause (its complement "plans to *visit*")."""
    while verb.i != act.i:
        if verb.head.i == verb.i or verb.dep_ not in {"xcomp", "ccomp", "advcl", "conj"}:
            return False
        verb = verb.head
    return True


def _precision(text: str) -> int:
    """3 for a day, 2 for a month, 1 for a year: the more precise expression dates the event."""
    low = text.lower()
    if (ISO.search(low) or MONTH_DAY_YEAR.search(low) or DAY_MONTH_YEAR.search(low) or WEEKDAY.search(low)
            or any(re.search(rf"\b{p}\b", low) for p in SIMPLE) or AGO.search(low) or "week" in low):
        return 3
    if MONTH_ALONE.search(low) or "month" in low:
        return 2
    return 1
