"""Amounts: numbers with their units, what they measure, and the event they belong to.

Candidates are spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities (so years, dates, times and
ordinals, which the NER labels apart, never are). The dependency parse then says what a number
counts: the noun it modifies ("about 80 large Russian companies"), the verb that governs it and
that verb's subject ("Trade between the two countries grew by 81 percent"), a DATE attached to the
same verb ("in 2021"), and whether it counts the dead or wounded ("killed 12 people", "at least 30
were wounded"). Numbers are read from digits, scale words ("2.5 billion", "300 mln") and words
("twenty-five", "a dozen"); money gets an ISO 4217 code, including the wire-service abbreviations
("dlrs", "stg").
"""

from __future__ import annotations

import re
from dataclasses import replace

from accord.nlp import text_of
from accord.types import Amount, Event

AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
          "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tln": 1e12, "trn": 1e12}
CURRENCIES = {  # lowercase word or symbol → ISO 4217; multiword names are matched first
    "us$": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "usd": "USD",
    "c$": "CAD", "canadian dollars": "CAD", "a$": "AUD", "australian dollars": "AUD", "hk$": "HKD",
    "hong kong dollars": "HKD", "£": "GBP", "stg": "GBP", "sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "gbp": "GBP", "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "¥": "JPY", "yen": "JPY",
    "jpy": "JPY", "marks": "DEM", "deutsche marks": "DEM", "dm": "DEM", "swiss francs": "CHF", "francs": "FRF",
    "french francs": "FRF", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "rubles": "RUB", "roubles": "RUB",
    "rupees": "INR", "rials": "IRR", "riyals": "SAR", "lire": "ITL", "lira": "TRY", "won": "KRW",
    "guilders": "NLG", "pesetas": "ESP", "shekels": "ILS", "rand": "ZAR", "naira": "NGN",
}
KILL_VERBS = frozenset({"kill", "slay", "murder", "massacre", "execute", "die", "dead", "behead", "shoot",
                        "assassinate", "death"})
WOUND_VERBS = frozenset({"wound", "injure", "hurt", "maim", "injured", "wounded"})
CASUALTY_NOUNS = {"death": "killed", "dead": "killed", "fatality": "killed", "casualty": "killed",
                  "injury": "wounded", "injured": "wounded", "wounded": "wounded"}
DEFINITE = frozenset({"the", "these", "those", "both", "its", "their", "our", "his", "her", "my", "your"})
DEMONSTRATIVES = frozenset({"this", "that", "it", "which"})
LIST_NUMBER = re.compile(r"^\s*\(?\d{1,2}[.)]\s")


def find_amounts(doc) -> list[Amount]:
    """Every amount in ``doc`` with value, unit, kind and, where the parse shows it, what and when."""
    out: list[Amount] = []
    for ent in doc.ents:
        if ent.label_ not in AMOUNT_LABELS or _is_list_number(doc, ent):
            continue
        amount = _amount(doc, ent, out)
        if amount is not None:
            out.append(amount)
    return out


def link_to_events(amounts: list[Amount], events: list[Event]) -> list[Amount]:
    """Set ``event_index``: casualties to the violent event (CAMEO 18-20) of their sentence, other
    amounts to the event of their sentence whose span is nearest; None without one."""
    out = []
    for a in amounts:
        same = [(i, e) for i, e in enumerate(events) if _sentence_of(e)[0] <= a.span[0] < _sentence_of(e)[1]]
        if a.kind == "casualties":
            same = [(i, e) for i, e in same if e.cameo_root in {"18", "19", "20"}] or same
        best = min(same, key=lambda ie: _distance(a.span, ie[1].span), default=None)
        out.append(replace(a, event_index=best[0] if best else None))
    return out


def _sentence_of(e: Event) -> tuple[int, int]:
    return e.sentence_span or e.span


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


# -- reading one entity ---------------------------------------------------------------------------------


def _amount(doc, ent, earlier: list[Amount]) -> Amount | None:
    toks = [t for t in ent if not t.is_space]
    if not toks:
        return None
    start, end = toks[0].i, toks[-1].i + 1
    value = parse_number([t.text for t in toks])
    if value is None:
        return None
    nxt = doc[end] if end < len(doc) else None
    unit_tok = _counted_noun(doc, ent, end)
    currency = _currency(doc, start, end + (1 if unit_tok is not None else 0))
    if currency is None and nxt is not None:
        currency = CURRENCIES.get(nxt.lower_)  # "300 mln stg": the currency follows the entity
        unit_tok = nxt if currency else unit_tok
    number_root = ent.root
    if _is_year(ent, value, unit_tok) or (start > 0 and doc[start - 1].lower_ in DEFINITE and ent.label_ == "CARDINAL"):
        return None
    casualty = _casualty(number_root, unit_tok)
    if ent.label_ == "PERCENT" or any(t.text == "%" or t.lower_ in {"percent", "per"} for t in toks):
        kind, unit = "percent", "percent"
    elif currency:
        kind, unit = "money", currency
    elif casualty:
        kind, unit = "casualties", casualty
    elif unit_tok is not None:
        kind, unit = ("quantity" if ent.label_ == "QUANTITY" else "count"), unit_tok.lower_
    elif ent.label_ == "QUANTITY":
        kind, unit = "quantity", toks[-1].lower_
    else:
        kind, unit = "count", None
    if value == 1 and kind == "count":
        return None  # "one of them", "only one formality": a pronoun or an article, not a figure
    last = unit_tok.i + 1 if unit_tok is not None and unit_tok.i >= end else end
    s, e = toks[0].idx, doc[last - 1].idx + len(doc[last - 1].text)
    head = unit_tok if unit_tok is not None else number_root
    return Amount(value=value, unit=unit, text=text_of(doc)[s:e], span=(s, e), kind=kind, currency=currency,
                  about=_about(doc, ent, head, unit_tok, kind, earlier), period=_period(doc, ent, head))


def _counted_noun(doc, ent, end: int):
    """The noun the number counts, after it: "companies" in "about 80 large Russian companies"."""
    head = ent.root.head
    if (ent.root.dep_ in {"nummod", "quantmod", "compound", "amod"} and head.i >= end and head.i - end <= 4
            and head.pos_ in {"NOUN", "PROPN"} and not head.ent_type_ == "DATE"):
        return head
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in CURRENCIES and nxt.lower_ not in {"won"}:
        return nxt
    return None


def _is_list_number(doc, ent) -> bool:
    line_start = text_of(doc).rfind("\n", 0, ent.start_char) + 1
    return bool(LIST_NUMBER.match(text_of(doc)[line_start:ent.end_char + 2])) and ent.start_char - line_start < 3


def _is_year(ent, value: float, unit_tok) -> bool:
    text = ent.text.strip()
    return ent.label_ == "CARDINAL" and unit_tok is None and text.isdigit() and len(text) == 4 and 1800 <= value <= 2100


def _currency(doc, start: int, end: int) -> str | None:
    words = [t.lower_ for t in doc[max(start - 1, 0):end]]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = CURRENCIES.get(" ".join(words[i:i + n]))
            if code and not (n == 1 and words[i] in {"won", "m", "b"}):
                return code
    text = doc[start:end].text.lower()
    for sym in ("us$", "hk$", "c$", "a$", "$", "£", "€", "¥"):
        if sym in text:
            return CURRENCIES[sym]
    return None


def _casualty(root, unit_tok) -> str | None:
    """'killed' or 'wounded' when the number counts victims of the verb or noun it attaches to."""
    noun = unit_tok if unit_tok is not None else root
    if noun.lemma_.lower() in CASUALTY_NOUNS:
        return CASUALTY_NOUNS[noun.lemma_.lower()]
    for cand in [noun, *list(noun.ancestors)[:2]]:
        lemma = cand.lemma_.lower()
        if cand is not noun or cand.pos_ in {"VERB", "ADJ"}:
            if lemma in KILL_VERBS or cand.lower_ == "dead":
                return "killed"
            if lemma in WOUND_VERBS:
                return "wounded"
        if cand.pos_ == "VERB" and cand is not noun:
            break
    for child in noun.children:
        if child.dep_ in {"amod", "acl"} and (child.lemma_.lower() in KILL_VERBS or child.lower_ == "dead"):
            return "killed"
        if child.dep_ in {"amod", "acl"} and child.lemma_.lower() in WOUND_VERBS:
            return "wounded"
    return None


def _governing_verb(tok):
    for cand in [tok, *tok.ancestors]:
        if cand.pos_ in {"VERB", "AUX"}:
            return cand
    return None


def _about(doc, ent, head, unit_tok, kind: str, earlier: list[Amount]) -> str | None:
    """What the number measures: the counted noun phrase, else the subject and verb that govern it."""
    if kind in {"quantity", "money"}:
        what = _of_object(head)
        if what is not None:
            return what
    if kind in {"count", "casualties"} and unit_tok is not None:
        return doc[ent.end:unit_tok.i + 1].text if unit_tok.i >= ent.end else unit_tok.text
    verb = _governing_verb(head)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.i >= ent.start and subj.i < ent.end:
        return verb.text
    if subj.lower_ in DEMONSTRATIVES and earlier:  # "This increased by 30 percent": what increased before
        prior = earlier[-1].about
        if prior and prior.split()[-1] != prior:
            return f"{' '.join(prior.split()[:-1])} {verb.text}"
    subject = doc[subj.left_edge.i:subj.right_edge.i + 1].text
    return f"{subject} {verb.text}"


def _of_object(tok) -> str | None:
    """ "40 tonnes of food" → "food"; "$5 billion in aid" → "aid" (not a date: that is the period)."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "for"}:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN"} and not obj.ent_type_:
                return obj.doc[obj.left_edge.i:obj.i + 1].text
    return None


def _period(doc, ent, head) -> str | None:
    """The DATE nearest the amount among those attached to the same verb or to the amount itself."""
    verb = _governing_verb(head)
    sent = ent.sent
    found = []
    for date in [e for e in doc.ents if e.label_ == "DATE" and sent.start <= e.start < sent.end]:
        anchors = {a.i for a in date.root.ancestors}
        if (verb is not None and verb.i in anchors and _first_verb(date.root) == verb) or head.i in anchors:
            found.append((abs(date.start - ent.end), date))
    if not found:
        return None
    text = min(found, key=lambda fd: fd[0])[1].text.strip()
    return text[4:] if text.lower().startswith("the ") else text


def _first_verb(tok):
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


# -- numbers in words and digits ------------------------------------------------------------------------


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits, words or both: "2.5 billion", "twenty-five", "a dozen"."""
    parts: list[str] = []
    for w in words:
        w = w.lower().strip()
        for cur in ("us$", "hk$", "c$", "a$", "$", "£", "€", "¥"):
            if w.startswith(cur) and len(w) > len(cur):
                w = w[len(cur):]
        parts += [p for p in re.split(r"(?<=[a-z])-(?=[a-z])", w) if p]
    total = current = 0.0
    seen = False
    for i, w in enumerate(parts):
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        num = _digits(w)
        if num is not None:
            if seen and current:
                return None  # "2. 3": two numbers side by side are a list, not one amount
            current += num
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w in {"a", "an"} and (nxt in SCALES or nxt == "dozen"):
            current += 1
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES and (seen or current):
            total += (current or 1) * SCALES[w]
            current = 0
        elif w in SCALES and w in {"million", "billion", "thousand", "trillion"}:
            total += SCALES[w]
            seen = True
    return (total + current) if seen else None


def _digits(w: str) -> float | None:
    w = w.rstrip("%")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?|\.\d+", w):
        return float(w.replace(",", ""))
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|mn|bn|b|mln|bln)", w)  # "5bn", "300m"
    if m:
        return float(m[1]) * SCALES[m[2]]
    return None
