"""Tone on GDELT's scale, from VADER's offline lexicon.

GDELT's tone is ``(positive words - negative words) / words * 100``: a neutral news sentence scores
near 0 and most articles fall between -10 and +10. VADER ships a lexicon of ~7,500 words with a
valence from -4 to +4; a word counts as positive or negative by the sign of its valence. A word
right after a negator ("not good", "never recognize") counts with the opposite sign, as in VADER.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
NEGATORS = frozenset({"not", "no", "never", "neither", "nor", "without", "cannot", "n't", "dont", "don't",
                      "doesn't", "didn't", "won't", "wouldn't", "isn't", "aren't", "wasn't", "weren't",
                      "can't", "couldn't", "shouldn't", "hardly", "nobody", "none", "nothing"})
NEGATION_REACH = 3  # a negator flips the valence of the next three words


@cache
def lexicon() -> dict[str, float]:
    """VADER's word → valence table, read once per process from the installed package."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                table[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return table


def tone(text: str) -> float | None:
    """Percentage of positive words minus percentage of negative words; None for text without words."""
    if not text:
        return None
    words = [w.lower().strip("'-") for w in WORD.findall(text)]
    words = [w for w in words if w]
    if not words:
        return None
    lex = lexicon()
    pos = neg = 0
    flip_until = -1
    for i, w in enumerate(words):
        if w in NEGATORS:
            flip_until = i + NEGATION_REACH
            continue
        valence = lex.get(w)
        if not valence:
            continue
        if i <= flip_until:
            valence = -valence
        if valence > 0:
            pos += 1
        else:
            neg += 1
    return round((pos - neg) * 100 / len(words), 3)
