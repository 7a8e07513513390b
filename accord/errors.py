"""Errors as values: a bad input item becomes an ``InputError`` that the batch records and moves past.

What cannot be recorded and moved past (a store that cannot be opened) is a ``StoreError``: an exception
whose message names the file, what is wrong and what to do, printed as it is by the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.types import Article


@dataclass(frozen=True, slots=True)
class InputError:
    """One item of input that could not become an article (→ one row in ``rejects``)."""

    input: str  # the file path or "stdin"
    item: str  # line / row number, archive member, or "" for the whole file
    reason: str

    def article(self) -> Article:
        ident = f"{self.input}:{self.item}" if self.item else self.input
        return Article(id=ident, text="", source=self.input)


class StoreError(RuntimeError):
    """The store cannot be opened or upgraded (a clean message for the CLI)."""
