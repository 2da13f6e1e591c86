"""Report charts (tasks/report/charts.py): well-formed static SVG with one mark per value, in order, each as long as
its value on an axis that ends at 1, 2 or 5 times a power of ten (whole numbers for counts); text is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tasks.report.charts import WIDTH, bar_chart, column_chart

NS = "{http://www.w3.org/2000/svg}"
SPAN = WIDTH - 300 - 40  # the bars' room: the chart less the label column and the right margin


def _marks(svg: str) -> list[ET.Element]:
    return [r for r in ET.fromstring(svg).iter(f"{NS}rect") if r.get("class") == "mark"]


def _ticks(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{NS}text") if t.get("text-anchor") == "middle"][:-1]


def test_a_bar_chart_has_one_mark_per_value_in_order_scaled_to_the_axis() -> None:
    svg = bar_chart(["Port Alder", "Sorno", "Kessel"], [12, 3, 0], "Outlets per story", "outlets")
    marks = _marks(svg)
    assert [m.find(f"{NS}title").text for m in marks] == ["Port Alder: 12", "Sorno: 3", "Kessel: 0"]
    assert _ticks(svg) == ["0", "4", "8", "12", "16", "20"]  # 12 fits under 20
    widths = [float(m.get("width")) for m in marks]
    assert widths == pytest.approx([SPAN * 12 / 20, SPAN * 3 / 20, 1.0])  # a zero still shows a hairline
    assert len({m.get("y") for m in marks}) == 3
    assert float(ET.fromstring(bar_chart(["a"] * 6, [1] * 6, "t", "u")).get("height")) > float(ET.fromstring(svg).get("height"))


@pytest.mark.parametrize(
    ("values", "end"),
    [([1], "5"), ([7], "10"), ([10], "10"), ([120], "200"), ([0.3], "0.5"), ([2.5], "5"), ([], "5"), ([0, 0], "5")],
)
def test_the_axis_ends_at_one_two_or_five_times_a_power_of_ten(values: list[float], end: str) -> None:
    ticks = _ticks(bar_chart(["x"] * len(values), values, "t", "u"))
    assert ticks[-1] == end and len(ticks) == 6
    if all(float(v).is_integer() for v in values):
        assert all("." not in tick for tick in ticks)  # a count axis never shows fractions


def test_text_is_escaped_and_long_labels_are_cut() -> None:
    label = "Council <b>approves</b> & funds the harbor bridge repair after a two-year delay"
    svg = bar_chart([label], [4], 'Stories "now" & <then>', "outlets & wires")
    root = ET.fromstring(svg)  # parses: nothing in the text broke the markup
    assert root.get("aria-label") == 'Stories "now" & <then>' and "<script" not in svg
    [shown] = [t.text for t in root.iter(f"{NS}text") if t.get("text-anchor") == "end"]
    assert shown is not None and shown.endswith("…") and len(shown) == 46 and shown.startswith("Council <b>approves</b> &")


def test_a_column_chart_has_one_mark_per_label_and_series_on_one_shared_axis() -> None:
    series = {"articles": [3, 1], "statements": [9, 4]}
    svg = column_chart(["2026-11-26 (completed)", "2026-11-27 (partial)"], series, "What each run added", "rows")
    marks = _marks(svg)
    assert [m.find(f"{NS}title").text for m in marks] == ["articles: 3", "statements: 9", "articles: 1", "statements: 4"]
    assert [float(m.get("width")) for m in marks] == pytest.approx([SPAN * v / 10 for v in (3, 9, 1, 4)])
    colors = [m.get("fill") for m in marks]
    assert colors[0] == colors[2] != colors[1] == colors[3]  # one colour per series
    root = ET.fromstring(svg)
    assert [t.text for t in root.iter(f"{NS}text") if t.text in series] == list(series)
    assert [r.get("fill") for r in root.iter(f"{NS}rect") if r.get("class") is None] == colors[:2]  # the legend's keys
