"""Built tables kept on disk between runs (accord.cache): read back when nothing they come from changed,
rebuilt when anything did, and never a reason to fail."""

from __future__ import annotations

import os

import pytest

from accord import cache


@pytest.fixture
def where(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    return tmp_path


def counting_build(calls: list[int]):
    def build():
        calls.append(1)
        return {"tables": list(range(5))}
    return build


def test_a_second_process_reads_what_the_first_built(where):
    calls: list[int] = []
    first = cache.cached("demo", "k1", counting_build(calls))
    second = cache.cached("demo", "k1", counting_build(calls))
    assert first == second == {"tables": [0, 1, 2, 3, 4]}
    assert len(calls) == 1
    assert [p.name for p in where.iterdir()] == ["demo-k1.pickle"]


def test_another_key_is_built_again(where):
    calls: list[int] = []
    cache.cached("demo", "k1", counting_build(calls))
    cache.cached("demo", "k2", counting_build(calls))
    assert len(calls) == 2


def test_a_truncated_file_is_rebuilt_and_overwritten(where):
    calls: list[int] = []
    cache.cached("demo", "k1", counting_build(calls))
    path = where / "demo-k1.pickle"
    path.write_bytes(path.read_bytes()[:10])
    assert cache.cached("demo", "k1", counting_build(calls)) == {"tables": [0, 1, 2, 3, 4]}
    assert len(calls) == 2
    assert cache.cached("demo", "k1", counting_build(calls)) == {"tables": [0, 1, 2, 3, 4]}
    assert len(calls) == 2


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    calls: list[int] = []
    cache.cached("demo", "k1", counting_build(calls))
    cache.cached("demo", "k1", counting_build(calls))
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_read_only_cache_directory_is_not_an_error(where):
    where.chmod(0o500)
    try:
        assert cache.cached("demo", "k1", counting_build([])) == {"tables": [0, 1, 2, 3, 4]}
    finally:
        where.chmod(0o700)


def test_a_cache_directory_that_is_a_file_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(blocker))
    assert cache.cached("demo", "k1", counting_build([])) == {"tables": [0, 1, 2, 3, 4]}


def test_only_the_newest_keys_of_a_kind_are_kept(where):
    for i in range(cache.KEEP + 3):
        cache.cached("demo", f"k{i}", counting_build([]))
        os.utime(where / f"demo-k{i}.pickle", (1_000_000 + i, 1_000_000 + i))
    cache.cached("other", "x", counting_build([]))
    names = sorted(p.name for p in where.iterdir())
    assert "other-x.pickle" in names
    assert len([n for n in names if n.startswith("demo-")]) == cache.KEEP


def test_the_key_follows_user_dictionaries_and_model(tmp_path):
    d = tmp_path / "mine.yaml"
    d.write_text("actors: []\n")
    base = cache.key([d], extra=["en_core_web_sm=3.8.0"])
    assert cache.key([d], extra=["en_core_web_sm=3.8.0"]) == base
    assert cache.key([d], extra=["en_core_web_sm=3.7.1"]) != base
    d.write_text("actors: [{name: Someone}]\n")
    assert cache.key([d], extra=["en_core_web_sm=3.8.0"]) != base


def test_resources_read_back_code_as_the_built_ones(where, resources):
    from accord.pipeline import Resources, process
    from accord.types import Article

    text = "Police in Ahmedabad arrested 20 protesters. Iran pledged to join the SCO."
    built = Resources.load()  # writes the cache file
    read = Resources.load()  # reads it
    assert any(p.name.startswith("resources-") for p in where.iterdir())
    codes = [[(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in
              process(Article(id="t", text=text, date="2022-09-15"), r).events] for r in (resources, built, read)]
    assert codes[0] == codes[1] == codes[2]
    assert ("173", "INDCOP", "INDCVL") in codes[0] or any(c[0] == "173" for c in codes[0])
