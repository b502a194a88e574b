"""``python -m ruextract``: the same command line as the ``ruextract`` script."""

from ruextract.cli import app

app(prog_name="ruextract")
