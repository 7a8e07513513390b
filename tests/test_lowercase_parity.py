"""Lower-cased and mis-decoded news codes like the same news as written (issue 12, deliverable 6).

Regional news often reaches accord in lower case, sometimes read with the wrong codec as well. Each
sentence below is coded as written and lower-cased (and with its apostrophe as mojibake); the events,
as (source, CAMEO root, target), must be the same. The sentences are written for accord.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SENTENCES = [
    # districts the gazetteer knows as small towns, named after "in" or before "province"
    "Police arrested two youths in Pulwama on Friday for throwing stones.",
    "Gunmen killed a policeman in Ghazni province on Friday.",
    # "us" the country: after "the", before an office, before a hyphen
    "The US imposed sanctions on Venezuela’s defence minister.",
    "US President Joe Biden met the Kenyan president in Nairobi.",
    "A US-led air strike killed six civilians in Raqqa.",
    # "eu" and "un" are no English words
    "The EU condemned the arrest of journalists in Minsk.",
    "The UN envoy met Houthi leaders in Muscat.",
    # possessives and hyphenated names
    "Ethiopia’s army clashed with Tigrayan forces in Mekelle.",
    "Al-Shabaab militants attacked a police station in Mogadishu.",
    # a state the regions list names; an acronym of two meanings whose country the sentence names
    "Police in Bihar arrested the village head over the killing.",
    "The CBI arrested a customs officer in Chennai on Monday.",
    # a group named in the singular, as an adjective
    "Naxalite rebels torched three trucks in Chhattisgarh.",
    # a country named like a word, before its possessive; a person's name after a title
    "China's foreign ministry condemned the new US sanctions.",
    "Foreign Ministry spokesman Wang Wenbin condemned the sanctions imposed by Washington.",
]


def _events(result):
    return sorted(((e.source and e.source.code) or "-", e.cameo[:2], (e.target and e.target.code) or "-")
                  for e in result.events)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_lowercase_parity_lower_cased_news_codes_as_written(code, sentence):
    cased = _events(code(sentence))
    assert cased, "the sentence as written codes an event"
    assert _events(code(sentence.lower())) == cased


@pytest.mark.parametrize("sentence", [s for s in SENTENCES if "’" in s])
def test_lowercase_parity_mojibake_and_lower_case_together(code, sentence):
    damaged = sentence.lower().encode("utf-8").decode("cp1252")
    assert "â€™" in damaged
    result = code(damaged)
    assert _events(result) == _events(code(sentence))
    assert all(damaged[e.span[0]:e.span[1]].strip() for e in result.events)  # offsets index the text as given


def test_lowercase_parity_everyday_words_code_nothing_new(code):
    """An ordinary sentence in lower case codes what it codes as written: no word becomes a place."""
    sentence = "The police said the best man had a bar in the state and told us about the worms."
    assert _events(code(sentence.lower())) == _events(code(sentence))
