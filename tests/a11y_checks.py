"""Checks an auditor does by hand, as browser scripts: focus order and visibility, clipping."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# Every visible element that should take keyboard focus, in DOM order.
MARK_FOCUSABLES = """() => {
  const selector = 'a[href], button, select, input:not([type=hidden]), textarea, summary, '
                 + '[tabindex]:not([tabindex="-1"])';
  const seenRadio = new Set();
  const all = Array.from(document.querySelectorAll(selector)).filter(el => {
    if (el.disabled || el.tabIndex < 0) return false;
    // A radio group is one Tab stop: its checked radio (or its first).
    if (el.type === 'radio') {
      const group = Array.from(document.getElementsByName(el.name));
      const stop = group.find(r => r.checked) || group[0];
      if (el !== stop || seenRadio.has(el.name)) return false;
      seenRadio.add(el.name);
    }
    const shown = el.classList.contains('md-option') && el.nextElementSibling ? el.nextElementSibling : el;
    return shown.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
      && shown.getClientRects().length > 0;
  });
  window.__focusables = all;
  return all.map(el => (el.tagName + ' ' + (el.innerText || el.getAttribute('aria-label') || '')).trim().slice(0, 60));
}"""

# Focus styles are measured at rest: transitions (the search field opening, link colours)
# jump to their end, so a measurement never catches a half-drawn state.
AT_REST = "*, *::before, *::after { transition: none !important; animation-duration: 0s !important; }"

# Where focus is, and how it is drawn there.
DRAWN_BY = """
  // Material's palette options are visually hidden inputs; the label after one draws it.
  const drawnBy = el => (el.classList.contains('md-option') && el.nextElementSibling
    && el.nextElementSibling.tagName === 'LABEL') ? el.nextElementSibling : el;
"""

# The sides where a box that clips its overflow (a scrolling drawer, a list) cuts off more than
# half the width of the focus outline of an element that is itself inside it: the outline is
# drawn outside the element, and a box as wide as its links shows only their top and bottom.
# Left and right only: an element at the top or bottom of a scrolled box is scrolled, not cut.
OUTLINE_CUT_OFF = """
  const outlineCutOff = (el, cs) => {
    if (cs.outlineStyle === 'none') return '';
    const width = parseFloat(cs.outlineWidth);
    const grow = parseFloat(cs.outlineOffset) + width;
    if (!(width > 0) || !(grow > 0)) return '';
    const r = el.getBoundingClientRect();
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const left = box.getBoundingClientRect().left + box.clientLeft;
      const right = left + box.clientWidth;
      const sides = [];
      if (r.left >= left - 0.5 && left - (r.left - grow) > width / 2) sides.push('left');
      if (r.right <= right + 0.5 && (r.right + grow) - right > width / 2) sides.push('right');
      if (sides.length) return sides.join(' and ') + ' by ' + box.tagName + '.' + box.className.split(' ')[0];
    }
    return '';
  };
"""

FOCUS_STATE = """() => {""" + DRAWN_BY + OUTLINE_CUT_OFF + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(drawnBy(el));
  const rgba = s => (s.match(/[\\d.]+/g) || []).map(Number);
  let node = el, bg = [255, 255, 255, 0];
  while (node && node.nodeType === 1) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c; break; }
    node = node.parentElement;
  }
  if (bg[3] === 0) bg = rgba(getComputedStyle(document.body).backgroundColor);
  window.__stops = window.__stops || [];
  window.__stops.push(el);
  return {
    stop: window.__stops.length - 1,
    opacity: getComputedStyle(drawnBy(el)).opacity,
    index: (window.__focusables || []).indexOf(el),
    name: (el.tagName + ' ' + (el.innerText || el.getAttribute('aria-label') || '')).trim().slice(0, 60),
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0
      ? [cs.outlineStyle, cs.outlineWidth, cs.outlineColor].join(' ') : '',
    outlineColor: rgba(cs.outlineColor),
    shadow: cs.boxShadow === 'none' ? '' : cs.boxShadow,
    background: bg,
    clipped: outlineCutOff(drawnBy(el), cs),
  };
}"""

# Each stop's look without focus (focus moved to the page body), all in one call.
UNFOCUSED_STATES = """(stops) => {""" + DRAWN_BY + """
  document.activeElement && document.activeElement.blur();
  return stops.map(stop => {
    const cs = getComputedStyle(drawnBy(window.__stops[stop]));
    return {
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0
        ? [cs.outlineStyle, cs.outlineWidth, cs.outlineColor].join(' ') : '',
      shadow: cs.boxShadow === 'none' ? '' : cs.boxShadow,
      opacity: cs.opacity,
    };
  });
}"""

# Text cut off by its box: overflow hidden or clipped while the content is wider or taller.
CLIPPED_TEXT = """(scope) => {
  const found = [];
  for (const el of document.querySelectorAll(scope + ' *')) {
    if (!el.innerText || !el.innerText.trim() || !el.checkVisibility()) continue;
    const cs = getComputedStyle(el);
    const hides = v => v === 'hidden' || v === 'clip';
    const wide = hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const tall = hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (wide || tall) found.push(el.tagName + '.' + el.className + ': ' + el.innerText.trim().slice(0, 40));
  }
  return found;
}"""


def _luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    """WCAG contrast ratio of two colours (alpha blended over `b`)."""
    if len(a) == 4 and a[3] < 1:
        a = [a[i] * a[3] + b[i] * (1 - a[3]) for i in range(3)]
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def add_css(page: Page, css: str) -> None:
    """Add a style sheet through the CSSOM: the site's Content-Security-Policy refuses inline
    <style> elements (Playwright's add_style_tag), as it would an attacker's."""
    page.evaluate(
        "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        css,
    )


def tab_through(page: Page, limit: int = 400) -> tuple[list[str], list[dict[str, Any]]]:
    """Press Tab until focus leaves the page; return the focusables and the focus stops."""
    add_css(page, AT_REST)
    focusables = page.evaluate(MARK_FOCUSABLES)
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            return focusables, stops
        stops.append(state)
    raise AssertionError(f"focus did not leave the page after {limit} Tab presses (a trap?)")


def focus_problems(page: Page, stops: list[dict[str, Any]]) -> list[str]:
    """Stops whose focus is not drawn, drawn with less than 3:1 contrast, or cut off at a side.

    Drawn means: the outline or box shadow differs from the unfocused state, or the element
    appears only when focused (a skip link).
    """
    problems = []
    unfocused_states = page.evaluate(UNFOCUSED_STATES, [stop["stop"] for stop in stops])
    for stop, unfocused in zip(stops, unfocused_states, strict=True):
        keys = ("outline", "shadow", "opacity")
        changed = any(stop[k] != unfocused[k] for k in keys)
        if not changed:
            problems.append(f"{stop['name']}: no visible focus indicator")
        elif stop["outline"] and contrast(stop["outlineColor"], stop["background"]) < 3:
            ratio = contrast(stop["outlineColor"], stop["background"])
            problems.append(f"{stop['name']}: focus outline contrast {ratio:.2f}:1 < 3:1")
        if stop["clipped"]:
            problems.append(f"{stop['name']}: focus outline cut off at its {stop['clipped']}")
    return problems


# How much of the focused element the reader sees (WCAG 2.4.11): points spread over the part of
# it inside the viewport, each checked for what is drawn on top there. Only Material's sticky
# header, its "back to top" button and (on a narrow screen) its navigation drawer cover content;
# any of them on top of a point (and not holding the element itself) hides it.
FOCUS_SEEN = (
    """async () => {"""
    + DRAWN_BY
    + """
  // What the reader sees: after the browser has laid out what the scroll brought into view
  // (the whole strategy's sections are laid out only near the screen, content-visibility).
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const drawn = drawnBy(el);
  const r = drawn.getBoundingClientRect();
  const name = (el.tagName + ' ' + (el.innerText || el.getAttribute('aria-label') || el.title || ''))
    .trim().replace(/\\s+/g, ' ').slice(0, 60);
  const left = Math.max(r.left, 0), right = Math.min(r.right, window.innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, window.innerHeight);
  if (right - left < 1 || bottom - top < 1) return {name, seen: 0, points: 1, covers: ['outside the screen']};
  let seen = 0, points = 0;
  const covers = new Set();
  for (let i = 1; i < 6; i++) for (let j = 1; j < 4; j++) {
    points++;
    const x = left + (right - left) * i / 6, y = top + (bottom - top) * j / 4;
    const hit = document.elementFromPoint(x, y);
    const over = hit && hit.closest('.md-header, .md-top, .md-sidebar--primary');
    // On a wide screen the navigation is a transparent sidebar beside the content, no drawer.
    const drawer = over && over.matches('.md-sidebar') && getComputedStyle(over).position === 'fixed';
    if (over && !over.contains(drawn) && (drawer || !over.matches('.md-sidebar')))
      covers.add(over.className.split(' ')[0]);
    else seen++;
  }
  return {name, seen, points, covers: [...covers]};
}"""
)


def hidden_focus(page: Page, limit: int = 400) -> list[str]:
    """Tab through the page and back with Shift+Tab (which scrolls up, under the sticky header);
    every focus stop the header, the "back to top" button, the closed navigation drawer or the
    screen's edge hides, wholly or in part."""
    add_css(page, AT_REST)
    problems = []
    for key in ("Tab", "Shift+Tab"):
        for _ in range(limit):
            page.keyboard.press(key)
            state = page.evaluate(FOCUS_SEEN)
            if state is None:
                break
            if state["seen"] < state["points"]:
                how = "hidden" if state["seen"] == 0 else f"{state['seen']}/{state['points']} seen"
                problems.append(f"{key}: {state['name']}: {how} ({', '.join(state['covers'])})")
        else:
            raise AssertionError(f"focus did not leave the page after {limit} {key} presses")
    return problems
