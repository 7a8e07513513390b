"""Cleaning: boilerplate lines are blanked (offsets unchanged) and listed; the body and the title stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.clean import clean, detect_language, is_link_like, marker_kind

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "seed" / "000_862d1585ab695d36.txt"
GOLD = SHARED / "gold" / "seed-article.gold.json"

ARTICLE = """Iran to join regional bloc

Iran on Thursday pledged to join the Shanghai Cooperation Organization, officials said.
Advertisement
The summit began in Uzbekistan and will end on Friday, the host said.

Related News
Russia and China conduct joint naval patrols
Moscow is concerned about the border
"""


def test_clean_keeps_offsets_and_blanks_removed_lines():
    c = clean(ARTICLE)
    assert len(c.text) == len(ARTICLE)
    assert c.text.count("\n") == ARTICLE.count("\n")
    for start, end in c.removed_spans:
        assert c.text[start:end].strip() == "" and ARTICLE[start:end].strip() in c.removed
    body = ARTICLE.index("Iran on Thursday")
    assert c.text[body : body + 16] == "Iran on Thursday"


def test_clean_removes_markers_and_the_related_headlines():
    assert clean(ARTICLE).removed == [
        "Advertisement", "Related News", "Russia and China conduct joint naval patrols",
        "Moscow is concerned about the border",
    ]


def test_clean_never_removes_the_title_line():
    c = clean("Read more about the SCO summit\n\nIran on Thursday pledged to join the bloc, officials said.\n")
    assert c.removed == []


def test_clean_short_lines_without_a_marker_stay():
    """Hard-wrapped newswire (Reuters) is full of short unpunctuated lines: no marker, nothing removed."""
    text = ("Shr 27 cts vs 29 cts\n    Net 13,555,000 vs 14,635,000\n    Revs 104,606,000 vs 110,311,000\n"
            "The company said its board had\nrecommended that shareholders approve the\nbuyout at 12 dlrs a\nshare.\n")
    assert clean(text).removed == []


@pytest.mark.parametrize("line, kind", [
    ("Related News", "list"),
    ("Join NewsTrack Whatsapp group", "list"),
    ("Also read: Iran joins SCO", "list"),
    ("Advertisement", "plain"),
    ("Supported by", "plain"),
    ("Share this article", "plain"),
    ("Facebook Twitter WhatsApp", "plain"),
    ("© 2024 Example News. All rights reserved.", "plain"),
    ("Click here to subscribe", "list"),
    ("Follow-up talks are due next week.", None),
    ("Recommended changes include a tax cut.", None),
    ("Copyright law was debated on Monday.", None),
    ("share.", None),  # the end of a wrapped sentence
])
def test_clean_marker_lines(line, kind):
    assert marker_kind(line) == kind


def test_clean_link_like_lines_are_short_and_not_sentences():
    assert is_link_like("Russia and China conduct joint naval patrols in the Pacific")
    assert not is_link_like("Putin said the talks went well.")
    assert not is_link_like("\u201cWe will join,\u201d he said")


@pytest.mark.skipif(not (SEED.exists() and GOLD.exists()), reason="../shared seed article is not present")
def test_clean_seed_article_removes_exactly_the_gold_boilerplate():
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    c = clean(text)
    assert c.removed == gold["boilerplate"]
    assert c.text.startswith('The "Final Stage"')  # the title stays
    assert "Trade between the two countries grew by 81 percent" in c.text
    assert c.language == "en" and c.is_english


def test_clean_detects_a_german_article():
    c = clean("Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Energiepreise senken soll.")
    assert (c.language, c.is_english) == ("de", False)
    assert c.language_reason.startswith("py3langid: de (")


def test_clean_short_text_defaults_to_english():
    assert detect_language("Hi there") == ("en", "too short to tell (7 letters); assumed English")


def test_clean_newswire_tables_count_as_english():
    table = "Shr 27 cts vs 29 cts\nNet 13,555,000 vs 14,635,000\nRevs 104,606,000 vs 110,311,000\nAvg shrs 47.2 mln"
    assert detect_language(table)[0] == "en"


# --- sentences in hard-wrapped newswire -------------------------------------------------------------


def test_hard_wrapped_newswire_keeps_sentences_whole(nlp):
    from accord.nlp import hard_wrapped

    text = ("Iran announced tonight that its major\noffensive against Iraq in the Gulf war had ended after dealing\n"
            "savage blows against the Baghdad government.\n    The Iranian news agency IRNA, in a report received in\n"
            "London, said the operation code-named Karbala-5 launched into\nIraq on January 9 was now over.\n")
    assert hard_wrapped(text)
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0].startswith("Iran announced") and sents[0].endswith("Baghdad government.")
    assert sents[1].startswith("The Iranian news agency")


def test_one_paragraph_per_line_text_breaks_at_every_line(nlp):
    from accord.nlp import hard_wrapped

    text = "Related News\nIran joins SCO\nRussia and Iran sign deal\nOil prices rise\n"
    assert not hard_wrapped("Iran pledged to join the SCO.\nPutin said the deal was near.\n")
    assert [s.text.strip() for s in nlp(text).sents][:2] == ["Related News", "Iran joins SCO"]


# Short hard-wrapped snippets (issue 11): ours, written in the style of 1980s newswire.
ONE_SENTENCE = ("U.S. Undersecretary of State John Whitfield said he had urged Japan to do much more to\n"
                "reduce its large trade surplus with the United States.")
THREE_LINES = ("Iran's foreign minister said on Tuesday that Tehran had rejected an offer\n"
               "from the United Nations to mediate in the dispute and accused Iraq of\n"
               "violating the ceasefire along the southern border.")


def breaks_kept(text: str) -> list[str]:
    """The lines of ``text`` after which a sentence may end (the breaks that are not joins)."""
    from accord.nlp import line_joins

    joins = line_joins(text)
    lines, out, end = text.split("\n"), [], 0
    for line in lines[:-1]:
        end += len(line)
        if end not in joins:
            out.append(line)
        end += 1
    return out


@pytest.mark.parametrize("text", [ONE_SENTENCE, THREE_LINES])
def test_line_breaks_inside_a_sentence_are_spaces_whatever_the_texts_length(text):
    from accord.nlp import hard_wrapped, line_joins, unwrap

    assert not hard_wrapped(text)  # too few lines to judge the whole text by
    assert line_joins(text) == {i for i, c in enumerate(text) if c == "\n"}
    assert unwrap(text) == text.replace("\n", " ")  # same length: every offset still indexes the text


@pytest.mark.parametrize("text, kept", [
    ("Talks collapse\nFrance criticized Italy on Friday.", ["Talks collapse"]),  # a short title line
    ("Iran Navy Seizes British Tanker In Gulf\nIran's navy said on Monday it had seized a tanker near\n"
     "the Strait of Hormuz.", ["Iran Navy Seizes British Tanker In Gulf"]),  # a title-case headline
    ("IRAN SEIZES TANKER\nIran's navy seized a tanker.", ["IRAN SEIZES TANKER"]),
    ("Iran's navy seizes a British oil tanker in the Gulf, officials say\n"
     "TEHRAN, July 19 - Iran's navy seized a tanker.", ["Iran's navy seizes a British oil tanker in the Gulf, officials say"]),
    ("The ministers agreed on three points\n- Russia will supply gas to Turkey\n- Turkey will pay in roubles",
     ["The ministers agreed on three points", "- Russia will supply gas to Turkey"]),  # a bulleted list
    ("Demands:\n1. Iran frees the crew\n2) Britain releases the ship", ["Demands:", "1. Iran frees the crew"]),
    ("Iran pledged to join the SCO.\nPutin said the deal was near.", ["Iran pledged to join the SCO."]),
    ("Iran pledged to join the organisation and\n\nPutin said the deal was near.", ["Iran pledged to join the organisation and", ""]),
    ("Iran pledged to join the organisation and\n    Putin said the deal was near.", ["Iran pledged to join the organisation and"]),
])
def test_blank_lines_indents_list_items_titles_and_sentence_ends_still_separate(text, kept):
    assert breaks_kept(text) == kept


def test_a_line_ending_in_an_abbreviation_goes_on_in_lower_case():
    assert breaks_kept("Iran accused the U.S.\nofficials of lying about the talks in Geneva.") == []


@pytest.mark.parametrize("text", [ONE_SENTENCE, THREE_LINES])
def test_wrapped_snippets_code_exactly_as_their_one_line_form(code, text):
    wrapped, one_line = code(text, date="1987-03-02"), code(text.replace("\n", " "), date="1987-03-02")
    assert wrapped.events and [e.to_dict() for e in wrapped.events] == [e.to_dict() for e in one_line.events]
    urged = next(e for e in wrapped.events if e.source and e.source.country in ("USA", "IRN"))
    assert urged.sentence == text.replace("\n", " ")  # one sentence, not cut at the line end


def test_a_headline_line_and_a_bulleted_list_are_still_their_own_sentences(nlp):
    from accord.nlp import unwrap

    text = "Talks collapse\nFrance criticized Italy on Friday.\n- Russia will supply gas\n- Turkey will pay"
    doc = nlp(unwrap(text))
    starts = {s.start_char for s in doc.sents}
    assert all(text.index(line) in starts for line in text.split("\n"))  # each line starts a sentence
    assert "Talks collapse" in [s.text.strip() for s in doc.sents]


ENGLISH = ("Iran has pledged to join the Shanghai Cooperation Organization, and President Vladimir Putin said "
           "that a strategic agreement between the two countries, which has been under negotiation for years, "
           "would be signed soon. Trade between the two countries grew by 81 percent in 2021, he said.")
NOT_ENGLISH = {
    "fr": ("L'Iran s'est engagé à rejoindre l'Organisation de coopération de Shanghai, et le président "
           "Vladimir Poutine a déclaré qu'un accord stratégique entre les deux pays, en négociation depuis "
           "des années, serait bientôt signé. Le commerce entre les deux pays a augmenté de 81 % en 2021."),
    "de": ("Der Iran hat zugesagt, der Shanghaier Organisation für Zusammenarbeit beizutreten, und Präsident "
           "Wladimir Putin sagte, ein strategisches Abkommen zwischen den beiden Ländern, über das seit Jahren "
           "verhandelt wird, werde bald unterzeichnet. Der Handel wuchs 2021 um 81 Prozent, sagte er."),
    "es": ("Irán se ha comprometido a unirse a la Organización de Cooperación de Shanghái, y el presidente "
           "Vladimir Putin dijo que un acuerdo estratégico entre los dos países, que se negocia desde hace años, "
           "se firmará pronto. El comercio entre los dos países creció un 81 por ciento en 2021, dijo."),
}


def test_running_english_is_known_by_its_function_words():
    lang, reason = detect_language(ENGLISH)
    assert lang == "en" and reason.startswith("English function words")


@pytest.mark.parametrize("expected", sorted(NOT_ENGLISH))
def test_other_languages_go_to_the_language_model(expected):
    lang, reason = detect_language(NOT_ENGLISH[expected])
    assert lang == expected and reason.startswith("py3langid")
