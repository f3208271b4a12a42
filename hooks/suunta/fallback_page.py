"""An editor's page shown in another language than the site's: marked, never passed off."""

from __future__ import annotations

from markupsafe import Markup

from .labels import Labels


def mark_untranslated_page(html: str, page_language: str, site_language: str) -> str:
    """Wrap the page body in its own `lang`, after a visible note in the site's language."""
    note = Labels(site_language)("untranslated_page")
    return Markup(
        '<p class="suunta-untranslated suunta-untranslated-page" role="note">{}</p>\n'
        '<div lang="{}">\n{}\n</div>'
    ).format(note, page_language, Markup(html))
