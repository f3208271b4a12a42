"""The hook file's handling of generated pages' bodies between MkDocs's page events.

With only the plugins Suunta knows (search, i18n), a generated page's body waits compressed
until the page is written and is let go afterwards; with any other plugin, pages carry their
bodies as MkDocs gives them, so that plugin sees them. Called with stand-ins for MkDocs's
page and config objects: the whole builds are tested in test_build.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
import suunta_hooks as hooks

BODY = '<div class="suunta"><h1>Toimenpide 1</h1><p>Kuvaus &amp; mittari.</p></div>'
SOURCE = "measures/m-1.fi.md"


def _config(language: str) -> Any:
    i18n = SimpleNamespace(
        config=SimpleNamespace(
            languages=[{"locale": "fi", "link": "/"}, {"locale": "sv", "link": "/sv/"}]
        )
    )
    return SimpleNamespace(theme={"language": language}, plugins={"i18n": i18n})


def _page(locale: str = "fi") -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=SOURCE, locale=locale), content=None)


@pytest.fixture(autouse=True)
def _fresh_build() -> Iterator[None]:
    saved = hooks._build
    hooks._build = hooks._Build(generated_pages=frozenset({SOURCE}))
    yield
    hooks._build = saved


def _through_mkdocs(page: Any, config: Any) -> tuple[str, str]:
    """The events of one page, in MkDocs's order: its content after `on_page_content`, and
    after the `on_page_context` handlers (which run just before the page is written)."""
    markdown = hooks.on_page_markdown(BODY, page, config, None)
    assert markdown == ""  # the body skips Markdown either way
    page.content = hooks.on_page_content(markdown, page, config, None)
    populated = page.content
    hooks._restore_generated_body({}, page, config, None)
    return populated, page.content


def test_only_known_plugins_make_pages_lean() -> None:
    this = hooks.sys.modules[hooks.__name__]
    assert hooks._only_lean_plugins({"material/search": object(), "i18n": object(), "h": this})
    assert not hooks._only_lean_plugins({"material/search": object(), "material/privacy": 1})
    assert not hooks._only_lean_plugins({"i18n": object(), "hooks/other.py": object()})


def test_a_lean_build_holds_the_body_only_while_the_page_is_written() -> None:
    hooks._build.lean_pages = True
    page, config = _page(), _config("fi")
    populated, written = _through_mkdocs(page, config)
    assert populated == ""
    assert written == BODY
    hooks.on_post_page("<html><head></head><body></body></html>", page, config)
    assert page.content is None
    assert hooks._build.html_bodies == {}


def test_with_another_plugin_pages_carry_their_bodies_as_mkdocs_gives_them() -> None:
    hooks._build.lean_pages = False
    page, config = _page(), _config("fi")
    populated, written = _through_mkdocs(page, config)
    assert populated == BODY and written == BODY
    hooks.on_post_page("<html><head></head><body></body></html>", page, config)
    assert page.content == BODY


@pytest.mark.parametrize("lean", [True, False])
def test_a_fallback_page_is_marked_once_either_way(lean: bool) -> None:
    hooks._build.lean_pages = lean
    page = _page(locale="fi")  # the Finnish page shown in the Swedish site
    _, written = _through_mkdocs(page, _config("sv"))
    assert written.count('class="suunta-untranslated suunta-untranslated-page"') == 1
    assert '<div lang="fi">' in written and BODY in written
