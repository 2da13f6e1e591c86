"""Reports of the lake: the Markdown summary of a run, and a static HTML page with charts for a night or a range."""
