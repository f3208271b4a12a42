"""One search index per language, so a search on the Swedish site finds Swedish pages only.

mkdocs-static-i18n merges every language into one `search/search_index.json`, and every page
loads it. After the build, the index is split by each language's root (`sv/`), and each
language's pages are pointed at their own copy through the theme's `base` setting.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = Path("search") / "search_index.json"
_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


def split_search_index(site_dir: Path, roots: dict[str, str]) -> None:
    """Write `<root>search/search_index.json` per language; `roots` maps language to prefix."""
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    prefixes = tuple(prefix for prefix in roots.values() if prefix)
    for language, prefix in roots.items():
        if prefix:
            docs = [
                {**doc, "location": doc["location"][len(prefix) :]}
                for doc in merged["docs"]
                if doc["location"].startswith(prefix)
            ]
        else:
            # One `startswith` with every prefix: the index has an entry per section of every
            # page (tens of thousands at 1,000 measures), split again after each edit under serve.
            docs = [doc for doc in merged["docs"] if not doc["location"].startswith(prefixes)]
        index = {**merged, "config": {**merged["config"], "lang": [language]}, "docs": docs}
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def point_search_to_language_root(html: str, prefix: str) -> str:
    """Make the theme's search read the index under `prefix` (such as "sv/") on this page."""
    if not prefix:
        return html

    def rewrite(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        # The theme resolves "search/search_index.json" against `base`: it must end in "/".
        config["base"] = f"{config['base'].rstrip('/')}/{prefix.rstrip('/')}/"
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(rewrite, html, count=1)
