"""Charts of the monthly report (reportlab graphics: vector, black and grey, so they print
well on an office laser printer and photocopy cleanly)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts

BAR = colors.HexColor("#555555")


def bar_chart(title: str, items: Sequence[tuple[str, int]], width: float,
              font_size: float = 7.5) -> Drawing:
    """Horizontal bars, one per (label, count), largest scale rounded up to a whole step."""
    fonts.register_fonts()
    bar_h = font_size * 1.9
    widest = max((stringWidth(label, fonts.SANS, font_size) for label, _ in items),
                 default=40.0)
    label_w = min(width * 0.5, max(40.0, widest + 2))
    rows = [(_shorten(label, label_w, font_size), n) for label, n in items] or [("—", 0)]
    top = font_size * 2.2
    bottom = font_size * 2.4
    height = top + bottom + bar_h * len(rows)
    drawing = Drawing(width, height)
    drawing.add(String(0, height - font_size * 1.2, title, fontName=fonts.SANS_BOLD,
                       fontSize=font_size * 1.1))
    chart = HorizontalBarChart()
    chart.x = label_w + 4
    chart.y = bottom
    chart.width = width - label_w - 24
    chart.height = bar_h * len(rows)
    # reportlab draws the first category at the bottom; reverse so the list reads downwards.
    values = [count for _, count in reversed(rows)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(rows)]
    chart.categoryAxis.labels.fontName = fonts.SANS
    chart.categoryAxis.labels.fontSize = font_size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = colors.black
    chart.categoryAxis.tickLeft = 0
    peak = max(values) if values else 0
    step = _step(peak)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-peak // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = fonts.SANS
    chart.valueAxis.labels.fontSize = font_size * 0.9
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = colors.black
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#CCCCCC")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barWidth = bar_h * 0.65
    chart.groupSpacing = bar_h * 0.35
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.SANS
    chart.barLabels.fontSize = font_size * 0.9
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _shorten(label: str, width: float, size: float) -> str:
    """`label` cut with '…' until it fits `width` points (the table beside has it whole)."""
    if stringWidth(label, fonts.SANS, size) <= width:
        return label
    while label and stringWidth(label + "…", fonts.SANS, size) > width:
        label = label[:-1]
    return label.rstrip() + "…"


def _step(peak: int) -> int:
    """A readable axis step for values up to `peak` (about 4-8 grid lines)."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 8:
            return step
    return 10_000
