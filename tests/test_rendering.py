"""Escaping, sanitising, fallback text, labels and URLs: the pieces pages are made of."""

from __future__ import annotations

import contextlib
import posixpath
import random
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
    # The levels' names have the forms each language's grammar needs, so only the levels match.
    terms = {language: table.pop("terms") for language, table in tables.items()}
    assert keys(tables["fi"]) == keys(tables["sv"])
    assert set(terms["fi"]) == set(terms["sv"]) == {"goal", "measure"}


def test_every_form_of_a_level_name_that_a_text_uses_exists() -> None:
    """Every `{goal.x}` in a language's texts names a form that the language declares."""
    import re

    for language in ("fi", "sv"):
        table = yaml.safe_load((LABELS_DIR / f"{language}.yml").read_text("utf-8"))
        forms = {level: set(words) for level, words in table["terms"].items()}
        used = re.findall(r"\{(goal|measure|Goal|Measure)\.(\w+)\}", yaml.safe_dump(table))
        assert used, "the texts name no level"
        for level, form in used:
            assert form in forms[level.lower()], f"{language}: {level}.{form}"


def test_a_strategy_names_its_own_levels() -> None:
    dalsland = Labels(
        "sv",
        {"goal": {"one": "delstrategi", "many": "delstrategier", "short": "delstrategi",
                  "plural": "delstrategier", "genitive": "delstrategis"},
         "measure": {"one": "riktlinje", "many": "riktlinjer", "definite_many": "riktlinjerna",
                     "genitive_many": "riktlinjernas"}},
    )
    assert dalsland("goal.number", number=3) == "Delstrategi 3"
    assert dalsland("timeline.caption", number=3) == "Tidsplan för riktlinjerna under delstrategi 3"
    assert dalsland.plural("goals_count", 8) == "8 delstrategier"
    assert Labels("fi")("goal.measures_caption", number=2) == "Tavoitteen 2 toimenpiteet"


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


def test_relative_paths_match_posixpath_inside_the_tree(tmp_path: Path) -> None:
    """`urls.relative_path` skips the working folder relpath asks for; inside the site's tree
    (the start never climbs above its root) the answers are the same, from a working folder
    deeper than any path climbs (relpath's answer would otherwise name its folders)."""
    deep = tmp_path / "a" / "b" / "c" / "d" / "e" / "f"
    deep.mkdir(parents=True)
    parts = ["goals", "measures", "x", ".", "..", "sv", "pages", "2", "embed", "a.json"]
    chooser = random.Random(7)
    compared = 0
    with contextlib.chdir(deep):
        for _ in range(5000):
            path, start = (
                "/".join(chooser.choices(parts, k=chooser.randint(0, 4))) or "." for _ in range(2)
            )
            if posixpath.normpath(start).startswith(".."):
                continue
            compared += 1
            assert urls.relative_path(path, start) == posixpath.relpath(path, start), (path, start)
    assert compared > 3000
    assert urls.relative_path("data/x.csv", "sv/measures/m") == "../../../data/x.csv"
    assert urls.relative_path("goals", "goals") == "."


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


def test_thousands_of_brackets_are_text_not_a_build_stall() -> None:
    """Python-Markdown's link patterns take seconds on thousands of unclosed `[`: past a limit
    they are text (the fuzz suite found 9,000 characters of `[ ` taking 9 s)."""
    from suunta.markup import MAX_LINK_BRACKETS

    html = markdown_html("[ " * 4500)
    assert html.count("[") == 4500 and "<a" not in html
    few = "[a](https://example.invalid/) " + "[ " * (MAX_LINK_BRACKETS - 1)
    assert '<a href="https://example.invalid/"' in markdown_html(few)
