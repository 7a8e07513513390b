"""accord.plots: the PNGs are written, sized sensibly, and empty inputs still give a picture."""

from __future__ import annotations

import pytest
from analysis_fixture import build_store
from matplotlib.image import imread

from accord import plots


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("store") / "fixture.duckdb")


def test_plots_dyad_writes_png(db, tmp_path):
    out = plots.plot_dyad(db, "RUS", "IRN", tmp_path / "sub" / "dyad.png", by="month", both=True)
    img = imread(out)
    assert out.exists() and img.shape[1] > img.shape[0] > 300


def test_plots_dyad_without_events_still_draws(db, tmp_path):
    out = plots.plot_dyad(db, "FRA", "DEU", tmp_path / "none.png")
    assert imread(out).size > 0


def test_plots_map_points_and_png(db, tmp_path):
    pts = plots.map_points(db)
    assert pts[["name", "events"]].values.tolist() == [["Baghdad", 12], ["Tehran", 3], ["Moscow", 2]]
    out = plots.plot_map(db, tmp_path / "map.png")
    assert imread(out).shape[1] > 600


def test_plots_map_without_locations(db, tmp_path):
    out = plots.plot_map(db, tmp_path / "empty.png", start="2030-01-01")
    assert out.exists()
