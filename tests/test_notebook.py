"""notebooks/explore.ipynb runs top to bottom, headless, on a real run of the sample corpus and
on a small run that has relations."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruextract.cli import app

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (dev extras)")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (dev extras)")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (dev extras)")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("notebook_run") / "out"
    result = CliRunner().invoke(app, ["run", str(ROOT / "corpus"), "--out", str(out),
                                      "--workers", "1"])
    assert result.exit_code == 0, result.output
    return out


def execute(out: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run the notebook against ``out``; the text each code cell showed, in order."""
    monkeypatch.setenv("RUEXTRACT_OUT", str(out))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    shown = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        text = []
        for output in cell.outputs:
            assert output.output_type != "error", output
            if output.output_type == "stream":
                text.append(output.text)
            elif "data" in output:
                text.append(output.data.get("text/plain", ""))
        shown.append("".join(text))
    return shown


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_notebook_runs_on_the_corpus(corpus_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ruextract import store

    shown = "\n".join(execute(corpus_run, monkeypatch))
    documents = store.read_table(corpus_run, "documents").num_rows
    assert f"run output: {corpus_run.resolve()}" in shown
    assert f"documents    {documents}" in shown


def test_notebook_answers_from_relations(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from test_report import write_run  # the hand-made run with delegations and relations

    shown = "\n".join(execute(write_run(tmp_path), monkeypatch))
    assert "3 visits by delegations in 3 documents" in shown
    assert "Китай, Япония" in shown  # the origins of «Идея»
    assert "Фудзита Марико" in shown  # a leader
    assert "вице-губернатор" in shown  # an official's role
    assert "2024-05" in shown  # visits by month
