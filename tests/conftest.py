"""Shared fixtures. Model-backed fixtures load the spaCy pipeline once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from accord.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def resources():
    from accord.pipeline import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def code(resources):
    """Code one text: ``code("Iran pledged to join the SCO.", date="2022-09-15")`` → ArticleResult."""
    from accord.pipeline import process
    from accord.types import Article

    def _code(text: str, date: str | None = "2022-09-15"):
        return process(Article(id="t", text=text, date=date), resources)

    return _code


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
