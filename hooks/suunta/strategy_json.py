"""The whole strategy as one JSON file, and its JSON Schema, for people who reuse the data.

The JSON is the validated data itself (every language, every field, ids as in `data/`), so
reading it back with `StrategyDataset` gives the same objects as loading the YAML; the schema
is generated from the same pydantic models, so it cannot drift from the data files' schema.
"""

from __future__ import annotations

import json
from functools import cache

from pydantic import Field

from .document_schema import DocumentFile
from .model import StrategyModel
from .schema import Goal, Measure, StrategyFile, StrictModel

SCHEMA_TITLE = "Suunta strategy dataset"


class StrategyDataset(StrictModel):
    """`/data/strategy.json`: `data/strategy.yml`, the goals, the measures and the document."""

    strategy: StrategyFile
    goals: list[Goal] = Field(min_length=1)
    """In the order of their numbers."""
    measures: list[Measure] = Field(min_length=1)
    """In reading order: goal by goal, theme by theme, as the site lists them."""
    document: DocumentFile | None = None
    """`data/document.yml`; null when the strategy has none."""


def dataset(model: StrategyModel) -> StrategyDataset:
    return StrategyDataset(
        strategy=model.strategy,
        goals=[g.goal for g in model.goals],
        measures=[m.measure for m in model.measures],
        document=model.document,
    )


def strategy_json(model: StrategyModel) -> bytes:
    """Indented, keys in schema order, and only what the data gives (no null defaults)."""
    text = dataset(model).model_dump_json(indent=2, exclude_defaults=True)
    return (text + "\n").encode("utf-8")


@cache  # the same for every site: made from the models, not the data
def strategy_schema() -> bytes:
    schema = StrategyDataset.model_json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": SCHEMA_TITLE,
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
