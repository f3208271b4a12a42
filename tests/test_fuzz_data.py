"""Fuzzing the data files: whatever an editor writes, the tools answer with located, plain words.

Thousands of generated and mutated copies of a small project (built from the demo's own data)
are loaded. Each must either be refused with `DataError` problems that name the right file, in
plain words, on a line when the YAML was readable, or be accepted, and then every page must
render ("whatever `suunta check` accepts, the build builds"). The runs are derandomized, so a
failure found once is found again.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import os
import re
import resource
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from suunta import generator, loader
from suunta.errors import DataError
from suunta.loader import load_data
from suunta.model import build_model
from suunta.render import make_context
from suunta.yaml_lines import read_located_yaml

LANGS = ["fi", "sv"]
TEMPLATES = ROOT / "overrides" / "suunta"
STRATEGY, GOALS, MEASURES, STATEMENT = (
    "strategy.yml",
    "goals.yml",
    "measures/plan.yml",
    "accessibility.yml",
)
FILES = (STRATEGY, GOALS, MEASURES, STATEMENT)
# Which files a mistake in one file may be reported in: measures name goals and lie within the
# strategy's period, so a change there can make a measure wrong.
AFFECTS = {
    STRATEGY: {STRATEGY, MEASURES},
    GOALS: {GOALS, MEASURES},
    MEASURES: {MEASURES},
    STATEMENT: {STATEMENT},
}
RAW_WORDS = (
    "Input should",
    "Traceback",
    "pydantic",
    "ValidationError",
    "constrained-str",
    "StrictModel",
    "Localized",
    "DataPoint",
    "model_type",
    "dict[str",
)
MAX_MESSAGE = 400
MAX_RSS_GROWTH_MB = 400

FUZZ = settings(
    deadline=2000,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)
EXAMPLES = {"bytes": 1000, "structure": 1000, "fragments": 1000}
"""Examples per test: 3,000 data files per run, sized so the whole test command stays within
its time (SUUNTA_FUZZ_SCALE=0.1 for a quick look, 2 for a deeper run)."""
if os.environ.get("SUUNTA_FUZZ_SCALE"):
    SCALE = float(os.environ["SUUNTA_FUZZ_SCALE"])
    EXAMPLES = {kind: max(1, int(count * SCALE)) for kind, count in EXAMPLES.items()}

ran: dict[str, int] = dict.fromkeys(EXAMPLES, 0)


def small_measures() -> str:
    """The demo's first two measures and two that share a text by an alias, in one file."""
    first = (ROOT / "data" / "measures" / "1-ict-foundation.yml").read_text("utf-8")
    third = (ROOT / "data" / "measures" / "3-collaboration.yml").read_text("utf-8")
    third_blocks = third.split("\n\n  - id: ")
    anchored = third_blocks[0].split("measures:\n  - id: ", 1)[1]  # the text marked &name
    blocks = [*first.split("\n\n  - id: ")[:2], anchored, third_blocks[1]]
    return "\n\n  - id: ".join(blocks) + "\n"


ORIGINALS: dict[str, bytes] = {
    STRATEGY: (ROOT / "data" / STRATEGY).read_bytes(),
    GOALS: (ROOT / "data" / GOALS).read_bytes(),
    MEASURES: small_measures().encode("utf-8"),
    STATEMENT: (ROOT / "data" / STATEMENT).read_bytes(),
}
PARSED = {name: yaml.safe_load(content) for name, content in ORIGINALS.items()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The small project's data/; each example changes one file and puts it back."""
    data = tmp_path_factory.mktemp("fuzz") / "data"
    (data / "measures").mkdir(parents=True)
    for name, content in ORIGINALS.items():
        (data / name).write_bytes(content)
    # Compiling the templates takes far longer than rendering them; the fuzz checks data, so
    # an environment is made once per distinct set of arguments (render_pages sets its
    # per-model globals on each call).
    contexts: dict[str, Any] = {}

    def cached_context(*args: Any, **kwargs: Any) -> Any:
        key = repr((args, sorted(kwargs.items())))
        if key not in contexts:
            contexts[key] = make_context(*args, **kwargs)
        return contexts[key]

    # Only one file changes per example: the others, unchanged, are parsed once.
    originals = {data / name: content for name, content in ORIGINALS.items()}
    parsed: dict[Path, Any] = {}

    def read_unless_unchanged(file: Path, raw: bytes | None = None) -> Any:
        if file in originals:
            content = file.read_bytes() if raw is None else raw  # the loader's bytes, not again
            if content == originals[file]:
                if file not in parsed:
                    parsed[file] = read_located_yaml(file, content)
                return parsed[file]
        return read_located_yaml(file, raw)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generator, "make_context", cached_context)
        patch.setattr(loader, "read_located_yaml", read_unless_unchanged)
        assert_accepted_and_rendered(data)
        yield data
    shutil.rmtree(data.parent)


@pytest.fixture(scope="module", autouse=True)
def bounded_memory() -> Iterator[None]:
    """No example may make the process grow much: peak memory is measured over the whole file."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < MAX_RSS_GROWTH_MB, f"peak memory grew by {grown_mb:.0f} MB"


rendered: set[str] = set()
"""Fingerprints of accepted data already rendered (a changed comment changes no page)."""


def assert_accepted_and_rendered(data: Path) -> None:
    loaded = load_data(data, LANGS)
    model = build_model(loaded)
    parts = [loaded.strategy, loaded.goals, *(m.measure for m in loaded.measures)]
    if loaded.accessibility:
        parts.append(loaded.accessibility)
    key = hashlib.sha256("".join(p.model_dump_json() for p in parts).encode()).hexdigest()
    if key in rendered:
        return
    for language in LANGS:
        pages = generator.render_pages(model, TEMPLATES, language, LANGS)
        assert pages and all(page.body for page in pages)
    rendered.add(key)


def check(project: Path, name: str, content: bytes) -> None:
    """Write one mutated file, load the project, and hold the outcome to the rules above."""
    target = project / name
    target.write_bytes(content)
    try:
        assert_accepted_and_rendered(project)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert_plain_and_located(project, name, content, problem)
    finally:
        target.write_bytes(ORIGINALS[name])


def assert_plain_and_located(project: Path, name: str, content: bytes, problem: Any) -> None:
    allowed = {project / n for n in AFFECTS[name]}
    assert problem.file in allowed, problem
    message = problem.message
    assert message and "\n" not in message, problem
    assert len(message) < MAX_MESSAGE, problem
    assert not any(word in message for word in RAW_WORDS), problem
    assert problem.describe(project.parent)
    own = ORIGINALS[problem.file.relative_to(project).as_posix()]
    text = content if problem.file == project / name else own
    if problem.line is None and readable_yaml(text):
        assert message in ("the file is empty",), problem


@functools.lru_cache(maxsize=256)
def readable_yaml(content: bytes) -> bool:
    """Whether plain PyYAML reads the file without an error (then every problem has a line)."""
    try:
        yaml.load(content, Loader=yaml.CSafeLoader)
    except Exception:  # any failure means "not readable"
        return False
    return True


# Byte-level mutations of the demo's real files -------------------------------------------------

SPECIAL_BYTES = [
    b"\xe4",
    b"\xf6",
    b"\xc3",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x7f",
    b"\x00",
    b"\x1b",
    b"\x85",
    b"\t",
    b"\r",
    b"\n",
    b" ",
    b":",
    b": ",
    b"- ",
    b"-",
    b"[",
    b"]",
    b"{",
    b"}",
    b"'",
    b'"',
    b"&",
    b"*",
    b"!",
    b"!!",
    b"#",
    b"%",
    b"@",
    b"`",
    b"|",
    b">",
    b"?",
    b",",
    b"\\",
    "\u2028".encode(),
    "ä".encode(),
    "€".encode(),
    b"0",
    b"9",
    b"<<: ",
    b"&a ",
    b"*a",
]


@st.composite
def byte_mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    content = bytearray(ORIGINALS[name])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(
                [
                    "insert",
                    "insert",
                    "delete",
                    "replace",
                    "truncate",
                    "duplicate_line",
                    "drop_line",
                    "swap_lines",
                ]
            )
        )
        at = draw(st.integers(0, max(len(content) - 1, 0)))
        chunk = draw(st.one_of(st.sampled_from(SPECIAL_BYTES), st.binary(min_size=1, max_size=3)))
        if op == "insert":
            content[at:at] = chunk
        elif op == "delete":
            del content[at : at + draw(st.integers(1, 40))]
        elif op == "replace":
            content[at : at + len(chunk)] = chunk
        elif op == "truncate":
            del content[at:]
        else:
            content = bytearray(_line_op(op, bytes(content), draw))
    return name, bytes(content)


def _line_op(op: str, content: bytes, draw: st.DrawFn) -> bytes:
    lines = content.split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    if op == "duplicate_line":
        lines.insert(i, lines[i])
    elif op == "drop_line":
        del lines[i]
    else:
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


@settings(FUZZ, max_examples=EXAMPLES["bytes"])
@given(mutation=byte_mutation())
def test_byte_mutations_are_refused_plainly_or_built(
    project: Path, mutation: tuple[str, bytes]
) -> None:
    ran["bytes"] += 1
    check(project, *mutation)


# Structural mutations: fields deleted, retyped, repeated, given hostile values ------------------


def nested(depth: int, fields: bool) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = {"a": value} if fields else [value]
    return value


HOSTILE = st.one_of(
    st.sampled_from(
        [
            float("nan"),
            float("inf"),
            -float("inf"),
            1e15,
            -1e15,
            1e27,
            1e300,
            5e-324,
            1e-310,
            0.1 + 0.2,
            True,
            False,
            None,
            0,
            -1,
            1,
            1899,
            2201,
            2026,
            10**30,
            "",
            " ",
            "\t",
            "index",
            "0000 to 9999",
            "1900 to 2200",
            "2026 onwards",
            "2025-spring",
            "9999-autumn",
            "2026-02-30",
            "2026",
            "javascript:alert(1)",
            "<script>alert(1)</script>",
            "mailto:x@example.fi",
            "https://example.fi/ x",
            "https://example.fi/",
            "a@b.fi",
            '"a"@b.fi',
            "[link](javascript:alert(1))",
            "**bold** _x_ `code`",
            "# heading",
            "&amp; &lt;",
            "{{ 7*7 }}",
            "{% raw %}",
            "\x07bell",
            "\u202eRTL",
            "x\ny\n\nz",
            dt.date(1, 1, 1),
            dt.date(9999, 12, 31),
            dt.date(2026, 6, 30),
            dt.datetime(2026, 1, 1, 10, 0),
            [],
            {},
            [None],
            {"fi": None},
            {"fi": "", "sv": ""},
            {"fi": "Teksti", "sv": "Text"},
            {"fi": "Teksti"},
            {"en": "Text"},
            {"fi": ["x"]},
            "not_started",
            "completed",
            "higher",
            "lower",
            "investigation",
            "FI",
            "SE",
            "partial",
            "x" * 10_000,
            "x" * 10_001,
            "x" * 100_000,
            "1.4.3",
            "9.99.99",
            "- " * 400 + "x",
            "1. " * 30 + "x",
            "> " * 30 + "x",
            "- a\n  - b\n    - c",
            "[a](" * 40,
            "<![CDATA[x",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "<div><p>x</div>",
            "<!-- x",
            "&#0; &#xD800;",
        ]
    ),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.integers(),
    st.floats(),
    st.dates(),
    st.booleans(),
    st.builds(nested, st.integers(20, 45), st.booleans()),
    st.lists(st.sampled_from([1, "x", None, 2026, "index"]), max_size=4),
    st.dictionaries(
        st.sampled_from(["fi", "sv", "id", "year", "value", "x"]),
        st.sampled_from([1, "x", None, 2026, "index"]),
        max_size=3,
    ),
)


def paths_in(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_in(item, (*path, index))


def set_all(value: Any, key: str, new: Any) -> None:
    """Sets every field named `key`, at any depth."""
    if isinstance(value, dict):
        for name in value:
            if name == key:
                value[name] = new
            else:
                set_all(value[name], key, new)
    elif isinstance(value, list):
        for item in value:
            set_all(item, key, new)


def at(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


@st.composite
def structural_mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    doc = copy.deepcopy(PARSED[name])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in paths_in(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = at(doc, path[:-1]), path[-1]
        op = draw(
            st.sampled_from(
                [
                    "hostile",
                    "hostile",
                    "hostile",
                    "delete",
                    "repeat",
                    "unknown_field",
                    "copy_from",
                    "empty",
                    "same_numbers",
                ]
            )
        )
        if op == "same_numbers":  # an indicator whose numbers are all one value, such as 0
            number = draw(st.sampled_from([0, 0.0, -1, -1e14, 1e14, 5e-324, 1e-310, 0.1, 7]))
            set_all(doc, "value", number)
        elif op == "hostile":
            parent[last] = draw(HOSTILE)
        elif op == "delete":
            del parent[last]
        elif op == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))  # same id, date or year twice
        elif op == "unknown_field" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["resposible", "titel", "x", "year", "en"]))] = "x"
        elif op == "copy_from":
            parent[last] = copy.deepcopy(at(doc, draw(st.sampled_from(paths))[:-1]))
        else:
            parent[last] = type(parent[last])() if isinstance(parent[last], list | dict) else ""
    text = yaml.dump(doc, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)
    return name, text.encode("utf-8", "surrogatepass")


@settings(FUZZ, max_examples=EXAMPLES["structure"])
@given(mutation=structural_mutation())
def test_structural_mutations_are_refused_plainly_or_built(
    project: Path, mutation: tuple[str, bytes]
) -> None:
    ran["structure"] += 1
    check(project, *mutation)


# YAML fragments written into the real text: aliases, tags, deep nesting, bad values ------------

BOMB = "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
FRAGMENTS = [
    "&a",
    "*a",
    "&a x",
    "*undefined",
    "&l [*l]",
    "!!binary aGk=",
    "!foo x",
    "!!python/object x",
    "!!str 2026",
    "!!set {a}",
    "[" * 40 + "]" * 40,
    "{a: " * 40 + "1" + "}" * 40,
    "[" * 600 + "]" * 600,
    "2026-02-30",
    "2026-13-01",
    "2026-01-01T25:00:00",
    "0000 to 9999",
    "2026 to 2025",
    ".nan",
    ".inf",
    "-.inf",
    "1e27",
    "1.0e+15",
    "true",
    "yes",
    "off",
    "~",
    "0",
    "1700000000",
    "index",
    "javascript:alert(1)",
    '"\\x07\\x1b"',
    '"\\u0000"',
    "'unclosed",
    '"unclosed',
    "[1, 2",
    "{a: 1",
    "|",
    ">-",
    "- x",
    "? x",
    ": x",
    "a: b: c",
    "@x",
    "`x`",
    "%x",
    "9" * 5000,
    "0x1F",
    "0o17",
    "1_000",
    "1:30:00",
    "<<: {a: 1}",
    "'" + "x" * 20_000 + "'",
]


@st.composite
def fragment_mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    lines = ORIGINALS[name].decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["value", "value", "value", "line", "duplicate_key", "bomb"]))
        i = draw(st.integers(0, len(lines) - 1))
        fragment = draw(st.sampled_from(FRAGMENTS))
        found = re.match(r"^(\s*(?:- )?[\w-]+:)( .*)?$", lines[i])
        if op == "value" and found:
            lines[i] = f"{found.group(1)} {fragment}"
        elif op == "duplicate_key" and found:
            lines.insert(i + 1, lines[i])
        elif op == "bomb":
            lines.insert(0, "a: &a [x, x, x, x, x, x, x, x, x]\n" + BOMB)
        else:
            indent = re.match(r"\s*", lines[i]).group()  # type: ignore[union-attr]
            lines.insert(i, f"{indent}{fragment}")
    return name, "\n".join(lines).encode("utf-8")


@settings(FUZZ, max_examples=EXAMPLES["fragments"])
@given(mutation=fragment_mutation())
def test_yaml_fragments_are_refused_plainly_or_built(
    project: Path, mutation: tuple[str, bytes]
) -> None:
    ran["fragments"] += 1
    check(project, *mutation)


def test_every_fuzz_test_ran_its_examples() -> None:
    """Runs last in this file: the counts show the fuzzing was not cut short."""
    if not all(ran.values()):
        pytest.skip("run with the fuzz tests to count their examples")
    assert all(ran[kind] >= EXAMPLES[kind] for kind in EXAMPLES), ran
    print(f"fuzz examples: {ran} = {sum(ran.values())}, finished {time.strftime('%X')}")
