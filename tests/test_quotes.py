"""Quotes: quote marks in any combination, quotes over several paragraphs, and who said them."""

from __future__ import annotations

import pytest

from accord.quotes import find_quotes
from accord.types import Actor, Mention

pytestmark = pytest.mark.model


def person_mentions(doc) -> list[Mention]:
    """Stand-in for accord.actors: PERSON entities, a surname → the full name seen before, and
    he/she/him/his/her → the previous person."""
    mentions, people, last = [], {}, None
    starts = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
    for tok in doc:
        ent = starts.get(tok.i)
        if ent is not None:
            full = next((n for n in people if n.endswith(ent.text)), ent.text)
            last = people.setdefault(full, Actor(full, None))
            mentions.append(Mention(ent.start_char, ent.end_char, ent.start, ent.end, ent.root.i, last, "name"))
        elif tok.lower_ in {"he", "she", "him", "his", "her"} and last is not None:
            mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1, tok.i, last, "pronoun"))
    return mentions


def quotes(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, person_mentions(doc))


def test_quotes_said_after_quote_names_speaker(nlp):
    (q,) = quotes(nlp, '"We will not back down on this issue," Sergei Lavrov said on Monday.')
    assert q.text == "We will not back down on this issue"
    assert q.speaker.name == "Sergei Lavrov"


def test_quotes_said_before_subject_inverted(nlp):
    (q,) = quotes(nlp, '"The talks were useful and will continue," said Angela Merkel.')
    assert q.speaker.name == "Angela Merkel"


def test_quotes_attribution_before_quote_with_pronoun_resolves_to_mention(nlp):
    text = 'Joe Biden spoke in Warsaw. Turning to Ukraine, he declared, "Kyiv will never be a victory for Russia."'
    (q,) = quotes(nlp, text)
    assert q.speaker.name == "Joe Biden"
    assert q.speaker_span == (text.index("he declared"), text.index("he declared") + 2)


def test_quotes_according_to_names_speaker(nlp):
    (q,) = quotes(nlp, '"The economy will shrink this year," according to Christine Lagarde.')
    assert q.speaker.name == "Christine Lagarde"


def test_quotes_speaker_without_mention_becomes_uncoded_actor(nlp):
    doc = nlp('"The border is closed to all traffic," a police spokesman said.')
    (q,) = find_quotes(doc, [])
    assert q.speaker is not None and q.speaker.code is None
    assert "spokesman" in q.speaker.name


def test_quotes_mixed_straight_and_curly_marks_pair_up(nlp):
    (q,) = quotes(nlp, 'Anna Smith said: "We will open the office in May and hire staff.” Then she left.')
    assert q.text.startswith("We will open the office")
    assert q.speaker.name == "Anna Smith"


def test_quotes_scare_quotes_are_not_quotes(nlp):
    assert quotes(nlp, 'The minister stressed the "strategic importance" of the relations.') == []


def test_quotes_unclosed_quote_runs_to_paragraph_end(nlp):
    (q,) = quotes(nlp, 'Boris Johnson continued, "And we are very happy with that.\n\nThe meeting ended.')
    assert q.text == "And we are very happy with that."
    assert q.speaker.name == "Boris Johnson"


def test_quotes_unclosed_quote_continues_into_paragraph_opening_with_quote_mark(nlp):
    text = ('Olaf Scholz said: "We will support Ukraine for as long as it takes.\n\n'
            '"Nobody should doubt our resolve on this," he added.')
    (q,) = quotes(nlp, text)
    assert "as long as it takes" in q.text and "doubt our resolve" in q.text
    assert q.speaker.name == "Olaf Scholz"


def test_quotes_unattributed_quote_goes_to_paragraph_speaker(nlp):
    text = 'Emmanuel Macron praised the deal on Friday. “It is a good day for Europe and for peace.'
    (q,) = quotes(nlp, text)
    assert q.speaker.name == "Emmanuel Macron"
    assert q.how.startswith("paragraph speaker") and q.conflict is None


def test_quotes_weak_attribution_gives_way_to_named_paragraph_speaker(nlp):
    text = ('Leaders met in Rome.\n\nFor his part, President Lula stressed the ties with Europe.\n\n'
            '"Our cooperation will grow in every field we work in," said the Brazilian.')
    (q,) = quotes(nlp, text)
    assert q.speaker.name == "Lula"
    assert q.conflict and "Brazilian" in q.conflict


def test_quotes_named_attribution_overrides_paragraph_speaker_without_conflict(nlp):
    text = ('Joe Biden spoke first.\n\n"We have heard this before and we reject it," Xi Jinping said.')
    (q,) = quotes(nlp, text)
    assert q.speaker.name == "Xi Jinping" and q.conflict is None


def test_quotes_seed_article_five_of_five(nlp, shared):
    import json
    import re

    text = (shared / "seed" / "000_862d1585ab695d36.txt").read_text()
    gold = json.loads((shared / "gold" / "seed-article.gold.json").read_text())
    found = quotes(nlp, text)

    def norm(s):
        return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()

    right = [g for g in gold["quotes"]
             if any(norm(g["starts_with"])[:40] in norm(q.text) and q.speaker
                    and g["speaker"].split()[-1].lower() in q.speaker.name.lower() for q in found)]
    assert len(right) == 5, [(q.speaker, q.text[:40]) for q in found]
    raisi = next(q for q in found if q.text.startswith("The development"))
    assert raisi.conflict
