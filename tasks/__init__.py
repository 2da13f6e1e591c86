"""newslake's pipeline stages, one package per part: ingest, clean, html, headlines, statements, quotes, lake,
report, run.

Nothing here imports Prefect: the flows in flows/ wrap these functions as tasks.
"""
