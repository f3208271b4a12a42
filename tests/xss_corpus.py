"""Hostile text for the XSS tests: what an editor (or an attacker with edit access) might type.

Every payload that could run script calls `window.__xss('<name>')` (a few call `alert`), so a
test that installs `window.__xss` and listens for dialogs sees any payload that executes. The
tests put a field's token into the marker (`window.__xss('xss042:img-onerror')`), so a report
names the very field that ran. Payloads are single lines without leading or trailing spaces:
the schema strips text, and the tests compare text with collapsed whitespace.

Open tags are closed, so that in an editor's Markdown page (raw HTML allowed today) one payload
does not swallow the rest of the page and hide the others.
"""

from __future__ import annotations

# The strategy's title (and so the site name) and a few page titles: one payload that escapes
# a <title> element, a double-quoted attribute (aria-label="…") and plain text at once.
TITLE_BREAKER = (
    "</title>\"><script>window.__xss('title')</script>"
    "<img src=x onerror=\"window.__xss('title-img')\">"
)

CORPUS: list[str] = [
    # A plain script element.
    "<script>window.__xss('script')</script>",
    # A script element from another host (the request guard records it).
    "<script src=https://xss.invalid/x.js></script>",
    # Ends an enclosing inline script (data written into JS or JSON), then starts one.
    "</script><script>window.__xss('close-script')</script>",
    # Ends an enclosing <title>.
    "</title><script>window.__xss('close-title')</script>",
    # Ends an enclosing <textarea>.
    "</textarea><script>window.__xss('close-textarea')</script>",
    # Ends an enclosing <style>.
    "</style><script>window.__xss('close-style')</script>",
    # Ends an enclosing HTML comment.
    "--><script>window.__xss('close-comment')</script>",
    # The classic broken image with an unquoted handler.
    "<img src=x onerror=window.__xss('img-onerror')>",
    # The same with a quoted handler and upper-case tag and attribute names.
    "<IMG SRC=x ONERROR=\"window.__xss('img-onerror-upper')\">",
    # SVG that runs on load.
    "<svg onload=window.__xss('svg-onload')></svg>",
    # A script element inside SVG (foreign content).
    "<svg><script>window.__xss('svg-script')</script></svg>",
    # SVG animation events.
    "<svg><animate onbegin=window.__xss('svg-animate') attributeName=x dur=1s></animate></svg>",
    # An SVG link with an xlink:href to javascript:.
    "<svg><a xlink:href=\"javascript:window.__xss('svg-xlink')\"><text x=20 y=20>svg link</text></a></svg>",
    # SVG animation that turns a link's href into javascript:.
    "<svg><a><set attributeName=href to=\"javascript:window.__xss('svg-set')\"></set><text x=20 y=20>set</text></a></svg>",
    # MathML mutation XSS (a known sanitiser bypass through namespace confusion).
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss('mathml-mxss')></style></mglyph></table></mtext></math>",
    # A MathML element with a javascript: href.
    "<math href=\"javascript:window.__xss('mathml-href')\"><mi>x</mi></math>",
    # <details> that toggles open on its own.
    "<details open ontoggle=window.__xss('details-ontoggle')><summary>details</summary>x</details>",
    # A second <body> tag: its handler is merged into the real body.
    "<body onload=window.__xss('body-onload')>",
    # An input that focuses itself.
    "<input autofocus onfocus=window.__xss('input-onfocus')>",
    # A video source that fails.
    "<video><source onerror=\"window.__xss('video-source')\"></video>",
    # An audio element that fails.
    "<audio src=x onerror=window.__xss('audio-onerror')></audio>",
    # An iframe whose document is given inline.
    "<iframe srcdoc=\"<script>parent.__xss('iframe-srcdoc')</script>\"></iframe>",
    # An iframe on a javascript: URL.
    "<iframe src=\"javascript:parent.__xss('iframe-javascript')\"></iframe>",
    # An object and an embed on data: and javascript: URLs.
    "<object data=\"data:text/html,<script>parent.__xss('object-data')</script>\"></object>",
    "<embed src=\"javascript:window.__xss('embed')\">",
    # A Markdown link to javascript:.
    "[markdown link](javascript:window.__xss('md-link'))",
    # The same in mixed case and with an encoded letter.
    "[mixed case](JaVaScRiPt:window.__xss('md-link-case')) [entity](&#106;avascript:window.__xss('md-link-entity'))",
    # A Markdown image on javascript:.
    "![markdown image](javascript:window.__xss('md-image'))",
    # A Markdown link to an HTML document in a data: URL (<script>parent.__xss('md-data')</script>).
    "[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoJ21kLWRhdGEnKTwvc2NyaXB0Pg==)",
    # A Markdown autolink with a javascript: address.
    "<javascript:window.__xss('md-autolink')>",
    # An HTML link to javascript:, plain, with leading spaces and with an encoded tab.
    "<a href=\"javascript:window.__xss('a-href')\">html link</a>",
    "<a href=\"  javascript:window.__xss('a-href-space')\">spaced</a> <a href=\"java&#x09;script:window.__xss('a-href-tab')\">tabbed</a>",
    # An HTML link to a data: URL.
    "<a href=\"data:text/html,<script>window.__xss('a-data')</script>\">data link</a>",
    # A button that submits to javascript:.
    "<form><button formaction=\"javascript:window.__xss('formaction')\">button</button></form>",
    # Breaks out of a double-quoted attribute into a script.
    "\"><script>window.__xss('attr-double')</script>",
    # Breaks out of a single-quoted attribute into a handler.
    "' onmouseover='window.__xss(\"attr-single\")' autofocus onfocus='window.__xss(\"attr-single-focus\")' x='",
    # Breaks out of a double-quoted attribute into a handler.
    '" onfocus="window.__xss(\'attr-onfocus\')" autofocus="',
    # Breaks out of an attribute into a style with a javascript: URL.
    '" style="background:url(javascript:window.__xss(\'attr-style\'))" x="',
    # An unquoted attribute breaker.
    "x onmouseover=window.__xss('attr-unquoted') autofocus onfocus=window.__xss('attr-unquoted-focus')",
    # Jinja expressions: must stay literal ("49" must not appear in their place).
    "{{ 7*7 }}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
    # Other template syntaxes.
    "${7*7} #{7*7} <%= 7*7 %>",
    # Markdown attr_list: an event handler on the paragraph.
    "{: onclick=\"window.__xss('attr-list')\" }",
    # attr_list on inline emphasis.
    "*emphasis*{: onmouseover=\"window.__xss('attr-list-inline')\" tabindex=0 onfocus=\"window.__xss('attr-list-focus')\" }",
    # Markdown inside raw HTML (md_in_html) with a handler on the wrapper.
    '<div markdown="1" onclick="window.__xss(\'md-in-html\')">*inside*</div>',
    # A <style> element with a javascript: URL, and one that restyles the page.
    "<style>body{background:url(javascript:window.__xss('style-element'))}</style>",
    "<style>.md-header{display:none !important}</style>",
    # Inline styles with URLs and expressions.
    "<p style=\"background-image:url(javascript:window.__xss('style-attr'))\">styled</p>",
    "<div style=\"width:expression(window.__xss('css-expression'))\">expression</div>",
    # A refresh to javascript: and a base element that redirects every relative URL.
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss(\'meta-refresh\')">',
    '<base href="https://xss.invalid/">',
    # Mutation XSS through <noscript> parsing.
    "<noscript><p title=\"</noscript><img src=x onerror=window.__xss('noscript-mxss')>\"></p></noscript>",
    # Character references that must stay what they are.
    "R&D",
    "&lt;b&gt;not bold&lt;/b&gt;",
    "AT&T &amp; &quot;quoted&quot; <3 > 2",
    "&#60;script&#62;window.__xss('numeric-entity')&#60;/script&#62;",
    # JavaScript escapes, in case text is written into a script.
    "\\u003cscript\\u003ewindow.__xss('js-unicode')\\u003c/script\\u003e",
    # A template literal, in case text is written into JavaScript backticks.
    "`${window.__xss('template-literal')}`",
    # An alert rather than the marker.
    "<img src=x onerror=alert('img-alert')>",
    # The title breaker itself also goes round the corpus.
    TITLE_BREAKER,
]

# Payloads that read the same as Markdown: in a Markdown field they too must show literally.
LITERAL_IN_MARKDOWN: frozenset[str] = frozenset(
    {
        "{{ 7*7 }}",
        "{% raw %}{{ 7*7 }}{% endraw %}",
        "R&D",
    }
)
