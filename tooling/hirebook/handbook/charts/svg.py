"""The SVG document every chart draws into, and the figure that wraps it.

Drawing uses classes (``hb-bar``, ``hb-axis``, ``hb-series-1``…) styled in
``site/assets/hirebook.css`` with Material's CSS variables, and ``currentColor`` as the default
fill, so a chart is legible in the light palette, the dark palette and on paper. All text goes
through :func:`hirebook.handbook.escape.html_text`: labels may come from records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from hirebook.handbook import deferred
from hirebook.handbook.escape import html_text

FONT_SIZE = 12
"""The size of chart text, in the chart's own units."""
MIN_TEXT_PX = 11
"""The smallest chart text a reader gets, in CSS pixels: a chart is never drawn narrower than
this allows (on a phone it scrolls sideways instead of shrinking its labels to 6 px)."""


def number(value: float) -> str:
    """A coordinate or value without noise (``12``, ``12.5``)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass
class Svg:
    """An SVG image of ``width`` × ``height`` user units with an accessible name and description."""

    chart_id: str
    width: int
    height: int
    title: str
    desc: str
    parts: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, cls: str) -> None:
        self.parts.append(
            f'<rect class="{cls}" x="{number(x)}" y="{number(y)}" '
            f'width="{number(max(w, 0))}" height="{number(max(h, 0))}"/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str) -> None:
        self.parts.append(
            f'<line class="{cls}" x1="{number(x1)}" y1="{number(y1)}" '
            f'x2="{number(x2)}" y2="{number(y2)}"/>'
        )

    def polyline(self, points: list[tuple[float, float]], cls: str) -> None:
        coords = " ".join(f"{number(x)},{number(y)}" for x, y in points)
        self.parts.append(f'<polyline class="{cls}" points="{coords}"/>')

    def circle(self, x: float, y: float, r: float, cls: str) -> None:
        self.parts.append(
            f'<circle class="{cls}" cx="{number(x)}" cy="{number(y)}" r="{number(r)}"/>'
        )

    def diamond(self, x: float, y: float, r: float, cls: str) -> None:
        points = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        coords = " ".join(f"{number(px)},{number(py)}" for px, py in points)
        self.parts.append(f'<polygon class="{cls}" points="{coords}"/>')

    def text(
        self, x: float, y: float, content: object, cls: str = "hb-label", anchor: str = "start"
    ) -> None:
        self.parts.append(
            f'<text class="{cls}" x="{number(x)}" y="{number(y)}" '
            f'text-anchor="{anchor}">{html_text(content)}</text>'
        )

    def render(self) -> str:
        title_id, desc_id = f"{self.chart_id}-title", f"{self.chart_id}-desc"
        narrowest = math.ceil(self.width * MIN_TEXT_PX / FONT_SIZE)
        head = (
            f'<svg class="hb-chart-svg" '
            f'viewBox="0 0 {self.width} {self.height}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}" fill="currentColor" '
            f'font-size="{FONT_SIZE}" style="min-width: {narrowest}px" '
            f'preserveAspectRatio="xMinYMin meet">'
        )
        return "\n".join(
            [
                head,
                f'<title id="{title_id}">{html_text(self.title)}</title>',
                f'<desc id="{desc_id}">{html_text(self.desc)}</desc>',
                *self.parts,
                "</svg>",
            ]
        )


def figure(svg: Svg, caption: str | None = None) -> str:
    """The chart as one raw-HTML block for a Markdown page (no blank line inside); focusable,
    so that a keyboard can scroll a chart wider than a phone."""
    text = html_text(caption if caption is not None else svg.title)
    collector = deferred.active()
    if collector is not None:  # kept out of Markdown's and the search plugin's HTML parsers
        return collector.add(
            f'<figure class="hb-chart" id="{svg.chart_id}" tabindex="0">{svg.render()}'
            f"<figcaption>{text}</figcaption></figure>"
        )
    return "\n".join(
        [
            f'<figure class="hb-chart" id="{svg.chart_id}" tabindex="0">',
            svg.render(),
            f"<figcaption>{text}</figcaption>",
            "</figure>",
        ]
    )
