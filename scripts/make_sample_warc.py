"""Rebuild samples/warc/crawl.warc.gz: a small CC-NEWS-style crawl written with warcio itself.

Two HTML responses (one of them is samples/html/council_budget.html as a crawler would fetch it),
one PDF response (quarantined as non-HTML), and the warcinfo and request records a crawler writes.
Run: .venv/bin/python scripts/make_sample_warc.py
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parents[1] / "samples"

SECOND_PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Valdera growers ask for emergency frost fund | Valley Times</title>
<meta property="og:title" content="Valdera growers ask for emergency frost fund">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2026-11-25T16:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/farming">Farming</a></nav>
<article><h1>Valdera growers ask for emergency frost fund</h1>
<p>Apple growers in the Valdera valley asked the regional government on Tuesday for an emergency fund to cover frost damage, after losing about a third of the blossom.</p>
<p>"Without help, some family orchards will not survive the winter," said Piet Vos, chairman of the growers' association.</p>
<p>The regional agriculture office said it would publish its damage assessment next week.</p>
</article><footer>Valley Times</footer></body></html>"""


def response(writer: WARCWriter, uri: str, date: str, content_type: str, body: bytes) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def main() -> None:
    out = HERE / "warc" / "crawl.warc.gz"
    out.parent.mkdir(exist_ok=True)
    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "newslake samples"}))
        page = (HERE / "html" / "council_budget.html").read_bytes()
        uri = "https://courier.example/news/2026/11/26/port-alder-budget-libraries"
        request = StatusAndHeaders("GET /news/2026/11/26/port-alder-budget-libraries HTTP/1.1", [("Host", "courier.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
        response(writer, uri, "2026-11-27T02:10:00Z", "text/html; charset=utf-8", page)
        response(writer, "https://valley-times.example/farming/frost-fund", "2026-11-27T02:11:00Z", "text/html; charset=utf-8", SECOND_PAGE)
        response(writer, "https://valley-times.example/files/frost-report.pdf", "2026-11-27T02:12:00Z", "application/pdf", b"%PDF-1.4\n% not an article\n")


if __name__ == "__main__":
    main()
