"""The HTML report of a night or a range: every section, charts drawn as static SVG, nothing fetched from anywhere."""

from __future__ import annotations

import re
from datetime import date

import pytest
from lxml import html as lxml_html

from tasks.lake import Lake
from tasks.report.charts import bar_chart, column_chart
from tasks.report.page import night_report
from tasks.run import new_run, run_night
from tests.paths import SAMPLES

CHARTS = ("stage_counts", "stories", "speakers", "quotes", "story_statements", "quarantine")


@pytest.fixture(scope="module")
def sample_lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    lake = Lake(tmp_path_factory.mktemp("report") / "lake")
    run_night([str(SAMPLES)], lake, new_run(date(2026, 11, 27)), batch_files=10)
    return lake


def test_the_night_page_has_every_section_with_a_chart(sample_lake: Lake) -> None:
    page = lxml_html.fromstring(night_report(sample_lake, date(2026, 11, 27)))
    headings = [h.text_content() for h in page.iter("h2")]
    assert headings == ["Counts per stage", "Stories by number of outlets", "Top speakers", "Quotes that spread",
                        "Statements per story", "Quarantine reasons"]
    charts = {figure.get("data-chart"): figure for figure in page.find_class("chart")}
    assert set(charts) == set(CHARTS)
    for name, figure in charts.items():
        assert len(figure.xpath(".//*[local-name()='rect'][@class='mark']")) > 0, name


def test_the_page_is_self_contained(sample_lake: Lake) -> None:
    text = night_report(sample_lake, date(2026, 11, 26), date(2026, 11, 27))
    assert "<script" not in text and not re.search(r"(?:src|href)=\"?https?:", text)
    assert "2026-11-26 to 2026-11-27" in text


def test_a_night_without_runs_says_none(sample_lake: Lake) -> None:
    page = lxml_html.fromstring(night_report(sample_lake, date(2026, 10, 1)))
    assert not page.find_class("chart") and len(page.find_class("none")) == 6


def test_bars_are_proportional_and_axes_count_in_whole_numbers() -> None:
    svg = bar_chart(["a", "b"], [4, 2], "t", "u")
    widths = [float(w) for w in re.findall(r'class="mark" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and abs(widths[0] / widths[1] - 2) < 0.01
    assert ">0.2<" not in bar_chart(["a"], [1], "t", "u")  # a count of 1 gets an axis of 0..5
    grouped = column_chart(["night 1", "night 2"], {"articles": [3, 1], "statements": [9, 4]}, "t", "u")
    assert grouped.count('class="mark"') == 4 and "statements" in grouped
