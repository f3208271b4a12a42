"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` (static hosting
such as GitHub Pages sets no headers).

Only the site's own scripts and styles may run. The theme's few inline scripts are allowed by
their SHA-256 hash, computed from the built page; scripts inside the page content are never
hashed, so nothing an editor or a data file smuggles in can run, even if it slipped past the
sanitiser.
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
"""`data:` images only for the theme's icons in its stylesheet; the sanitiser keeps `data:`
out of content."""

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_CONTENT = re.compile(r"<article\b.*?</article>", re.S)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)


def with_content_security_policy(html: str) -> str:
    """Put the policy, with hashes of the theme's inline scripts, first in the page's head."""
    outside_content = _CONTENT.sub("", html)
    hashes = sorted({_sha256(body) for body in _INLINE_SCRIPT.findall(outside_content)})
    policy = "; ".join(POLICY).format(hashes="".join(f" '{h}'" for h in hashes))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if _CHARSET.search(html):
        return _CHARSET.sub(lambda match: f"{match.group(0)}\n    {meta}", html, count=1)
    return html.replace("<head>", f"<head>\n    {meta}", 1)


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
