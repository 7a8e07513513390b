"""The spaCy pipeline accord loads: the model's own components, two of them memoized, same output."""

from __future__ import annotations

import pytest

TEXTS = [
    "Iran pledged to join the Shanghai Cooperation Organization, Raisi said on Thursday.",
    "There is no deal yet. There were talks in Moscow and there are more to come.",
    "He ain't gonna sign it, and they gotta know that. Let's see what happens, y'all.",
    "The  ministry\n\nsaid  it   would never recognize the vote.\n  Troops withdrew from the border.",
    "U.S. officials met their Soviet counterparts; 80 companies took part and trade grew 81 pct.",
]


@pytest.fixture(scope="module")
def reference(nlp):
    """The same model with its own attribute_ruler and lemmatizer, unmemoized."""
    import spacy

    from accord.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            ref = spacy.load(name)
            break
        except OSError:
            continue
    ref.add_pipe("accord_paragraphs", before="parser")
    return ref


def _annotations(doc):
    return [(t.text, t.tag_, t.dep_, t.head.i, t.pos_, str(t.morph), t.lemma_, t.ent_type_) for t in doc]


def test_memoized_attributes_replace_the_ruler_and_lemmatizer(nlp):
    assert "accord_attributes" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_memoized_attributes_give_the_models_own_annotations(nlp, reference, text):
    # twice: the first pass learns the keys, the second is served from the tables
    assert _annotations(nlp(text)) == _annotations(reference(text))
    assert _annotations(nlp(text)) == _annotations(reference(text))


def test_multi_token_patterns_still_apply(nlp):
    doc = nlp("They ain't gonna stop.")
    assert [t.lemma_ for t in doc][1:5] == ["be", "not", "go", "to"]


def test_memo_tables_start_afresh_past_their_limit_and_stay_exact(nlp, reference, monkeypatch):
    import accord.nlp

    monkeypatch.setattr(accord.nlp, "MEMO_LIMIT", 5)
    for text in TEXTS:
        assert _annotations(nlp(text)) == _annotations(reference(text))
    assert len(nlp.get_pipe("accord_attributes")._done) <= 5 + max(len(nlp(t)) for t in TEXTS)


def test_matrix_products_go_through_numpy_blas_on_one_thread(nlp):
    # BLIS falls back to its slow reference kernel on a CPU it does not know; numpy's BLAS does not
    from threadpoolctl import threadpool_info

    nodes = [node for _, component in nlp.pipeline if hasattr(component, "model") for node in component.model.walk()]
    assert nodes and all(node.ops.use_blis is False for node in nodes)
    assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")
