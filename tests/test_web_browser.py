"""The dashboard in a real browser: headless Chromium (Debian's ``chromium``) driven by playwright.

One browser for the module; the server runs on 127.0.0.1 over the demo store plus a hostile article
(tests/test_web_fixture.py). Every request the pages make is recorded: none may leave 127.0.0.1.
Screenshots go to the temporary folder (ACCORD_SHOTS=dir keeps them somewhere else).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_web_fixture import HOSTILE_ID, live, web_db  # noqa: F401

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("ACCORD_SHOTS") or tempfile.gettempdir()) / "accord-web-shots"

pytestmark = [pytest.mark.model]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium; .ci/run does it)")
    profile = tempfile.mkdtemp(prefix="accord-chromium-")
    with playwright.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True,
                                                   viewport={"width": 1400, "height": 1000})
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, live):  # noqa: F811 (the fixture of test_web_fixture)
    pg = browser.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.base = live.url  # type: ignore[attr-defined]
    yield pg
    hosts = {urlparse(u).hostname for u in pg.requests if not u.startswith(("data:", "blob:", "about:"))}
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {hosts}"
    pg.close()


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _charts_ready(pg, names: list[str]) -> None:
    for name in names:
        pg.wait_for_selector(f'[data-chart="{name}"][data-ready="1"] canvas', timeout=10_000)


def _matching(pg) -> int:
    text = pg.inner_text(".counts")
    return int(re.search(r"([\d,]+)\s+events match the filter", text).group(1).replace(",", ""))


def test_overview_draws_its_charts_and_the_brush_refilters(page):
    page.goto(page.base + "/")
    _charts_ready(page, ["timeline", "choropleth"])
    before = _matching(page)
    assert page.evaluate("Object.keys(window.accordCharts).sort()") == ["choropleth", "timeline"]
    series = page.evaluate("window.accordCharts.timeline.getOption().series.length")
    assert series == 4  # one per quad class
    _shot(page, "overview")
    box = page.locator('[data-chart="timeline"]').bounding_box()
    y = box["y"] + box["height"] * 0.6
    with page.expect_navigation():
        page.mouse.move(box["x"] + box["width"] * 0.35, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.85, y, steps=8)
        page.mouse.up()
    page.wait_for_load_state()
    url = page.url
    assert re.search(r"from=\d{4}-\d{2}-\d{2}", url) and re.search(r"to=\d{4}-\d{2}-\d{2}", url)
    assert page.input_value('input[name="from"]') in url  # the filter bar shows the brushed range
    _charts_ready(page, ["timeline"])
    assert 0 < _matching(page) < before, url  # the whole page is refiltered
    assert not page.problems, page.problems


def test_pages_render_their_data_and_charts_after_javascript(page):
    for path, charts, text in [
        ("/events", [], "match"),
        ("/dyad?a=IRN&b=ISR", ["dyad-ab", "dyad-ba", "roots"], "IRN → ISR"),
        ("/actor/IRN", ["partners", "types"], "Partners"),
        ("/country/IRN", ["partners", "types"], "Partners"),
        ("/map", ["map"], "located events"),
        ("/network", ["network"], "Actor network"),
        ("/event/demo-01/1", [], "This coding is wrong"),
        ("/article/demo-01", [], "Quotes"),
        ("/api", [], "/openapi.json"),
    ]:
        page.goto(page.base + path)
        _charts_ready(page, charts)
        assert text in page.inner_text("main"), path
        if path == "/map":
            shown = "window.accordCharts.map.getOption().series[1].data.length"
            everything = page.evaluate(shown)
            assert everything > 0
            page.locator("#map-slider").fill("0")  # the time slider back to the first date
            assert 0 < page.evaluate(shown) < everything
            _shot(page, "map")
        if path.startswith("/dyad"):
            _shot(page, "dyad")
    assert not page.problems, page.problems


def test_the_hostile_article_stays_inert(page):
    page.goto(page.base + f"/article/{HOSTILE_ID}")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("main script, main img, main b").count() == 0  # shown as text, not as elements
    assert "<script>window.__pwned" in page.inner_text(".article-text")
    page.goto(page.base + "/events?q=embassy")
    page.hover("td.sentence")
    assert page.evaluate("window.__pwned === undefined")
    assert not [p for p in page.problems if "dialog" in p]


def test_the_feedback_form_round_trips(page):
    page.goto(page.base + "/event/demo-02/0")
    page.check('input[value="wrong_code"]')
    page.fill('input[name="cameo"]', "138")
    page.fill('input[name="note"]', "a threat of war, not a warning")
    with page.expect_navigation():
        page.click("text=Store the correction")
    assert "saved=1" in page.url
    assert "the correction is stored" in page.inner_text(".feedback")
    assert "wrong_code 138" in page.inner_text(".feedback ul.past")
    page.goto(page.base + "/feedback")
    assert "demo-02#0" in page.inner_text("main")


def test_the_api_answers_in_the_browser_and_matches_its_schema(page):
    page.goto(page.base + "/api")
    body = page.evaluate("fetch('/api/events?limit=5').then(r => r.json())")
    schema = page.evaluate("fetch('/openapi.json').then(r => r.json())")["components"]["schemas"]["Envelope"]
    assert set(schema["required"]) <= set(body) and len(body["rows"]) == 5 and body["next"]
    bad = page.evaluate("fetch('/api/events?quad=7').then(r => r.json().then(j => [r.status, j]))")
    assert bad[0] == 400 and not bad[1]["ok"] and "quad" in bad[1]["error"]


def test_pages_read_without_javascript(browser, live):  # noqa: F811
    ctx = browser.browser.new_context(java_script_enabled=False) if browser.browser else None
    if ctx is None:
        pytest.skip("a persistent context cannot open a second context here")
    pg = ctx.new_page()
    pg.goto(live.url + "/")
    assert "Top dyads" in pg.inner_text("main") and pg.locator("table tbody tr").count() > 10
    pg.goto(live.url + "/map")
    pg.click("summary")
    assert pg.locator("table").first.inner_text().count("IRN") >= 1
    ctx.close()
