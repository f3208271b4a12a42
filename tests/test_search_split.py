"""Splitting the merged search index by language root, without MkDocs."""

from __future__ import annotations

import json
from pathlib import Path

from suunta.search_split import point_search_to_language_root, split_search_index
from suunta.served_search import merged_entries


def test_each_language_gets_its_own_index_with_local_locations(tmp_path: Path) -> None:
    merged = {"config": {"lang": ["fi", "sv"], "separator": "x"}, "docs": [
        {"location": "", "title": "Etusivu", "text": ""},
        {"location": "measures/a/", "title": "A", "text": ""},
        {"location": "sv/", "title": "Startsida", "text": ""},
        {"location": "sv/measures/a/", "title": "A sv", "text": ""},
    ]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged), "utf-8")
    split_search_index(tmp_path, {"fi": "", "sv": "sv/"})
    fi = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    sv = json.loads((tmp_path / "sv" / "search" / "search_index.json").read_text("utf-8"))
    assert [d["title"] for d in fi["docs"]] == ["Etusivu", "A"]
    assert [d["location"] for d in sv["docs"]] == ["", "measures/a/"]
    assert (fi["config"]["lang"], sv["config"]["lang"]) == (["fi"], ["sv"])
    assert sv["config"]["separator"] == "x"


def test_pages_of_a_language_read_the_index_under_its_root() -> None:
    html = '<p>x</p><script id="__config" type="application/json">{"base": "../..", "search": "w.js"}</script>'
    pointed = point_search_to_language_root(html, "sv/")
    assert '"base": "../../sv/"' in pointed and '"search": "w.js"' in pointed
    assert point_search_to_language_root(html, "") == html


def test_worker_is_changed_to_stemmed_and_prefix_terms_once(tmp_path: Path) -> None:
    from suunta.search_stemming import WORKERS, enable_stemmed_queries

    worker = tmp_path / WORKERS / "search.abc.min.js"
    worker.parent.mkdir(parents=True)
    worker.write_text("x.map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`).join(\" \")", "utf-8")
    assert enable_stemmed_queries(tmp_path)
    assert "r:`${r} ${r}*`)" in worker.read_text("utf-8")
    assert enable_stemmed_queries(tmp_path)  # a second run changes nothing and still succeeds
    worker.write_text("something else", "utf-8")
    assert not enable_stemmed_queries(tmp_path)


def test_a_dirty_rebuild_index_keeps_unchanged_pages_and_drops_rebuilt_and_gone_ones() -> None:
    previous = [
        {"location": "", "title": "Etusivu"},
        {"location": "#vision", "title": "Visio"},
        {"location": "goals/", "title": "Tavoitteet"},
        {"location": "measures/m1/", "title": "Vanha otsikko"},
        {"location": "measures/m1/#a", "title": "Vanha osio"},
        {"location": "measures/removed/", "title": "Poistettu"},
        {"location": "sv/", "title": "Startsida"},
    ]
    current = [{"location": "measures/m1/", "title": "Uusi otsikko"}]
    pages = {"./", "goals/", "measures/m1/", "sv/"}  # MkDocs calls the home page "./"

    merged = merged_entries(previous, current, {"measures/m1/"}, pages)

    assert [e["title"] for e in merged] == [
        "Etusivu", "Visio", "Tavoitteet", "Startsida", "Uusi otsikko"
    ]
