"""`suunta schema`: JSON Schemas that editors' tools use, made from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import ROOT
from suunta.cli import main as suunta_cli
from suunta.json_schema import DATA_FILES, schema_comment, with_schema_comment

SITES = [ROOT / "data", *sorted((ROOT / "examples").glob("*/data"))]


def data_files(data_dir: Path) -> list[tuple[str, Path]]:
    files = [(kind, data_dir / f"{kind}.yml") for kind in DATA_FILES if kind != "measures"]
    files += [("measures", f) for f in sorted((data_dir / "measures").glob("*.yml"))]
    return [(kind, f) for kind, f in files if f.is_file()]


def as_editor_tool_reads(file: Path) -> Any:
    """The YAML as VS Code's YAML extension sees it: YAML 1.2, where a date is a text."""
    return json.loads(json.dumps(yaml.safe_load(file.read_text("utf-8")), default=str))


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("schemas")
    assert suunta_cli(["schema", str(folder), "-f", str(folder / "none.yml")]) == 0
    written = {p.name for p in folder.iterdir()}
    assert written == {f"{kind}.schema.json" for kind in DATA_FILES}
    return {
        kind: json.loads((folder / f"{kind}.schema.json").read_text("utf-8")) for kind in DATA_FILES
    }


@pytest.mark.parametrize("data_dir", SITES, ids=lambda p: p.parent.name)
def test_the_demo_and_the_examples_validate_against_the_schemas(
    schemas: dict[str, dict[str, Any]], data_dir: Path
) -> None:
    files = data_files(data_dir)
    assert {kind for kind, _ in files} == set(DATA_FILES)
    for kind, file in files:
        validator = jsonschema.Draft202012Validator(schemas[kind])
        errors = [
            f"{list(e.path)}: {e.message}"
            for e in validator.iter_errors(as_editor_tool_reads(file))
        ]
        assert errors == [], f"{file}: {errors[:3]}"


@pytest.mark.parametrize(
    "kind, change, where",
    [
        (
            "measures",
            lambda d: d["measures"][0]["progress"][0].update(status="almost"),
            ["measures", 0, "progress", 0, "status"],
        ),
        (
            "measures",
            lambda d: d["measures"][0]["schedule"][0].update(period="autumn 2025"),
            ["measures", 0, "schedule", 0, "period"],
        ),
        ("measures", lambda d: d["measures"][0].update(titel={"fi": "x"}), ["measures", 0]),
        ("goals", lambda d: d["goals"][0].update(number="first"), ["goals", 0, "number"]),
        ("strategy", lambda d: d.pop("title"), []),
        ("accessibility", lambda d: d.update(country="XX"), ["country"]),
    ],
    ids=["status", "period", "misspelt-field", "number", "missing-title", "country"],
)
def test_a_wrong_value_fails_where_it_is(
    schemas: dict[str, dict[str, Any]], kind: str, change: Any, where: list[Any]
) -> None:
    file = (
        ROOT / "data" / ("measures/1-ict-foundation.yml" if kind == "measures" else f"{kind}.yml")
    )
    data = as_editor_tool_reads(file)
    change(data)
    errors = list(jsonschema.Draft202012Validator(schemas[kind]).iter_errors(data))
    assert errors, "the schema accepted a wrong value"
    assert any(list(e.absolute_path) == where for e in errors), [
        list(e.absolute_path) for e in errors
    ]


def test_a_whole_year_may_be_written_as_a_number_but_not_out_of_range(
    schemas: dict[str, dict[str, Any]],
) -> None:
    data = as_editor_tool_reads(ROOT / "data" / "measures" / "1-ict-foundation.yml")
    validator = jsonschema.Draft202012Validator(schemas["measures"])
    data["measures"][0]["schedule"][0]["period"] = 2026
    assert not list(validator.iter_errors(data))
    data["measures"][0]["schedule"][0]["period"] = 20266
    assert list(validator.iter_errors(data))


def test_the_schema_line_points_from_a_data_file_to_its_schema(tmp_path: Path) -> None:
    data_file = tmp_path / "data" / "measures" / "1-goal.yml"
    line = schema_comment("measures", tmp_path / "schemas", data_file)
    assert line == "# yaml-language-server: $schema=../../schemas/measures.schema.json"
    text = "# Measures of goal 1.\nmeasures: []\n"
    once = with_schema_comment(text, line)
    assert once == line + "\n" + text
    # Written again (a moved schema folder), the line is replaced, not repeated.
    other = schema_comment("measures", tmp_path / "data" / "schemas", data_file)
    assert with_schema_comment(once, other) == other + "\n" + text
    assert yaml.safe_load(once) == {"measures": []}
    with pytest.raises(KeyError):
        schema_comment("measure", tmp_path, data_file)


def demo_site(tmp_path: Path) -> list[str]:
    """A copy of the demo's data and settings; the options that name its mkdocs.yml."""
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return ["-f", str(tmp_path / "mkdocs.yml")]


def test_link_puts_the_schema_line_first_in_every_data_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from suunta.loader import load_data

    config = demo_site(tmp_path)
    assert suunta_cli(["schema", "--link", *config]) == 0
    assert "Put the schema line first in 7 data file(s)" in capsys.readouterr().out
    for kind, file in data_files(tmp_path / "data"):
        original = (ROOT / file.relative_to(tmp_path)).read_text("utf-8")
        first, rest = file.read_text("utf-8").split("\n", 1)
        assert rest == original
        target = (file.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == tmp_path / "schemas" / f"{kind}.schema.json" and target.is_file()
    load_data(tmp_path / "data", ["fi", "sv"])  # still valid data
    before = {f: f.read_text("utf-8") for _, f in data_files(tmp_path / "data")}
    assert suunta_cli(["schema", "--link", *config]) == 0
    assert {f: f.read_text("utf-8") for f in before} == before


def test_the_schema_line_keeps_a_byte_order_mark_first_and_the_files_line_endings() -> None:
    line = "# yaml-language-server: $schema=../../schemas/measures.schema.json"
    older = "# yaml-language-server: $schema=../schemas/measures.schema.json"
    # VS Code (or an earlier Suunta) left a schema line behind the byte order mark.
    text = f"\ufeff{older}\r\n# Measures.\r\nmeasures: []\r\n"
    linked = with_schema_comment(text, line)
    assert linked == f"\ufeff{line}\r\n# Measures.\r\nmeasures: []\r\n"
    assert with_schema_comment(linked, line) == linked
    # A file an earlier Suunta linked wrongly (its line, then the mark and the old line) heals.
    damaged = f"{line}\n\ufeff{older}\nmeasures: []\n"
    assert with_schema_comment(damaged, line) == f"\ufeff{line}\nmeasures: []\n"


def test_link_keeps_a_bom_and_crlf_and_refuses_a_file_not_in_utf8_changing_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from suunta.loader import load_data

    config = demo_site(tmp_path)
    windows = tmp_path / "data" / "measures" / "1-ict-foundation.yml"
    original = windows.read_text("utf-8")
    windows.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    excel = tmp_path / "data" / "measures" / "2-applications.yml"
    excel_text = excel.read_text("utf-8")
    excel.write_bytes(excel_text.encode("cp1252"))
    before = {f: f.read_bytes() for _, f in data_files(tmp_path / "data")}

    assert suunta_cli(["schema", "--link", *config]) == 1
    err = capsys.readouterr().err
    line = excel_text[: excel_text.index("ä")].count("\n") + 1
    assert (
        f"  - data/measures/2-applications.yml, line {line}: the file is not saved as UTF-8"
        " (this line has a character, perhaps 'ä', in another encoding)" in err
    )
    assert "Traceback" not in err
    assert {f: f.read_bytes() for f in before} == before  # nothing was linked

    excel.write_text(excel_text, "utf-8")
    assert suunta_cli(["schema", "--link", *config]) == 0
    schema_line = "# yaml-language-server: $schema=../../schemas/measures.schema.json"
    expected = "\ufeff" + schema_line + "\r\n" + original.replace("\n", "\r\n")
    assert windows.read_bytes() == expected.encode("utf-8")
    assert suunta_cli(["schema", "--link", *config]) == 0
    assert windows.read_bytes() == expected.encode("utf-8")  # once, not again behind the mark
    load_data(tmp_path / "data", ["fi", "sv"])  # no stray key from the mark
