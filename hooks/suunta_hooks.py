"""MkDocs hooks of Suunta: translate MkDocs events into calls on the plain `suunta` package.

Nothing else in Suunta imports MkDocs; keep this file thin so another engine can take its place.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from suunta.errors import DataError
from suunta.generator import generate
from suunta.site_config import SitePaths, languages_from_i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.suunta")


def on_pre_build(config: MkDocsConfig) -> None:
    """Generate the strategy's pages before MkDocs collects the docs tree.

    mkdocs-static-i18n runs the build once per language; generating is idempotent and writes
    only changed files, and the warnings are logged in the first (default-language) build only.
    """
    if not config.use_directory_urls:
        raise PluginError("Suunta needs 'use_directory_urls: true' in mkdocs.yml.")
    languages = languages_from_i18n([dict(lang) for lang in config.plugins["i18n"].config.languages])
    root = Path(config.config_file_path).resolve().parent
    paths = SitePaths(root=root, docs_dir=Path(config.docs_dir))
    try:
        result = generate(paths.data_dir, paths.docs_dir, paths.templates_dir, languages)
    except DataError as error:
        raise PluginError(error.report(root)) from None
    if config.theme["language"] == languages[0]:
        for problem in result.warnings:
            log.warning(problem.describe(root))
