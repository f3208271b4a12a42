"""Escaping, sanitising, fallback text, labels and URLs: the pieces pages are made of."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT
from suunta import urls
from suunta.labels import LABELS_DIR, Labels
from suunta.localize import pick
from suunta.markup import markdown_html
from suunta.render import make_context
from suunta.schema import Localized, Name

TEMPLATES = ROOT / "overrides" / "suunta"


def test_markdown_fields_cannot_carry_script_or_event_handlers() -> None:
    html = markdown_html(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> "
        "[link](javascript:alert(3)) **bold**\n\n# Heading"
    )
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "<img" not in html and "<h1" not in html
    assert "<strong>bold</strong>" in html


def test_plain_data_text_is_escaped_in_templates() -> None:
    ctx = make_context(TEMPLATES, "fi", ["fi", "sv"])
    rendered = ctx.env.from_string("{{ value|t }}").render(
        value=Localized({"fi": '<b onclick="x()">Hi</b>', "sv": "Hej"})
    )
    assert rendered == "&lt;b onclick=&#34;x()&#34;&gt;Hi&lt;/b&gt;"


def test_missing_translation_shows_the_other_language_marked_with_its_lang() -> None:
    ctx = make_context(TEMPLATES, "sv", ["fi", "sv"])
    rendered = ctx.env.from_string("{{ value|t }}").render(value=Localized({"fi": "Vain suomeksi"}))
    assert rendered == '<span lang="fi">Vain suomeksi</span> ' \
                       '<span class="suunta-untranslated">(ej översatt)</span>'


def test_a_plain_name_is_the_same_in_every_language_and_never_a_fallback() -> None:
    text = pick(Name("Matti Meikäläinen"), "sv", ["fi", "sv"])
    assert (text.text, text.lang, text.fallback) == ("Matti Meikäläinen", None, False)


def test_every_label_exists_in_every_language() -> None:
    def keys(table: dict, prefix: str = "") -> set[str]:
        found = set()
        for key, value in table.items():
            found |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return found

    tables = {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in LABELS_DIR.glob("*.yml")}
    assert set(tables) == {"fi", "sv"}
    assert keys(tables["fi"]) == keys(tables["sv"])


def test_plurals_and_dates_follow_the_language() -> None:
    import datetime as dt

    assert Labels("fi").plural("measures_count", 1) == "1 toimenpide"
    assert Labels("fi").plural("measures_count", 7) == "7 toimenpidettä"
    assert Labels("sv").plural("measures_count", 1) == "1 åtgärd"
    assert Labels("sv").date(dt.date(2025, 3, 4)) == "4 mars 2025"
    assert Labels("fi").date(dt.date(2025, 3, 4)) == "4. maaliskuuta 2025"


def test_relative_links_work_under_any_language_root() -> None:
    assert urls.relative_url(urls.HOME, urls.goal_page("a")) == "goals/a/"
    assert urls.relative_url(urls.measure_page("m"), urls.goal_page("a")) == "../../goals/a/"
    assert urls.relative_url(urls.measure_page("m"), urls.HOME) == "../../"
    assert urls.relative_url(urls.GOALS_INDEX, urls.goal_page("a")) == "a/"


def test_core_package_does_not_import_mkdocs() -> None:
    package = ROOT / "hooks" / "suunta"
    offenders = [
        p.relative_to(ROOT).as_posix() for p in package.rglob("*.py")
        if "import mkdocs" in p.read_text("utf-8") or "from mkdocs" in p.read_text("utf-8")
    ]
    assert offenders == []


def test_no_finnish_or_swedish_literals_in_python() -> None:
    words = ("toimenpide", "åtgärd", "tavoite", "Suomeksi", "svenska", "Aikataulu", "Tidsplan")
    package = Path(ROOT / "hooks")
    offenders = [
        f"{p.name}: {w}" for p in package.rglob("*.py") for w in words
        if w.lower() in p.read_text("utf-8").lower()
    ]
    assert offenders == []
