"""SVG charts: well-formed, accessible, self-contained, and escaping their labels."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from hirebook.handbook.charts.bars import horizontal_bars
from hirebook.handbook.charts.histogram import buckets, histogram
from hirebook.handbook.charts.lines import line_chart, small_multiples
from hirebook.handbook.charts.svg import figure
from hirebook.handbook.charts.timeline import Mark, timeline

EVIL = '<script>alert(1)</script> & "quotes"'


def charts():
    return [
        horizontal_bars("c-funnel", "Funnel", "desc", ["Submitted", EVIL], [("n", [10, 4])]),
        horizontal_bars(
            "c-channels",
            "Channels",
            "desc",
            ["referral", "job board"],
            [("a", [5, 3]), ("b", [1, 0])],
        ),
        histogram("c-ttf", "Time to fill", "desc", buckets([3, 17, 18, 40], 15), "days"),
        line_chart(
            "c-sat",
            "Satisfaction",
            "desc",
            ["2026-01", "2026-02", "2026-03"],
            [4.0, None, 3.5],
            1,
            5,
        ),
        small_multiples(
            "c-sla",
            "SLA",
            "desc",
            ["2026-01", "2026-02"],
            [(EVIL, [1.0, 0.5]), ("b", [None, None])],
        ),
        timeline(
            "c-time",
            "Milestones",
            "desc",
            [Mark(EVIL, date(2026, 3, 1), date(2026, 3, 4)), Mark("open", date(2026, 4, 1), None)],
            date(2026, 3, 20),
            "today",
        ),
    ]


@pytest.mark.parametrize("svg", charts(), ids=lambda s: s.chart_id)
def test_chart_is_accessible_well_formed_svg(svg):
    markup = svg.render()
    root = ET.fromstring(markup)  # well-formed XML: every label was escaped
    assert root.tag == "svg" and root.get("role") == "img"
    title, desc = root.find("title"), root.find("desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("fill") == "currentColor"
    assert "<script" not in markup and "href" not in markup and "http" not in markup
    for element in root.iter():
        assert not any(name.startswith("on") for name in element.attrib)


def test_labels_are_text_not_markup():
    root = ET.fromstring(charts()[0].render())
    texts = [element.text for element in root.iter("text")]
    assert EVIL in texts


def test_figure_is_one_html_block_with_caption():
    markup = figure(charts()[0], "Caption <b>")
    assert "\n\n" not in markup
    assert markup.startswith('<figure class="hb-chart" id="c-funnel" tabindex="0">')
    assert "<figcaption>Caption &lt;b&gt;</figcaption>" in markup


def test_buckets_cover_every_value():
    assert buckets([], 10) == []
    assert buckets([0, 9, 10, 35], 10) == [(0, 9, 2), (10, 19, 1), (20, 29, 0), (30, 39, 1)]


def test_timeline_without_today_needs_a_date():
    with pytest.raises(ValueError):
        timeline("t", "t", "d", [Mark("x", None, None)], None, "today")
