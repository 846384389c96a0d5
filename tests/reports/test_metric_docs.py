"""Every metric's definition is published word for word, and every metric explains itself.

The definitions are published in the handbook's reference (``reference/metrics.md``), generated
from each module's ``DESCRIPTION``; the reports page links every metric's section to it.
"""

import pytest

from hirebook.handbook import doctext
from hirebook.handbook.labels import labels_for
from hirebook.handbook.pages import reference_metrics
from hirebook.reports.registry import METRICS


@pytest.fixture(scope="module")
def published() -> str:
    class Context:  # all the page reads: its words
        labels = labels_for("en")

    return reference_metrics.render(Context())


@pytest.mark.parametrize("metric", METRICS, ids=lambda m: m.name)
def test_definition_is_published_word_for_word(metric, published):
    section = published.split(f"{{#{metric.name}}}", 1)[1].split("\n## ", 1)[0]
    assert doctext.inline(metric.description) in section


@pytest.mark.parametrize("metric", METRICS, ids=lambda m: m.name)
def test_every_metric_has_a_docstring_a_title_and_a_headline(metric):
    assert metric.doc.startswith(f"{metric.name} — ")
    assert metric.title and metric.description.endswith(".")
