"""Hostile input stays inert: SQL and HTML in every parameter of every API operation and page, and in
article text, never reaches SQL as code nor a page as markup.

Each parameter the OpenAPI schema declares (query and path) gets each payload in turn, on the JSON
endpoint and on its page; the answer is a 2xx or a 4xx with a message, an HTML answer holds no payload
unescaped, and the store is unchanged afterwards (no table dropped, no row added or lost). The hostile
article of tests/test_web_fixture.py covers article text (tests/test_web.py: escaped everywhere).
"""

from __future__ import annotations

import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from starlette.testclient import TestClient  # noqa: E402
from test_web_fixture import web_db  # noqa: E402,F401

from accord.web.app import create_app  # noqa: E402
from accord.web.openapi import spec  # noqa: E402
from accord.web.owner import StoreOwner  # noqa: E402

pytestmark = pytest.mark.model  # the store is coded by the model once per session

PAYLOADS = [
    "'; DROP TABLE events; --",
    "IRN' OR '1'='1",
    "<script>window.__pwned=1</script>",
    "\"><img src=x onerror=alert(1)>",
    "1); DELETE FROM articles WHERE (1=1",
]
MARKUP = ("<script>window.__pwned", "<img src=x")
VALID = {"article": "demo-01", "idx": "0", "id": "demo-01", "code": "IRN", "iso3": "IRN", "format": "csv",
         "a": "IRN", "b": "ISR"}


@pytest.fixture(scope="module")
def client(web_db):  # noqa: F811 (the fixture of test_web_fixture)
    owner = StoreOwner.open(web_db)
    with TestClient(create_app(owner), raise_server_exceptions=False) as c:
        yield c
    owner.close()


def _store_state(client: TestClient) -> tuple:
    def read(cur):
        tables = sorted(r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall())
        return tuple((t, cur.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0]) for t in tables)

    return client.app.app.state.owner.run_read(read)  # Guard → Starlette: the owner it was made with


def _requests() -> list[tuple[str, str, str]]:
    """(operation, parameter, payload) for every parameter of every operation in the schema."""
    out = []
    for path, ops in spec()["paths"].items():
        for p in ops["get"]["parameters"]:
            for payload in PAYLOADS:
                out.append((path, p["name"], payload))
    return out


def _url(path: str, name: str, payload: str, params: list[dict]) -> tuple[str, dict[str, str]]:
    from urllib.parse import quote

    query = {p["name"]: VALID[p["name"]] for p in params if p["in"] == "query" and p["name"] in VALID}
    for p in params:
        if p["in"] == "path":
            value = payload if p["name"] == name else VALID[p["name"]]
            path = path.replace("{" + p["name"] + "}", quote(value, safe=""))
    if any(p["name"] == name and p["in"] == "query" for p in params):
        query[name] = payload
    return path, query


def test_sql_and_html_in_every_parameter_are_refused_or_answered_as_data(client):
    before = _store_state(client)
    answers = 0
    for path, name, payload in _requests():
        params = spec()["paths"][path]["get"]["parameters"]
        url, query = _url(path, name, payload, params)
        targets = [url] + ([url.removeprefix("/api")] if url.startswith("/api/") and url != "/api/sources" else [])
        for target in targets:
            r = client.get(target, params=query)
            answers += 1
            assert r.status_code < 500, (target, query, r.status_code, r.text[:300])
            if r.headers.get("content-type", "").startswith("text/html"):
                assert not any(m in r.text for m in MARKUP), (target, query)
            else:
                assert r.headers["x-content-type-options"] == "nosniff"
    assert answers > 500
    assert _store_state(client) == before  # nothing dropped, deleted or added


def test_a_hostile_search_is_matched_as_words_not_run(client):
    for payload in PAYLOADS:
        r = client.get("/api/events", params={"q": payload, "facets": "0"})
        assert r.status_code == 200 and r.json()["rows"] == []  # no sentence holds these words
        assert r.json()["filter"]["q"] == payload  # echoed back as data, in JSON
