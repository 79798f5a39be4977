"""Static, accessible SVG bar charts, rendered at build time.

The same numbers always give the same bytes (coordinates are rounded and formatted explicitly).
The chart is an image with a title and a description; the numbers themselves are also in the table
next to it, which is what a screen reader reads. No JavaScript, no inline styles (the CSP forbids
them): colours come from the stylesheet through classes, with attribute fallbacks for print.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

WIDTH = 660
LABEL_WIDTH = 210
BAR_AREA = 280
ROW = 34
BAR = 22


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def bar_chart(chart_id: str, title: str, description: str, items: list[tuple[str, Decimal | int, str]]) -> str:
    """Horizontal bars for (label, value, formatted value) items, largest first as given."""
    largest = max((float(v) for _, v, _ in items), default=0.0) or 1.0
    height = ROW * len(items) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, value, shown) in enumerate(items):
        y = 4 + index * ROW
        width = BAR_AREA * float(value) / largest
        text_y = _n(y + BAR / 2 + 5)
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="chart-bar" fill="#1d4f73" x="{LABEL_WIDTH}" y="{y}" width="{_n(width)}" height="{BAR}"/>'
            f'<text class="chart-value" x="{_n(LABEL_WIDTH + width + 8)}" y="{text_y}">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
