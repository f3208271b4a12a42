"""Where Suunta's theme (templates, styles, scripts) is: inside the installed package.

A city's site holds only its own content and settings; the theme comes from the package, so a
fix reaches every site by upgrading Suunta. In a source checkout `suunta/theme` links to the
repository's `overrides/`; a built wheel carries a copy. A site may still set its own
`custom_dir` to override single templates: it is searched first, Suunta's theme after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

THEME_DIR = (Path(__file__).parent / "theme").resolve()
PAGE_TEMPLATES = "suunta"
"""The folder of page templates (Jinja) inside a theme directory."""
STYLESHEETS = ("assets/stylesheets/suunta.css",)
SCRIPTS = ("assets/javascripts/suunta-filters.js",)


def page_templates_dir(custom_dir: Path | None) -> Path:
    """The page templates: the site's own copy when it has one, else the package's."""
    if custom_dir is not None and (custom_dir / PAGE_TEMPLATES).is_dir():
        return custom_dir / PAGE_TEMPLATES
    return THEME_DIR / PAGE_TEMPLATES


def with_suunta_theme(dirs: Sequence[str], custom_dir: str | None) -> list[str]:
    """The theme's search path with Suunta's theme after the site's `custom_dir` (if any)."""
    if any(Path(entry).resolve() == THEME_DIR for entry in dirs):
        return list(dirs)
    position = 1 if custom_dir and dirs and Path(dirs[0]) == Path(custom_dir) else 0
    return [*dirs[:position], str(THEME_DIR), *dirs[position:]]


I18N_SITEMAP_DIR = "custom_i18n_sitemap"
"""The folder mkdocs-static-i18n puts first in the theme's path when the site's own
`custom_dir` has no `sitemap.xml`."""


def without_i18n_sitemap(dirs: Sequence[str]) -> list[str]:
    """The theme's search path without mkdocs-static-i18n's sitemap: Suunta's theme has its
    own (each page's languages and `x-default`, none on a site of one language), which the
    plugin's, put first, would hide on a site without a `custom_dir`."""
    return [entry for entry in dirs if Path(entry).name != I18N_SITEMAP_DIR]


def missing_assets(listed: Sequence[object], wanted: Sequence[str]) -> list[str]:
    """The theme's stylesheets or scripts the site's configuration does not list yet."""
    present = {str(entry) for entry in listed}
    return [path for path in wanted if path not in present]
