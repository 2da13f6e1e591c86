"""The night's report in a real browser: headless Chromium opens the page from disk with the network off, every chart
draws its marks, and the console logs no error. A screenshot is kept in tests/output/report.png.

Chromium comes from Debian (scripts/chromium_for_tests.sh, called by `make test`); without it the test skips.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tasks.lake import Lake
from tasks.report.page import write_night_report
from tasks.run import new_run, run_night
from tests.paths import REPO, SAMPLES
from tests.report.test_page import CHARTS

# The flags the machine notes give for headless Chromium on a closed network (no sandbox as root, no background
# connections that would be refused).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--window-size=1280,3200",
         # the network off: every host name fails to resolve and any connection goes to a closed port
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"]
# Run in the browser after layout: each chart's marks that occupy a non-empty box on the page, written back into
# the DOM (which --dump-dom prints). The marks are in the static file either way; their boxes exist only once the
# browser has laid the SVG out and drawn it.
PROBE = """<script>
window.addEventListener("load", () => {
  for (const figure of document.querySelectorAll("figure.chart")) {
    const drawn = [...figure.querySelectorAll("svg .mark")].filter((mark) => {
      const box = mark.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
    const svg = figure.querySelector("svg").getBoundingClientRect();
    figure.setAttribute("data-drawn", String(drawn.length));
    figure.setAttribute("data-box", `${Math.round(svg.width)}x${Math.round(svg.height)}`);
  }
});
</script>"""


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no Chromium on this machine: scripts/chromium_for_tests.sh installs Debian's chromium")
    return path


def test_the_report_renders_in_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    lake = Lake(tmp_path / "lake")
    night = date(2026, 11, 27)
    run_night([str(SAMPLES)], lake, new_run(night), batch_files=10)
    page = write_night_report(lake, night, None, tmp_path / "report.html")
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    url = page.as_uri()
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run([browser, *FLAGS, *profile, "--dump-dom", probed.as_uri()], capture_output=True, text=True,
                         timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = lxml_html.fromstring(dom.stdout)
    for figure in rendered.find_class("chart"):
        marks = figure.xpath(".//*[local-name()='svg']//*[@class='mark']")
        assert marks, f"chart {figure.get('data-chart')} has no marks"
        assert figure.get("data-drawn") == str(len(marks)), f"chart {figure.get('data-chart')}: not every mark drew"
        width, height = map(int, figure.get("data-box").split("x"))
        assert width > 100 and height > 50, f"chart {figure.get('data-chart')} laid out at {width}x{height}"
    assert {f.get("data-chart") for f in rendered.find_class("chart")} == set(CHARTS)
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "error" in line.lower()], console
    output = REPO / "tests" / "output"
    output.mkdir(exist_ok=True)
    shot = subprocess.run([browser, *FLAGS, *profile, f"--screenshot={output / 'report.png'}", url],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and (output / "report.png").stat().st_size > 10_000, shot.stderr[-2000:]
    print(f"screenshot: {output / 'report.png'}")
