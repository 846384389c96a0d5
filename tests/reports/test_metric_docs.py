"""Every metric's definition is published word for word, and every metric explains itself.

The definitions are published in README.md, in the table of the reports section.
"""

from pathlib import Path

import pytest

from hirebook.reports.registry import METRICS

ROOT = Path(__file__).resolve().parents[2]


def published() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("metric", METRICS, ids=lambda m: m.name)
def test_definition_is_published_word_for_word(metric):
    assert f"| `{metric.name}` | {metric.description} |" in published()


@pytest.mark.parametrize("metric", METRICS, ids=lambda m: m.name)
def test_every_metric_has_a_docstring_a_title_and_a_headline(metric):
    assert metric.doc.startswith(f"{metric.name} — ")
    assert metric.title and metric.description.endswith(".")
