"""Hostile data never runs: a copy of the demo whose every text is an XSS payload, in Chromium.

A session fixture copies the demo project and replaces every text of every data file (and the
copyright in mkdocs.yml) with a payload from `xss_corpus.CORPUS`, each behind a visible token
(`XSS042 <img src=x onerror=…>`). It adds an editor's page in both languages made of raw HTML,
attr_list injections and javascript:/data: links, and builds the site once without --strict
(the sanitiser warns about what it removes, which strict turns into a failure).

Each page kind is opened once in both languages, with `window.__xss` recording calls, dialogs
dismissed and recorded, and CSP violations recorded; `details` are toggled and every link is
focused with Tab. The tests then assert, each on the same visit:

- nothing ran: no `__xss` call, no dialog, no request off 127.0.0.1, no blocked script;
- nothing active is in the DOM: no `on*` attribute, no script in the content and no unknown
  inline script outside it, no javascript:/data: URL, no frame, object, embed or base;
- text stays text: where a token shows, the payload shows after it literally, escaped once;
- the site name (a title breaker) is text in <title>, document.title, the header and labels.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml
from browser import keep_on_localhost
from conftest import copy_project, run_mkdocs, serve, site_pages, sub_path_site_url
from suunta.municipalities import slug
from suunta.pages.measures_index import token_text
from xss_corpus import CORPUS, LITERAL_IN_MARKDOWN, TITLE_BREAKER

LANGUAGES = ("fi", "sv")

# A field's token: shown in front of its payload. Markers in scripts carry it in lower case
# (`window.__xss('xss042:img-onerror')`), which this pattern does not match.
TOKEN = re.compile(r"\b(?:XSS|MD)\d{3}\b")

# Plain-string fields (not per language) that are text a reader sees.
TEXT_KEYS = {"name", "unit", "reference", "phone", "standard"}

# Fields rendered as Markdown (the templates' `md` filter); all other texts are plain text.
MARKDOWN_KEYS = {"description", "metric", "notes", "summary", "introduction", "explanation"}

# Addresses: the schema accepts only https:, http: and mailto: and refuses the characters an
# address never holds (" < > ` and the like), so a single-quote attribute breaker and character
# references (which must show as written) go inside an https URL. The marker is a regular
# expression's source, as the address may hold no quotes of its own kind. E-mail addresses
# must be plain addresses.
HOSTILE_URL = (
    "https://example.invalid/{token}/a'onmouseover='window.__xss(/{marker}:url/.source)'"
    "x='?R&D&amp;&quot;&lt;b&gt;"
)
HOSTILE_EMAIL = "xss.email@example.invalid"

# Fields that get the title breaker rather than the next payload of the corpus: the site
# name, the short title (breadcrumbs) and the first goal, measure and report (page titles).
TITLE_FIELDS = re.compile(
    r"^data/strategy\.yml: (title|short_title|reports\[0\]\.title)\.|"
    r"^data/goals\.yml: goals\[0\]\.title\.|"
    r"^data/measures/[^:]+: measures\[0\]\.title\."
)


@dataclass(frozen=True)
class Injected:
    """One hostile text and where it went."""

    token: str
    source: str
    """File and field, such as `data/strategy.yml: title.fi`."""
    text: str
    """The value written into the file."""
    visible: str
    """What a reader must see from the token on, whitespace collapsed."""
    literal: bool
    """True when the text must show literally wherever its token shows (plain text)."""


@dataclass
class HostileSite:
    project: Path
    site: Path
    build_log: str = field(repr=False)
    injected: dict[str, Injected] = field(default_factory=dict, repr=False)

    def site_name(self, language: str) -> Injected:
        return next(
            i for i in self.injected.values() if i.source == f"data/strategy.yml: title.{language}"
        )


def collapse(text: str) -> str:
    return " ".join(text.split())


def with_marker(payload: str, token: str) -> str:
    """Put the token (lower case) into the payload's markers: `__xss('xss042:name')`."""
    return re.sub(r"(__xss|alert)\((['\"])", rf"\1(\2{token.lower()}:", payload)


class Injector:
    """Hands out tokens and payloads, and remembers what went where."""

    def __init__(self) -> None:
        self.numbers = count(1)
        self.next_payload = count(0)
        self.injected: dict[str, Injected] = {}

    def token(self, prefix: str = "XSS") -> str:
        number = next(self.numbers)
        assert number < 1000, "tokens have three digits: fewer fields, or a longer token"
        return f"{prefix}{number:03d}"

    def text(self, source: str, markdown: bool) -> str:
        token = self.token()
        if TITLE_FIELDS.search(source):
            payload = TITLE_BREAKER
        else:
            payload = CORPUS[next(self.next_payload) % len(CORPUS)]
        literal = not markdown or payload in LITERAL_IN_MARKDOWN
        value = f"{token} {with_marker(payload, token)}"
        self.injected[token] = Injected(token, source, value, collapse(value), literal)
        return value

    def url(self, source: str) -> str:
        token = self.token()
        value = HOSTILE_URL.format(token=token, marker=token.lower())
        visible = value[value.index(token) :]
        self.injected[token] = Injected(token, source, value, visible, True)
        return value

    def walk(self, node: Any, source: str, path: tuple[str | int, ...] = ()) -> None:
        """Replace every text under `node` in place; ids, dates, numbers and enums stay."""
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            here = (*path, key)
            where = f"{source}: {dotted(here)}"
            if isinstance(value, str) and (key in LANGUAGES or key in TEXT_KEYS):
                node[key] = self.text(where, is_markdown(here))
            elif isinstance(value, str) and key == "url":
                node[key] = self.url(where)
            elif isinstance(value, str) and key == "email":
                node[key] = HOSTILE_EMAIL
            elif key == "responsible" and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        value[i] = self.text(f"{where}[{i}]", markdown=False)
                    else:
                        self.walk(item, source, (*here, i))
            elif isinstance(value, dict | list):
                self.walk(value, source, here)


def dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def is_markdown(path: tuple[str | int, ...]) -> bool:
    keys = [p for p in path if isinstance(p, str)]
    if keys and keys[-1] in LANGUAGES:
        keys = keys[:-1]
    if not keys:
        return False
    # Every `text` is Markdown (vision, values, the document's sections) but a progress note's.
    return keys[-1] in MARKDOWN_KEYS or (keys[-1] == "text" and "progress" not in keys)


def both(text: str = "x") -> dict[str, str]:
    return {language: text for language in LANGUAGES}


def add_optional_fields(data: dict[str, Path]) -> None:
    """Fill in the optional fields the demo leaves out, so that every kind of text is shown."""
    strategy = yaml.safe_load(data["strategy"].read_text("utf-8"))
    strategy["status"] = "adopted"
    strategy["adoption"] = {"body": both(), "date": strategy["updated"], "reference": "x"}
    strategy["contact"] = {"name": "x", "title": both(), "email": "x", "phone": "x"}
    strategy["open_data"] = {"licence": {"name": both(), "url": "x"}}
    # Measures name municipalities by id here: their names become hostile texts.
    for municipality in strategy["organisation"]["municipalities"]:
        municipality["id"] = slug(municipality["name"]["fi"])
    data["strategy"].write_text(dump(strategy), "utf-8")

    as_of = strategy["as_of"]
    goals = yaml.safe_load(data["goals"].read_text("utf-8"))
    first_goal = goals["goals"][0]
    first_goal.setdefault("themes", []).append({"id": "hostile-theme", "title": both()})
    data["goals"].write_text(dump(goals), "utf-8")

    for number, path in enumerate(sorted(data["measures"].glob("*.yml"))):
        measures = yaml.safe_load(path.read_text("utf-8"))
        first = measures["measures"][0]
        first.update(
            description=both(),
            responsible=["x", both()],
            units=[both()],
            notes=both(),
            metric=both(),
        )
        if first["goal"] == first_goal["id"]:
            first["theme"] = "hostile-theme"
        for measure in measures["measures"]:
            if "municipalities" in measure:
                measure["municipalities"] = [slug(m) for m in measure["municipalities"]]
        first["municipalities"] = ["tampere"]
        first.setdefault("indicators", []).append(
            {
                "id": f"hostile-indicator-{number}",
                "name": both(),
                "unit": "x",
                "direction": "higher",
                "baseline": {"year": 2023, "value": 1},
                "target": {"year": 2027, "value": 5},
                "values": [{"year": 2024, "value": 2}],
                "source": both(),
            }
        )
        for entry in first.get("schedule", []):
            entry.setdefault("note", both())
        if not first.get("schedule"):
            first["schedule"] = [{"period": "2027", "phase": "deployment", "note": both()}]
        for update in first.get("progress", []):
            update.setdefault("text", both())
        if not first.get("progress"):
            first["progress"] = [{"date": as_of, "status": "in_progress", "text": both()}]
        path.write_text(dump(measures), "utf-8")

    statement = yaml.safe_load(data["accessibility"].read_text("utf-8"))
    statement["feedback"].update(url="x", phone="x")
    statement["enforcement"] = {"name": both(), "url": "x", "email": "x", "phone": "x"}
    for issue in statement.get("known_issues", []):
        issue.setdefault("fix", both())
    data["accessibility"].write_text(dump(statement), "utf-8")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


def inject_copyright(config: Path, injector: Injector) -> None:
    """Each `copyright:` of mkdocs.yml (the site's and each language's) becomes a payload."""
    lines = config.read_text("utf-8").splitlines()
    language = ""
    for i, line in enumerate(lines):
        locale = re.match(r"\s*-?\s*locale:\s*(\w+)", line)
        if locale:
            language = locale.group(1)
        found = re.match(r"(\s*)copyright:", line)
        if found:
            where = f"languages[{language}].copyright" if language else "copyright"
            text = injector.text(f"mkdocs.yml: {where}", markdown=False)
            lines[i] = f"{found.group(1)}copyright: {json.dumps(text, ensure_ascii=False)}"
    config.write_text("\n".join(lines) + "\n", "utf-8")


def add_to_nav(config: Path, page: str) -> None:
    """Append `page` to the top level of mkdocs.yml's `nav:`."""
    lines = config.read_text("utf-8").splitlines()
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  - "):
        end += 1
    lines.insert(end, f"  - {page}")
    config.write_text("\n".join(lines) + "\n", "utf-8")


# Editor's Markdown that only a Markdown page can carry (MkDocs' extensions: attr_list,
# md_in_html, admonition, def_list). `{token}` is the visible token, `{marker}` its marker.
EDITOR_ONLY = [
    # attr_list on a paragraph, a heading and a link.
    "{token} paragraph with attributes\n{: onclick=\"window.__xss('{marker}:attr-list-p')\" }",
    "## {token} heading with attributes {: onmouseover=\"window.__xss('{marker}:attr-list-h2')\" }",
    "[{token} link with attributes](https://example.invalid/){: onfocus=\"window.__xss('{marker}:attr-list-a')\" }",
    "{token} styled paragraph\n{: style=\"background:url(javascript:window.__xss('{marker}:attr-list-style'))\" }",
    # A reference link to javascript:.
    "{token} [reference link][evil-{marker}]\n\n[evil-{marker}]: javascript:window.__xss('{marker}:md-ref')",
    # md_in_html with a handler on the wrapper.
    '<div markdown="1" onmouseover="window.__xss(\'{marker}:md-in-html\')">\n{token} *inside md_in_html*\n</div>',
    # An admonition whose title is a title breaker.
    "!!! note \"{token} </title><script>window.__xss('{marker}:admonition')</script>\"\n    admonition body",
    # A definition list with a handler in the definition.
    "{token} term\n:   <img src=x onerror=\"window.__xss('{marker}:def-list')\">",
    # An image on a data: URL (an SVG with a script).
    "{token} ![svg image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)",
]

# Lines that must read literally on the editor's page: code shows as written.
EDITOR_LITERAL = [
    "{token} `<script>window.__xss('{marker}:code-span')</script>`",
]


def editor_page(injector: Injector, language: str) -> str:
    """The editor's hostile page: every corpus payload, then Markdown-only injections."""
    source = f"docs/hostile.{language}.md"
    title_token = injector.token("MD")
    title = with_marker(TITLE_BREAKER, title_token)
    injector.injected[title_token] = Injected(
        title_token, f"{source}: h1", f"{title_token} {title}", "", False
    )
    blocks = [f"# {title_token} {title}"]
    for payload in CORPUS:
        token = injector.token("MD")
        text = f"{token} {with_marker(payload, token)}"
        literal = payload in LITERAL_IN_MARKDOWN
        injector.injected[token] = Injected(token, source, text, collapse(text), literal)
        blocks.append(text)
    templates = [(t, False) for t in EDITOR_ONLY] + [(t, True) for t in EDITOR_LITERAL]
    for template, literal in templates:
        token = injector.token("MD")
        text = template.replace("{token}", token).replace("{marker}", token.lower())
        visible = collapse(text.replace("`", "")) if literal else ""
        injector.injected[token] = Injected(token, source, text, visible, literal)
        blocks.append(text)
    return "\n\n".join(blocks) + "\n"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    data = {
        "strategy": project / "data" / "strategy.yml",
        "goals": project / "data" / "goals.yml",
        "measures": project / "data" / "measures",
        "accessibility": project / "data" / "accessibility.yml",
        "document": project / "data" / "document.yml",
    }
    add_optional_fields(data)
    injector = Injector()
    files = [data["strategy"], data["goals"], *sorted(data["measures"].glob("*.yml"))]
    for path in [*files, data["accessibility"], data["document"]]:
        content = yaml.safe_load(path.read_text("utf-8"))
        injector.walk(content, path.relative_to(project).as_posix())
        path.write_text(dump(content), "utf-8")
    config = project / "mkdocs.yml"
    inject_copyright(config, injector)
    for language in LANGUAGES:
        page = editor_page(injector, language)
        (project / "docs" / f"hostile.{language}.md").write_text(page, "utf-8")
    add_to_nav(config, "hostile.md")

    site = project / "site"
    result = run_mkdocs(config, site, site_url=sub_path_site_url(config))
    assert result.returncode == 0, f"the hostile site did not build:\n{result.stderr}"
    return HostileSite(project, site, result.stderr, injector.injected)


@pytest.fixture(scope="session")
def hostile_url(hostile_site: HostileSite) -> Iterator[str]:
    """Served under a sub-path, like every site of the browser tests (conftest.serve)."""
    with serve(hostile_site.site) as url:
        yield url


# ---------------------------------------------------------------------------------------------
# Page kinds: one page of each kind per language, picked from the built site.

KINDS = {
    "home": r"",
    "goals": r"goals/",
    "goal": r"goals/[^/]+/",
    "measures": r"measures/",
    "measure": r"measures/[^/]+/",
    "timeline": r"timeline/",
    "goal-timeline": r"timeline/[^/]+/",
    "progress": r"progress/",
    "report": r"reports/[^/]+/",
    "document": r"strategy/",
    "document-section": r"strategy/[^/]+/",
    "statement": r"accessibility/",
    "open-data": r"open-data/",
    "municipality": r"municipalities/(?:[^/]+/)?",
    "editors-page": r"[^/]+/",
}
PAGE_IDS = [f"{kind}-{language}" for language in LANGUAGES for kind in KINDS] + ["404"]


def kind_of(path: str) -> tuple[str, str] | None:
    """(kind, language) of a site path such as `/sv/goals/x/`; None for 404 and unknown."""
    language = "sv" if path.startswith("/sv/") else "fi"
    rest = path[len("/sv/") :] if language == "sv" else path[1:]
    for kind, pattern in KINDS.items():
        if re.fullmatch(pattern, rest):
            return kind, language
    return None


@functools.cache
def pages_by_id(site: Path) -> dict[str, str]:
    """For each page id, the page of that kind and language that shows the most tokens."""
    best: dict[str, tuple[int, str]] = {}
    for path in site_pages(site):
        found = kind_of(path)
        if path == "/404.html":
            best["404"] = (0, path)
        if found is None:
            continue
        file = site / (path.lstrip("/") + "index.html")
        tokens = len(set(TOKEN.findall(file.read_text("utf-8"))))
        page_id = f"{found[0]}-{found[1]}"
        if page_id not in best or tokens > best[page_id][0]:
            best[page_id] = (tokens, path)
    return {page_id: path for page_id, (_, path) in best.items()}


def page_path(hostile_site: HostileSite, page_id: str) -> str:
    pages = pages_by_id(hostile_site.site)
    assert page_id in pages, f"the hostile site has no page of kind {page_id}: {sorted(pages)}"
    return pages[page_id]


# Strings of the data files that are not text a reader sees.
NOT_TEXT = {
    "id",
    "goal",
    "theme",
    "period",
    "phase",
    "status",
    "direction",
    "country",
    "conformance",
    "reason",
    "criteria",
    "email",
    "influence",
    "municipalities",
}


def test_every_text_of_the_data_is_hostile(hostile_site: HostileSite) -> None:
    """The fixture misses no text field (a field added to the schema later fails here)."""
    missed = []

    def check(node: Any, where: str, key: object = None) -> None:
        if isinstance(node, dict):
            for k, value in node.items():
                check(value, f"{where}.{k}", k)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                check(value, f"{where}[{i}]", key)
        elif isinstance(node, str) and key not in NOT_TEXT and not TOKEN.search(node):
            missed.append(f"{where}: {node!r}")

    data = hostile_site.project / "data"
    for path in sorted(data.rglob("*.yml")):
        check(yaml.safe_load(path.read_text("utf-8")), path.relative_to(data).as_posix())
    assert len(hostile_site.injected) > 300
    assert not missed, "texts left without a payload:\n" + "\n".join(missed)


def test_every_page_of_the_hostile_site_is_of_a_known_kind(hostile_site: HostileSite) -> None:
    paths = site_pages(hostile_site.site)
    unknown = [p for p in paths if p != "/404.html" and kind_of(p) is None]
    assert not unknown, f"pages of no known kind (add them to KINDS): {unknown}"
    assert set(PAGE_IDS) <= set(pages_by_id(hostile_site.site))
    assert pages_by_id(hostile_site.site)["editors-page-fi"] == "/hostile/"
    assert pages_by_id(hostile_site.site)["editors-page-sv"] == "/sv/hostile/"


# ---------------------------------------------------------------------------------------------
# One visit per page, shared by the tests below.

RECORDER = """
(() => {
  const calls = [];
  const violations = [];
  Object.defineProperty(window, '__xssCalls', {value: calls});
  Object.defineProperty(window, '__cspViolations', {value: violations});
  Object.defineProperty(window, '__xss', {value: name => { calls.push(String(name)); }});
  document.addEventListener('securitypolicyviolation', e => violations.push(
    `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || 'inline'}`
    + (e.sample ? ` (${e.sample})` : '')), true);
})();
"""

TOGGLE_DETAILS = """() => {
  const all = Array.from(document.querySelectorAll('details'));
  all.forEach(d => { d.open = !d.open; });
  return all.length;
}"""

FOCUSABLE_COUNT = """() => document.querySelectorAll(
  'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]'
).length"""

MAX_TABS = 160
"""Tab presses per page at most: more than the largest page (the measures index) needs."""

# Everything the tests look at, collected in one pass after the page has settled.
INSPECT = r"""() => {
  const problems = [];
  const inContent = el => !!el.closest('article, .md-content');
  const describe = el => {
    const tag = el.tagName.toLowerCase();
    const where = inContent(el) ? 'content' : (el.closest('head') ? 'head' : 'theme');
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `<${tag}${id}${cls}> in the ${where}`;
  };
  const short = text => text.length > 100 ? text.slice(0, 100) + '…' : text;
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data',
    'background', 'srcset', 'ping', 'cite', 'codebase', 'lowsrc', 'dynsrc', 'to', 'values', 'from', 'by']);
  const BAD_URL = /^(javascript|data|vbscript):/;
  const attributes = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) {
        problems.push(`${describe(el)} has the event handler ${name}="${short(value)}"`);
      }
      if (URL_ATTRIBUTES.has(name) || name.endsWith(':href')) {
        const url = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
        if (BAD_URL.test(url) || (name === 'srcset' && /(javascript|data|vbscript):/.test(url))) {
          problems.push(`${describe(el)} has ${name}="${short(value)}"`);
        }
      }
      if (name === 'srcdoc') problems.push(`${describe(el)} has srcdoc="${short(value)}"`);
      if (name === 'style'
          && /url\(\s*['"]?\s*(?!#)|expression\s*\(|javascript:|@import|behavior\s*:/i.test(value)) {
        problems.push(`${describe(el)} has style="${short(value)}"`);
      }
      if (name === 'attributename' && /href/i.test(value)) {
        problems.push(`${describe(el)} animates ${value}`);
      }
      if (/\b(XSS|MD)\d{3}\b/.test(value)) {
        attributes.push({element: describe(el), name, value});
      }
    }
  }
  const THEME_INLINE = ['__md_scope=new URL(', 'var palette=__md_get(',
                        'var target=document.getElementById(location.hash',
                        '// Suunta, run in <head> before the page is painted'];
  for (const script of document.querySelectorAll('script')) {
    const text = script.textContent.trim();
    if (inContent(script)) {
      problems.push(`a script inside the content: ${short(script.outerHTML)}`);
    } else if (script.hasAttribute('src')) {
      const url = new URL(script.getAttribute('src'), document.baseURI);
      if (url.origin !== location.origin) problems.push(`a script from ${url.href}`);
    } else if (script.id === '__config' && script.type === 'application/json') {
      // Material's configuration: data, not code.
    } else if (script.type === 'application/ld+json' && script.parentElement === document.head) {
      // Structured data (the home page): never run, so hostile text may be in it as data,
      // but it must stay JSON with no "<" that could end the element.
      try { JSON.parse(text); } catch (e) { problems.push(`structured data that is not JSON: ${short(text)}`); }
      if (script.innerHTML.includes('<')) problems.push(`structured data with a "<": ${short(text)}`);
      continue;
    } else if (!THEME_INLINE.some(start => text.startsWith(start))) {
      problems.push(`an inline script that is not the theme's: ${short(script.outerHTML)}`);
    }
    if (/__xss|alert\(/.test(text)) problems.push(`a script with a payload: ${short(text)}`);
  }
  const forbidden = 'iframe, frame, frameset, object, embed, applet, portal, base, '
    + 'meta[http-equiv="refresh" i], .md-content meta, .md-content link, .md-content style, '
    + 'article meta, article link, article style';
  for (const el of document.querySelectorAll(forbidden)) {
    problems.push(`${describe(el)} must not exist: ${short(el.outerHTML)}`);
  }
  const titles = Array.from(document.head.querySelectorAll('title')).map(t => t.textContent);
  const topic = document.querySelector('.md-header__title .md-header__topic');
  const navTitle = document.querySelector('.md-nav--primary > .md-nav__title');
  const logos = Array.from(document.querySelectorAll('a.md-logo')).map(a => ({
    ariaLabel: a.getAttribute('aria-label'), title: a.getAttribute('title')}));
  return {
    problems, attributes, titles, logos,
    documentTitle: document.title,
    header: topic ? topic.textContent : null,
    navTitle: navTitle ? navTitle.textContent : null,
    text: document.body.innerText,
  };
}"""


@dataclass
class Visit:
    path: str
    xss_calls: list[str]
    dialogs: list[str]
    violations: list[str]
    console_errors: list[str]
    page_errors: list[str]
    outside: list[str]
    dom: dict[str, Any]


def open_page(browser: Any, url: str) -> Visit:
    """Open `url` with the recorders installed, toggle details, Tab through, and inspect."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = keep_on_localhost(context)
    context.add_init_script(RECORDER)
    tab = context.new_page()
    dialogs: list[str] = []
    console_errors: list[str] = []
    page_errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        tab.goto(url)
        if tab.evaluate(TOGGLE_DETAILS):
            tab.wait_for_timeout(50)
            tab.evaluate(TOGGLE_DETAILS)
        tab.evaluate("() => document.activeElement && document.activeElement.blur()")
        for _ in range(min(tab.evaluate(FOCUSABLE_COUNT) + 3, MAX_TABS)):
            tab.keyboard.press("Tab")
        tab.wait_for_timeout(250)  # late image errors, toggles and timers
        calls: list[str] = []
        violations: list[str] = []
        for frame in tab.frames:
            try:
                calls += frame.evaluate("() => Array.from(window.__xssCalls || [])")
                violations += frame.evaluate("() => Array.from(window.__cspViolations || [])")
            except Exception:  # a frame that cannot be read: the DOM test reports frames
                pass
        tab.evaluate("() => document.activeElement && document.activeElement.blur()")
        dom = tab.evaluate(INSPECT)
    finally:
        context.close()
    return Visit(url, calls, dialogs, violations, console_errors, page_errors, outside, dom)


@pytest.fixture(scope="session")
def visit(browser: Any, hostile_url: str, hostile_site: HostileSite) -> Callable[[str], Visit]:
    """`visit(page_id)`: the one visit of that page (opened on first use)."""
    visits: dict[str, Visit] = {}

    def get(page_id: str) -> Visit:
        if page_id not in visits:
            visits[page_id] = open_page(browser, hostile_url + page_path(hostile_site, page_id))
        return visits[page_id]

    return get


def source_of(site: HostileSite, marker: str) -> str:
    """`xss042:img-onerror` -> `xss042:img-onerror (data/...: measures[0].title.fi)`."""
    found = TOKEN.search(marker.upper())
    injected = site.injected.get(found.group()) if found else None
    return f"{marker} ({injected.source})" if injected else marker


SCRIPT_DIRECTIVES = re.compile(
    r"^(script-src|default-src|object-src|frame-src|child-src|base-uri|form-action|navigate-to)"
)


@pytest.mark.browser
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_hostile_data_never_runs(
    visit: Callable[[str], Visit], hostile_site: HostileSite, page_id: str
) -> None:
    seen = visit(page_id)
    ran = Counter(seen.xss_calls)
    problems = [
        f"window.__xss ran: {source_of(hostile_site, call)}" + (f" ({n} times)" if n > 1 else "")
        for call, n in ran.items()
    ]
    problems += [
        f"a dialog opened: {source_of(hostile_site, d)}" for d in dict.fromkeys(seen.dialogs)
    ]
    problems += [f"a request left 127.0.0.1: {url}" for url in seen.outside]
    problems += [f"a script error: {error}" for error in seen.page_errors]
    problems += [
        f"the Content-Security-Policy blocked something that survived escaping: {v}"
        for v in seen.violations
        if SCRIPT_DIRECTIVES.match(v)
    ]
    details = f"\n(console errors: {seen.console_errors[:10]})" if seen.console_errors else ""
    assert not problems, f"{seen.path}:\n" + "\n".join(problems) + details


@pytest.mark.browser
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_no_active_markup_reaches_the_dom(visit: Callable[[str], Visit], page_id: str) -> None:
    seen = visit(page_id)
    problems = list(dict.fromkeys(seen.dom["problems"]))
    problems += [f"CSP violation: {v}" for v in seen.violations]
    assert not problems, f"{seen.path} ({len(problems)} problems):\n" + "\n".join(problems[:60])


DOUBLE_ESCAPED = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")


def shortened(shown: str, visible: str) -> bool:
    """True when `shown` begins with the start of `visible` cut with "…" (chart labels are)."""
    cut = shown.find("…", 0, len(visible) + 1)
    return cut > 0 and visible.startswith(shown[:cut].rstrip()) and cut < len(visible)


def literal_problems(site: HostileSite, where: str, text: str) -> list[str]:
    """Where a literal field's token shows, its whole text must follow, escaped once.

    A text may be cut with "…" (chart labels are); what shows of it must still be literal.
    Outside the literal texts, no character reference may show: that is escaping twice.
    """
    shown = collapse(text)
    problems = []
    checked = []
    for match in TOKEN.finditer(shown):
        injected = site.injected.get(match.group())
        if injected is None or not injected.literal:
            continue
        start, expected = match.start(), injected.visible
        if shown.startswith(expected, start):
            checked.append((start, start + len(expected)))
        elif shortened(shown[start:], expected):
            checked.append((start, shown.index("…", start)))
        else:
            after = shown[start : start + len(expected) + 20]
            problems.append(f"{where}: {injected.source} shows {after!r}, expected {expected!r}")
    rest = list(shown)
    for start, end in checked:
        rest[start:end] = " " * (end - start)
    remaining = "".join(rest)
    reported = -1000
    for match in DOUBLE_ESCAPED.finditer(remaining):
        if match.start() - reported < 120:  # one line per run of escaped text
            continue
        reported = match.start()
        context = remaining[max(0, match.start() - 50) : match.end() + 50]
        problems.append(f"{where}: escaped twice, {match.group()!r} shows in {context!r}")
    return problems


def filter_values(attribute: dict[str, str]) -> str:
    """An attribute's value, a filter's tokens read back as the names they stand for: a row's
    `data-unit` and an option's value hold names with "|" and "%" written as in an address
    (`measures_index.filter_token`), which is not escaping."""
    value = attribute["value"]
    if attribute["name"] in ("data-unit", "data-responsible") or (
        attribute["name"] == "value" and attribute["element"].startswith("<option>")
    ):
        return "|".join(token_text(token) for token in value.split("|"))
    return value


@pytest.mark.browser
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_hostile_text_shows_literally_and_escaped_once(
    visit: Callable[[str], Visit], hostile_site: HostileSite, page_id: str
) -> None:
    seen = visit(page_id)
    text = seen.dom["text"]
    shown = set(TOKEN.findall(collapse(text)))
    # The page must show some of the data it was built from (a blank page would pass).
    assert shown, f"{seen.path}: no token of the hostile data is visible"
    problems = literal_problems(hostile_site, "text", text)
    for attribute in seen.dom["attributes"]:
        where = f"{attribute['element']} [{attribute['name']}]"
        problems += literal_problems(hostile_site, where, filter_values(attribute))
    if page_id.startswith("editors-page"):
        # Every paragraph of the editor's page still shows (nothing swallowed the rest).
        language = page_id.rsplit("-", 1)[1]
        source = f"docs/hostile.{language}.md"
        expected = {i.token for i in hostile_site.injected.values() if i.source == source}
        missing = sorted(expected - shown)
        if missing:
            problems.append(f"tokens of the editor's page not shown: {missing}")
    assert not problems, f"{seen.path} ({len(problems)} problems):\n" + "\n".join(problems[:60])


@pytest.mark.browser
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_title_header_and_labels_show_the_site_name_as_text(
    visit: Callable[[str], Visit], hostile_site: HostileSite, page_id: str
) -> None:
    seen = visit(page_id)
    language = "sv" if page_id.endswith("-sv") else "fi"
    name = hostile_site.site_name(language).visible
    dom = seen.dom
    problems = []
    if len(dom["titles"]) != 1:
        problems.append(f"the head has {len(dom['titles'])} <title> elements: {dom['titles']}")
    elif collapse(dom["titles"][0]) != collapse(dom["documentTitle"]):
        problems.append(f"<title> {dom['titles'][0]!r} is not document.title")
    if name not in collapse(dom["documentTitle"]):
        problems.append(f"document.title is {dom['documentTitle']!r}; it lacks {name!r}")
    problems += literal_problems(hostile_site, "document.title", dom["documentTitle"])
    if dom["header"] is None or name not in collapse(dom["header"]):
        problems.append(f"the header's title is {dom['header']!r}; it lacks {name!r}")
    if dom["navTitle"] is None or name not in collapse(dom["navTitle"]):
        problems.append(f"the navigation's title is {dom['navTitle']!r}; it lacks {name!r}")
    if not dom["logos"]:
        problems.append("no logo link (a.md-logo) to check the aria-label of")
    for logo in dom["logos"]:
        for key in ("ariaLabel", "title"):
            if collapse(logo[key] or "") != name:
                problems.append(f"the logo link's {key} is {logo[key]!r}, expected {name!r}")
    assert not problems, f"{seen.path}:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# Every page's HTML, without a browser.


class ActiveMarkup(HTMLParser):
    """Finds what could run in a page's HTML as written (before any script changes it)."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.script: list[str] | None = None
        self.data_block = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value[:60]!r}>")
            squeezed = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
            if name in self.URL_ATTRIBUTES and squeezed.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.problems.append(f"<{tag} {name}={value[:60]!r}>")
        if tag in {"iframe", "frame", "object", "embed", "base"}:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if urlparse(src).netloc:
                self.problems.append(f"<script src={src!r}>")
            self.script = []
            self.data_block = dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            text = "".join(self.script)
            if self.data_block:
                # Structured data is not run: hostile text may be in it, as JSON strings only.
                if "<" in text:
                    self.problems.append(f"<script type=application/ld+json>{text[:60]}")
                json.loads(text)
            elif "__xss" in text or "alert(" in text:
                self.problems.append(f"<script>{text[:60]}")
            self.script = None


def test_no_page_of_the_hostile_site_has_active_markup_in_its_html(
    hostile_site: HostileSite,
) -> None:
    problems = []
    pages = sorted(hostile_site.site.rglob("*.html"))
    for file in pages:
        finder = ActiveMarkup()
        finder.feed(file.read_text("utf-8"))
        finder.close()
        for problem in dict.fromkeys(finder.problems):
            problems.append(f"{file.relative_to(hostile_site.site)}: {problem}")
    assert len(pages) > 60
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


# ---------------------------------------------------------------------------------------------
# Content-Security-Policy.


class HeadOrder(HTMLParser):
    """Where the CSP meta element is, relative to the head's start and the first script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[str] = []
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.events.append("csp")
            self.policies.append(values.get("content", ""))
        elif tag in {"script", "head", "body"}:
            self.events.append(tag)
        elif tag == "meta" and "charset" in values:
            self.events.append("charset")
        else:
            self.events.append("other")


CSP_KINDS = [*KINDS, "404"]


@pytest.mark.parametrize("kind", CSP_KINDS)
def test_every_page_kind_has_a_csp_meta_before_any_script(
    hostile_site: HostileSite, kind: str
) -> None:
    paths = [
        p
        for p in site_pages(hostile_site.site)
        if (p == "/404.html" if kind == "404" else (kind_of(p) or ("",))[0] == kind)
    ]
    assert paths
    problems = []
    for path in paths:
        file = hostile_site.site / (
            path.lstrip("/") + ("" if path.endswith(".html") else "index.html")
        )
        order = HeadOrder()
        order.feed(file.read_text("utf-8"))
        events = order.events
        if "csp" not in events:
            problems.append(f'{path}: no <meta http-equiv="Content-Security-Policy">')
            continue
        head = events[events.index("head") + 1 : events.index("body") if "body" in events else None]
        if "csp" not in head:
            problems.append(f"{path}: the CSP meta element is not in the head")
        elif "script" in head and head.index("script") < head.index("csp"):
            problems.append(f"{path}: a script comes before the CSP meta element")
        policy = order.policies[0]
        if not re.search(r"(^|;)\s*(script-src|default-src)\s", policy):
            problems.append(f"{path}: the policy does not restrict scripts: {policy!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


INJECT = """() => {
  const holder = document.createElement('div');
  holder.innerHTML = '<img src="injected-missing.png" onerror="window.__xss(\\'injected-handler\\')">';
  (document.querySelector('.md-content') || document.body).append(holder);
  const script = document.createElement('script');
  script.textContent = "window.__xss('injected-script')";
  document.body.append(script);
}"""


@pytest.mark.browser
def test_csp_blocks_an_injected_inline_handler_and_inline_script(
    browser: Any, site_url: str
) -> None:
    """On a normal page of the demo: markup that a script injects at run time does not run.

    Uses its own context: conftest's `page` fixture fails a test on any CSP violation, and
    this one provokes them on purpose.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = keep_on_localhost(context)
    context.add_init_script(RECORDER)
    tab = context.new_page()
    try:
        tab.goto(site_url + "/goals/")
        tab.evaluate(INJECT)
        tab.wait_for_function(
            "() => document.querySelector('img[src=\"injected-missing.png\"]').complete"
        )
        tab.wait_for_timeout(300)
        calls = tab.evaluate("() => Array.from(window.__xssCalls)")
        violations = tab.evaluate("() => Array.from(window.__cspViolations)")
    finally:
        context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert calls == [], f"injected code ran (no Content-Security-Policy stopped it): {calls}"
    assert violations, (
        "no securitypolicyviolation event: the page has no policy that blocks inline code"
    )


# ---------------------------------------------------------------------------------------------
# Addresses: only https:, http: (and mailto: for feedback) reach the build.

UNSAFE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]


@pytest.mark.parametrize("url", UNSAFE_URLS, ids=["javascript", "javascript-mixed-case", "data"])
def test_an_unsafe_address_in_the_statement_stops_the_build(project: Path, url: str) -> None:
    path = project / "data" / "accessibility.yml"
    statement = yaml.safe_load(path.read_text("utf-8"))
    statement["feedback"]["url"] = url
    statement["enforcement"] = {"name": both("Valvoja"), "url": url}
    path.write_text(dump(statement), "utf-8")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0, f"{url!r} was accepted in feedback.url and enforcement.url"
    for field_name in ("feedback.url", "enforcement.url"):
        assert field_name in result.stderr, (
            f"the error does not name {field_name}:\n{result.stderr}"
        )


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["/", "/sv/"])
def test_search_results_show_hostile_titles_and_texts_as_text(
    browser: Any, hostile_url: str, prefix: str
) -> None:
    """The search index holds page titles and text; the results must show them, not run them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = keep_on_localhost(context)
    context.add_init_script(RECORDER)
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        tab.goto(hostile_url + prefix)
        tab.locator(".md-search__input").click()
        tab.keyboard.type("XSS")
        results = tab.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        tab.wait_for_timeout(500)  # late image errors
        shown = results.count()
        texts = " ".join(results.all_inner_texts())
        calls = tab.evaluate("() => Array.from(window.__xssCalls || [])")
        handlers = tab.evaluate(
            "() => [...document.querySelectorAll('.md-search-result *')]"
            ".flatMap(el => [...el.attributes].map(a => a.name))"
            ".filter(name => name.startsWith('on'))"
        )
    finally:
        context.close()
    assert shown > 0 and "XSS" in texts
    assert calls == [] and dialogs == [] and handlers == [] and outside == []


# ---------------------------------------------------------------------------------------------
# What is read outside the browser: the embeddable lists and the structured data.

class _Markup(HTMLParser):
    """The elements and attribute names of an HTML text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


EMBED_TAGS = {"div", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "p", "span"}
EMBED_ATTRIBUTES = {"lang", "class", "id", "scope", "href"}


def test_embeddable_lists_show_hostile_data_as_text_only(hostile_site: HostileSite) -> None:
    """Another site includes these as they are: no element or handler from the data."""
    fragments = sorted((hostile_site.site / "embed").glob("*.html"))
    assert fragments, "the hostile site names municipalities: it has embeddable lists"
    shown = set()
    for file in fragments:
        text = file.read_text("utf-8")
        markup = _Markup(text)
        assert markup.tags <= EMBED_TAGS, f"{file.name}: {markup.tags - EMBED_TAGS}"
        assert markup.attributes <= EMBED_ATTRIBUTES, f"{file.name}: {markup.attributes}"
        shown |= set(TOKEN.findall(text))
    title = hostile_site.site_name("fi")
    assert title.token in shown  # the strategy's hostile title, in the lists' source line
    data = json.loads((hostile_site.site / "embed" / "tampere.json").read_text("utf-8"))
    assert data["strategy"]["title"]["fi"] == title.text


def test_structured_data_holds_hostile_text_without_ending_its_script(
    hostile_site: HostileSite,
) -> None:
    home = (hostile_site.site / "index.html").read_text("utf-8")
    start = home.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    body = home[start : home.index("</script>", start)]
    assert "<" not in body and ">" not in body
    assert json.loads(body)["name"] == hostile_site.site_name("fi").text
