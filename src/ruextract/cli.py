"""The ``ruextract`` command line: thin — parses arguments, calls the library, prints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .ingest import DEFAULT_MAX_DOC_BYTES

app = typer.Typer(help="Facts about international business and innovation cooperation "
                       "from Russian news, to Parquet.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
rules_app = typer.Typer(help="Check and list the extraction rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
console = Console(stderr=True)
out_console = Console()

RulesOption = Annotated[Path | None, typer.Option(
    "--rules", help="Rules directory (default: the rules shipped with ruextract).")]


def _version(value: bool) -> None:
    if value:
        out_console.print(f"ruextract {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Show the version and exit.")] = False
         ) -> None:
    """ruextract: ingest → normalise → lemmatise → entities → relations → Parquet."""


def _load_rules_or_exit(rules_dir: Path | None):
    from .rules import RuleValidationError, load_rules

    try:
        return load_rules(rules_dir)
    except RuleValidationError as exc:
        console.print("[bold red]Invalid rules[/] — nothing was read or written:")
        for problem in exc.problems:
            console.print(f"  {problem}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@app.command()
def run(
    inputs: Annotated[list[Path] | None, typer.Argument(
        help="Files or directories (.txt .md .html .htm .jsonl .csv), searched recursively.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("out"),
    rules: RulesOption = None,
    workers: Annotated[int, typer.Option(help="Worker processes (default: all cores).")] = 0,
    force: Annotated[bool, typer.Option(help="Re-process documents already in OUT.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any document failed.")] = False,
    from_stage: Annotated[str | None, typer.Option(
        "--from-stage", help="Re-run from a stage on the tokens already in OUT: "
                             "'entities' or 'relations'.")] = None,
    max_doc_bytes: Annotated[int, typer.Option(
        help="Largest document accepted, in bytes (for JSONL/CSV: per row).")
    ] = DEFAULT_MAX_DOC_BYTES,
    engine: Annotated[str, typer.Option(
        help="'local' (worker processes) or 'dask' (pip install 'ruextract\\[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://host:8786); default: a local 2-worker cluster."
    )] = None,
) -> None:
    """Process a batch of articles into Parquet tables in OUT."""
    import os

    from . import pipeline

    rule_set = _load_rules_or_exit(rules)
    if from_stage:
        _rerun(out, rule_set, from_stage, workers or None)
        return
    if not inputs:
        console.print("[red]Give at least one INPUT file or directory.[/]")
        raise typer.Exit(2)
    workers = workers or os.cpu_count() or 1
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("processing", total=None)

        def advance(read: int, done: int) -> None:
            progress.update(task, completed=done, total=read)

        try:
            if engine == "dask":
                from . import dask_engine

                summary = dask_engine.run(inputs, out, scheduler=scheduler, n_workers=workers,
                                          rules_dir=rule_set.directory, force=force,
                                          max_doc_bytes=max_doc_bytes, progress=advance)
            elif engine == "local":
                summary = pipeline.run(inputs, out, rules_dir=rule_set.directory,
                                       workers=workers, force=force,
                                       max_doc_bytes=max_doc_bytes, progress=advance)
            else:
                console.print("[red]--engine must be 'local' or 'dask'.[/]")
                raise typer.Exit(2)
        except ImportError as exc:  # --engine dask without the dask extra
            console.print(f"[bold red]{exc}[/]")
            raise typer.Exit(2) from None
        except (pipeline.store.OutputLockedError, OSError) as exc:
            console.print(f"[bold red]Cannot write to {out}:[/] {exc}")
            raise typer.Exit(3) from None
    _print_summary(summary, out)
    if strict and summary.failed:
        raise typer.Exit(1)


def _rerun(out: Path, rule_set, stage: str, workers: int | None) -> None:
    from . import rerun, store

    if stage not in rerun.STAGES:
        console.print(f"[red]--from-stage must be one of: {', '.join(rerun.STAGES)}.[/]")
        raise typer.Exit(2)
    if not (out / "documents").is_dir():
        console.print(f"[red]{out} holds no run to re-extract (no documents table).[/]")
        raise typer.Exit(2)
    try:
        summary = rerun.rerun(out, stage, rules=rule_set, workers=workers)
    except (store.OutputLockedError, OSError) as exc:
        console.print(f"[bold red]Cannot write to {out}:[/] {exc}")
        raise typer.Exit(3) from None
    _print_summary(summary, out)


def _print_summary(summary, out: Path) -> None:
    table = Table(title=f"ruextract run {summary.run_id} → {out}", show_header=False)
    counts = summary.as_dict()
    for key in ("read", "processed", "duplicates", "already_present", "failed", "not_russian"):
        table.add_row(key.replace("_", " "), str(counts[key]))
    table.add_row("mentions", ", ".join(f"{k} {v}" for k, v in counts["mentions"].items()) or "0")
    table.add_row("relations",
                  ", ".join(f"{k} {v}" for k, v in counts["relations"].items()) or "0")
    if counts["errors"]:
        table.add_row("errors", ", ".join(f"{k} {v}" for k, v in counts["errors"].items()))
    table.add_row("wall time", f"{summary.wall_seconds:.1f} s")
    table.add_row("documents/s", f"{summary.docs_per_second:.2f}")
    out_console.print(table)


@app.command()
def evaluate(
    out: Annotated[Path, typer.Argument(help="A run's output directory.")],
    gold: Annotated[Path, typer.Option(help="Gold: a JSONL file, a brat directory (NEREL) or "
                                            "a factRuEval-2016 directory.")],
    gold_format: Annotated[str | None, typer.Option(
        "--format", help="jsonl, brat or factru (default: detected).")] = None,
    errors: Annotated[bool, typer.Option(
        "--errors", help="List false positives and negatives by type and rule.")] = False,
    json_file: Annotated[Path | None, typer.Option("--json", help="Write the figures as JSON.")
                         ] = None,
    min_f1: Annotated[float | None, typer.Option(
        help="Exit 1 if the micro F1 of mentions is below this.")] = None,
    baseline: Annotated[bool, typer.Option(
        help="Also score plain natasha NER on the same documents, side by side.")] = False,
) -> None:
    """Score a run against gold: mentions per type, normal forms, relations."""
    import json

    from . import evaluate as scoring
    from .gold import GoldFormatError, read_gold

    try:
        gold_docs = read_gold(gold, gold_format)
    except (GoldFormatError, ValueError, OSError) as exc:
        console.print(f"[bold red]Cannot read gold:[/] {exc}")
        raise typer.Exit(2) from None
    result = scoring.evaluate(gold_docs, scoring.predictions_from_output(out))
    figures = {"pipeline": result.as_dict()}
    base = None
    if baseline:
        base = scoring.evaluate(gold_docs, scoring.natasha_predictions(
            gold_docs, scoring.raw_texts(out)))
        figures["natasha"] = base.as_dict()
    _print_scores(result, base)
    if errors:
        _print_errors(result)
    if json_file:
        json_file.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    if min_f1 is not None and result.micro(result.mentions).f1 < min_f1:
        console.print(f"[red]mention micro F1 {result.micro(result.mentions).f1:.3f} "
                      f"< {min_f1}[/]")
        raise typer.Exit(1)


def _print_scores(result, base) -> None:
    columns = ["", "P", "R", "F1", "tp", "fp", "fn"] + (["natasha F1"] if base else [])
    table = Table(*columns, title=f"mentions (exact span and type), {result.documents} documents")
    for name, score in [*sorted(result.mentions.items()), ("micro", result.micro(result.mentions)),
                        ("partial micro", result.micro(result.partial))]:
        extra = []
        if base is not None:
            other = base.micro(base.mentions) if name == "micro" else (
                base.micro(base.partial) if name == "partial micro" else base.mentions.get(name))
            extra = [f"{other.f1:.3f}" if other else "—"]
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.tp), str(score.fp), str(score.fn), *extra)
    out_console.print(table)
    out_console.print(f"normal-form accuracy on matched mentions: {result.normal_accuracy:.3f} "
                      f"({result.normal_correct}/{result.normal_matched})")
    if result.canonical_docs:
        things = result.recurring_things
        out_console.print(
            f"keys: {result.one_key_share:.3f} of {len(things)} things recurring across "
            f"documents get exactly one key; keys covering two things: "
            f"{len(result.keys_covering_two_things)}")
    if result.relations:
        relations = Table("", "P", "R", "F1", "tp", "fp", "fn", title="relations (document tuples)")
        for name, score in [*sorted(result.relations.items()),
                            ("micro", result.micro(result.relations))]:
            relations.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}",
                              f"{score.f1:.3f}", str(score.tp), str(score.fp), str(score.fn))
        out_console.print(relations)
    if result.unmatched_gold:
        console.print(f"[yellow]{len(result.unmatched_gold)} gold documents not in the output "
                      f"(scored as missed): {', '.join(result.unmatched_gold[:5])}…[/]")


def _print_errors(result) -> None:
    from itertools import groupby

    key = lambda e: (e.type, e.kind, e.rule)  # noqa: E731
    for (kind_type, kind, rule), items in groupby(sorted(result.errors, key=key), key=key):
        items = list(items)
        out_console.print(f"[bold]{kind} {kind_type}[/] {rule or ''} ({len(items)})")
        for item in items:
            evidence = f" — {item.evidence}" if item.evidence else ""
            out_console.print(f"  {item.doc}: {item.text}{evidence}", markup=False,
                              highlight=False)


@rules_app.command("check")
def rules_check(directory: Annotated[Path | None, typer.Argument(
        help="Rules directory (default: the shipped rules).")] = None) -> None:
    """Validate every rule and word list; exit 2 with file:line messages if any is wrong."""
    rule_set = _load_rules_or_exit(directory)
    out_console.print(f"[green]OK[/] {rule_set.directory}: {len(rule_set.boilerplate)} "
                      f"boilerplate, {len(rule_set.entities)} entity, {len(rule_set.relations)} "
                      f"relation rules, {len(rule_set.wordlists)} word lists "
                      f"(fingerprint {rule_set.fingerprint})")


@rules_app.command("list")
def rules_list(
    directory: Annotated[Path | None, typer.Argument(help="Rules directory.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o",
                                             help="A run's output: count each rule's matches.")
                   ] = None,
) -> None:
    """Show rule ids, kinds, descriptions and (with --out) how often each matched."""
    from collections import Counter

    from . import store

    rule_set = _load_rules_or_exit(directory)
    hits: Counter = Counter()
    if out is not None:
        for source in store.read_table(out, "mentions", columns=["source"]).column("source"):
            hits[str(source).removeprefix("rule:")] += 1
        for rule in store.read_table(out, "relations", columns=["rule"]).column("rule"):
            hits[str(rule)] += 1
    table = Table("id", "kind", "description", *(["matches"] if out else []))
    rows = [(r.id, "boilerplate", r.description) for r in rule_set.boilerplate]
    rows += [(r.id, f"entity → {r.label}", r.description) for r in rule_set.entities]
    rows += [(r.id, f"{r.kind} → {r.relation}", r.description) for r in rule_set.relations]
    for rule_id, kind, description in rows:
        table.add_row(rule_id, kind, description, *([str(hits[rule_id])] if out else []))
    out_console.print(table)


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="A run's output directory.")],
    html: Annotated[Path | None, typer.Option(
        "--html", help="Where to write the report (default: OUT/report.html).")] = None,
    max_documents: Annotated[int, typer.Option(
        help="Documents shown with their highlighted text (most relations first).")] = 500,
) -> None:
    """Write one self-contained HTML report of a run: summary, delegations, relations, texts."""
    from .report import write_report

    if not (out / "documents").is_dir():
        console.print(f"[red]{out} holds no run output (no documents table).[/]")
        raise typer.Exit(2)
    path = write_report(out, html, max_documents=max_documents)
    out_console.print(f"report → {path}")


if __name__ == "__main__":
    app()
