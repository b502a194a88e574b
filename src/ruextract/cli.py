"""The ``ruextract`` command line: thin — parses arguments, calls the library, prints."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .ingest import DEFAULT_MAX_DOC_BYTES, SUPPORTED_SUFFIXES
from .rules import DEFAULT_MIN_CONFIDENCE

app = typer.Typer(help="Facts about international business and innovation cooperation "
                       "from Russian news, to Parquet.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
rules_app = typer.Typer(help="Check, list, calibrate and test (one-line cases) the extraction "
                             "rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
console = Console(stderr=True)
# Piped or redirected, tables are not cut at 80 columns: rule ids are what one greps for.
PIPED_WIDTH = 400
out_console = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS")
                      else PIPED_WIDTH)

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
    from .relations.extractor import unknown_methods
    from .rules import RuleValidationError, load_rules

    try:
        rule_set = load_rules(rules_dir)
        if problems := unknown_methods(rule_set):
            raise RuleValidationError(problems)
        return rule_set
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
    strict: Annotated[bool, typer.Option(
        help="Exit non-zero if any document failed or no input was read at all.")] = False,
    replace_edited: Annotated[bool, typer.Option(
        help="An article read again with another text replaces its earlier version when it "
             "is the same file (TXT/HTML) or the same id in the same JSONL/CSV file; by "
             "default only the same URL does.")] = False,
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
    min_confidence: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Keep only relations of at least this confidence "
                               "(precision for recall; see `evaluate --curve`; 0 keeps all)."
    )] = DEFAULT_MIN_CONFIDENCE,
    scorer: Annotated[bool, typer.Option(
        help="Score each fact with the fact scorer of models/ (--no-scorer: every fact keeps "
             "its rule's confidence, as `rules calibrate` measures it).")] = True,
) -> None:
    """Process a batch of articles into Parquet tables in OUT."""

    from . import pipeline

    if not scorer:  # read by every worker process the run starts
        os.environ["RUEXTRACT_SCORER"] = "none"
    rule_set = _load_rules_or_exit(rules)
    if from_stage:
        if inputs or force:  # it re-reads OUT's own tokens: nothing else is read
            console.print(f"[yellow]--from-stage re-extracts the documents already in {out}; "
                          f"{'the INPUTs' if inputs else ''}{' and ' if inputs and force else ''}"
                          f"{'--force' if force else ''} given with it are not used (run "
                          f"without --from-stage to add documents).[/]")
        _rerun(out, rule_set, from_stage, workers or None, min_confidence)
        return
    if not inputs:
        console.print("[red]Give at least one INPUT file or directory.[/]")
        raise typer.Exit(2)
    workers = workers or os.cpu_count() or 1
    earlier_rules = _rules_fingerprint_of(out)
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
                                          replace_edited=replace_edited,
                                          max_doc_bytes=max_doc_bytes, progress=advance,
                                          min_confidence=min_confidence)
            elif engine == "local":
                summary = pipeline.run(inputs, out, rules_dir=rule_set.directory,
                                       workers=workers, force=force,
                                       replace_edited=replace_edited,
                                       max_doc_bytes=max_doc_bytes, progress=advance,
                                       min_confidence=min_confidence)
            else:
                console.print("[red]--engine must be 'local' or 'dask'.[/]")
                raise typer.Exit(2)
        except ImportError as exc:  # --engine dask without the dask extra
            console.print(f"[bold red]{exc}[/]")
            raise typer.Exit(2) from None
        except (pipeline.store.OutputLockedError, OSError) as exc:
            console.print(f"[bold red]Cannot write to {out}:[/] {exc}")
            raise typer.Exit(3) from None
        except KeyboardInterrupt:
            console.print(f"[yellow]Interrupted. What was written to {out} stands; run the same "
                          "command again to process the documents that are missing (it also "
                          "keys what this run wrote and drops earlier versions it replaces).[/]")
            raise typer.Exit(130) from None
    _print_summary(summary, out)
    if summary.already_present and earlier_rules not in (None, rule_set.fingerprint):
        # the skipped documents keep what other rules made of them
        console.print(f"[yellow]{summary.already_present} documents already in {out} were "
                      f"extracted with other rules (fingerprint {earlier_rules}, now "
                      f"{rule_set.fingerprint}): `run --force` re-processes them, `run "
                      f"--from-stage entities --out {out}` re-extracts the whole output.[/]")
    if not summary.read:
        passed = (f" ({summary.passed_over} files or directories passed over: hidden, or not "
                  f"{' '.join(SUPPORTED_SUFFIXES)})" if summary.passed_over else "")
        console.print(f"[bold yellow]Warning: no input was read{passed}; nothing was "
                      "processed.[/]", highlight=False)
    if strict and (summary.failed or not summary.read):
        raise typer.Exit(1)


def _rules_fingerprint_of(out: Path) -> str | None:
    """The rules fingerprint of the last run written to ``out``, if any."""
    from .store import read_manifest

    return read_manifest(out).get("rules_fingerprint")


def _rerun(out: Path, rule_set, stage: str, workers: int | None,
           min_confidence: float) -> None:
    from . import rerun, store

    if stage not in rerun.STAGES:
        console.print(f"[red]--from-stage must be one of: {', '.join(rerun.STAGES)}.[/]")
        raise typer.Exit(2)
    if not (out / "documents").is_dir():
        console.print(f"[red]{out} holds no run to re-extract (no documents table).[/]")
        raise typer.Exit(2)
    try:
        summary = rerun.rerun(out, stage, rules=rule_set, workers=workers,
                              min_confidence=min_confidence)
    except (store.OutputLockedError, OSError) as exc:
        console.print(f"[bold red]Cannot write to {out}:[/] {exc}")
        raise typer.Exit(3) from None
    _print_summary(summary, out)


def _print_summary(summary, out: Path) -> None:
    table = Table(title=f"ruextract run {summary.run_id} → {out}", show_header=False)
    counts = summary.as_dict()
    for key in ("read", "processed", "duplicates", "already_present", "failed", "not_russian"):
        named = " (named in the errors table)" if key in ("duplicates", "failed") \
            and counts[key] else ""
        table.add_row(key.replace("_", " "), f"{counts[key]}{named}")
    if counts.get("passed_over"):
        named = ", ".join(counts["passed_over_named"])
        more = "…" if counts["passed_over"] > len(counts["passed_over_named"]) else ""
        table.add_row("passed over", f"{counts['passed_over']} in the directories given "
                                     f"(hidden, another type, a loop; not read): {named}{more}")
    if counts.get("replaced"):
        table.add_row("replaced", f"{counts['replaced']} earlier versions of edited articles")
    if counts.get("resumed"):
        table.add_row("resumed", f"{counts['resumed']} documents an interrupted run wrote, "
                                 "now keyed with the batch")
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
    min_confidence: Annotated[float, typer.Option(
        help="Score only relations of at least this confidence.")] = 0.0,
    curve: Annotated[bool, typer.Option(
        "--curve", help="Relations' precision and recall at every confidence threshold.")
    ] = False,
) -> None:
    """Score a run against gold: mentions per type, normal forms, relations."""
    import json

    from . import calibrate
    from . import evaluate as scoring
    from .gold import GoldFormatError, read_gold

    if not (out / "documents").is_dir():
        console.print(f"[red]{out} holds no run output (no documents table).[/]")
        raise typer.Exit(2)
    try:
        gold_docs = read_gold(gold, gold_format)
    except (GoldFormatError, ValueError, OSError) as exc:
        console.print(f"[bold red]Cannot read gold:[/] {exc}")
        raise typer.Exit(2) from None
    result = scoring.evaluate(gold_docs, scoring.predictions_from_output(out, min_confidence))
    figures = {"pipeline": result.as_dict()}
    if curve:
        threshold = calibrate.run_threshold(out)
        if threshold > 0:
            console.print(f"[yellow]{out} kept only relations of confidence ≥ {threshold:g}: "
                          "the curve starts there; draw it from a run made with "
                          "--min-confidence 0.[/]")
        figures["curve"] = _print_curve(out, gold_docs)
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


def _print_curve(out: Path, gold_docs) -> list[dict]:
    """Relations micro and VISITED at each threshold a run's confidences make."""
    from . import evaluate as scoring

    predictions = scoring.predictions_from_output(out)  # read once, thresholds in memory
    thresholds = sorted({round(r.confidence, 3) for pred in predictions.values()
                         for r in pred.relations})
    table = Table("min confidence", "P", "R", "F1", "VISITED P", "VISITED R", "VISITED F1",
                  title="relations: precision/recall by confidence threshold")
    rows = []
    for threshold in thresholds:
        result = scoring.evaluate(gold_docs, scoring.above(predictions, threshold))
        micro, visited = result.micro(result.relations), result.relations["VISITED"]
        rows.append({"min_confidence": threshold, "micro": micro.as_dict(),
                     "VISITED": visited.as_dict()})
        table.add_row(f"{threshold:.2f}", *(f"{x:.3f}" for x in (
            micro.precision, micro.recall, micro.f1,
            visited.precision, visited.recall, visited.f1)))
    console.print(table)
    return rows


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
    if result.tokens:
        _print_token_scores(result, base)
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


def _print_token_scores(result, base) -> None:
    """naeval's token-level figures (the gold's tokens tagged inside or outside each type)."""
    columns = ["", "P", "R", "F1", "tp", "fp", "fn"] + (["natasha F1"] if base else [])
    table = Table(*columns, title="mentions per token (naeval's IO tags)")
    for name, score in [*sorted(result.tokens.items()), ("micro", result.micro(result.tokens))]:
        extra = []
        if base is not None:
            other = base.micro(base.tokens) if name == "micro" else base.tokens.get(name)
            extra = [f"{other.f1:.3f}" if other else "—"]
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.tp), str(score.fp), str(score.fn), *extra)
    out_console.print(table)


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


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier output directory.")],
    new: Annotated[Path, typer.Argument(help="The later output directory.")],
    details: Annotated[bool, typer.Option(
        "--details", "-v", help="List every change with its document and sentence.")] = False,
    types: Annotated[list[str] | None, typer.Option(
        "--type", help="Only this type (PER, PARK, VISITED…; repeatable; shell patterns).")
    ] = None,
    rules: Annotated[list[str] | None, typer.Option(
        "--rule", help="Only changes made by this rule (an id, 'ner', or a pattern such as "
                       "'park.*'; repeatable).")] = None,
    gold: Annotated[Path | None, typer.Option(
        help="Gold (as for evaluate): mark each change as fixing or breaking a gold item.")
    ] = None,
    gold_format: Annotated[str | None, typer.Option(
        "--format", help="jsonl, brat or factru (default: detected).")] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print counts and every change as JSON (for scripts).")] = False,
) -> None:
    """What changed from OLD to NEW: mentions, entity keys and relations added and removed,
    by type and rule."""
    import json

    from .diff import diff_outputs
    from .gold import GoldFormatError, read_gold

    for directory in (old, new):
        if not (directory / "documents").is_dir():
            console.print(f"[red]{directory} holds no run output (no documents table).[/]")
            raise typer.Exit(2)
    gold_docs = None
    if gold is not None:
        try:
            gold_docs = read_gold(gold, gold_format)
        except (GoldFormatError, ValueError, OSError) as exc:
            console.print(f"[bold red]Cannot read gold:[/] {exc}")
            raise typer.Exit(2) from None
    result = diff_outputs(old, new, gold_docs).select(types or [], rules or [])
    if as_json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    _print_diff(result, details)


def _print_diff(result, details: bool) -> None:
    from itertools import groupby

    marks = ["fix", "break", "new FP", "removed FP"] if result.gold else []
    headers = {"added": "+", "removed": "−", "new FP": "+FP", "removed FP": "−FP"}
    out_console.print(f"{result.old} → {result.new}: {result.documents} documents in both",
                      highlight=False)
    for label, names in (("only in OLD", result.only_old), ("only in NEW", result.only_new)):
        if names:
            shown = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
            out_console.print(f"  {len(names)} {label} (not compared): {shown}",
                              markup=False, highlight=False)
    for kind, groups in result.counts().items():
        added = sum(c["added"] for c in groups.values())
        removed = sum(c["removed"] for c in groups.values())
        title = {"entities": "entity keys"}.get(kind, kind)
        if not groups:
            out_console.print(f"{title}: no change")
            continue
        table = Table(title=f"{title}: +{added} −{removed}", title_justify="left",
                      box=box.SIMPLE_HEAD)
        table.add_column("type", no_wrap=True)
        table.add_column("rule", overflow="fold")  # the rule id is what the reader looks for
        for column in ("added", "removed", *marks):
            table.add_column(headers.get(column, column), justify="right", no_wrap=True)
        for (entity_type, rule), counts in groups.items():
            table.add_row(entity_type, rule or "—", str(counts["added"]), str(counts["removed"]),
                          *(str(counts[m]) for m in marks))
        out_console.print(table)
        if not details:
            continue
        changes = [c for c in result.changes if c.kind == kind]
        for (entity_type, rule), items in groupby(changes, key=lambda c: (c.type, c.rule)):
            out_console.print(f"[bold]{entity_type}[/] {rule or '—'}")
            for change in items:
                sign = "+" if change.change == "added" else "−"
                mark = f" [{change.gold}]" if change.gold else ""
                evidence = f" — {change.evidence}" if change.evidence else ""
                out_console.print(f"  {sign} {change.doc}: {change.text}{mark}{evidence}",
                                  markup=False, highlight=False)
    if marks and result.changes:
        out_console.print("against gold: fix = an added gold item, break = a removed one, "
                          "+FP = an added item not in gold, −FP = a removed one")
    if not details and result.changes:
        # on standard output with the tables: on stderr it lands anywhere among them
        out_console.print("(--details / -v lists each change with its document and sentence)")


@rules_app.command("check")
def rules_check(directory: Annotated[Path | None, typer.Argument(
        help="Rules directory (default: the shipped rules).")] = None) -> None:
    """Validate every rule and word list; exit 2 with file:line messages if any is wrong."""
    rule_set = _load_rules_or_exit(directory)
    out_console.print(f"[green]OK[/] {rule_set.directory}: {len(rule_set.boilerplate)} "
                      f"boilerplate, {len(rule_set.entities)} entity, {len(rule_set.relations)} "
                      f"relation rules, {len(rule_set.wordlists)} word lists "
                      f"(fingerprint {rule_set.fingerprint})")
    for note in rule_set.notes():
        out_console.print(f"[yellow]note:[/] {note}", highlight=False)


@rules_app.command("calibrate")
def rules_calibrate(
    out: Annotated[Path, typer.Argument(help="A run's output directory.")],
    gold: Annotated[Path, typer.Option(help="Gold for the run's documents (as evaluate).")],
    directory: Annotated[Path | None, typer.Option(
        "--rules", help="The rules the run used (default: the packaged rules).")] = None,
    write: Annotated[bool, typer.Option(
        "--write", help="Write the calibrated confidences into the rules' relations.yaml.")
    ] = False,
) -> None:
    """Each relation rule's precision on gold, and the confidence it calibrates to."""
    if write and directory is None:  # never the rules installed with the package
        console.print("[red]--write needs --rules DIR (a copy of the rules to edit).[/]")
        raise typer.Exit(2)
    from . import calibrate
    from . import evaluate as scoring
    from .gold import GoldFormatError, read_gold

    rule_set = _load_rules_or_exit(directory)
    try:
        gold_docs = read_gold(gold)
    except (GoldFormatError, ValueError, OSError) as exc:
        console.print(f"[bold red]Cannot read gold:[/] {exc}")
        raise typer.Exit(2) from None
    threshold = calibrate.run_threshold(out)
    if threshold > 0:
        console.print(f"[yellow]{out} kept only relations of confidence ≥ {threshold:g}: rules "
                      "below it cannot rise; calibrate a run made with --min-confidence 0.[/]")
    figures = calibrate.rule_figures(gold_docs, scoring.predictions_from_output(out), rule_set)
    table = Table("rule", "fired", "correct", "precision", "confidence", "calibrated",
                  title=f"relation rules on {len(gold_docs)} gold documents")
    table.columns[0].no_wrap = True
    for f in figures:
        table.add_row(f.rule, str(f.fired), str(f.correct),
                      f"{f.precision:.2f}" if f.fired else "—", f"{f.current:g}",
                      f"{f.calibrated:g}")
    out_console.print(table)
    if write:
        path = rule_set.directory / "relations.yaml"
        changed = calibrate.write_confidences(path, {f.rule: f.calibrated for f in figures})
        console.print(f"{changed} confidences written to {path}")


@rules_app.command("cases")
def rules_cases(
    files: Annotated[list[Path], typer.Argument(
        help="Case files: one case a line, TEXT<TAB>+FACT or TEXT<TAB>-FACT[<TAB>NOTE].",
        exists=True, dir_okay=False, readable=True)],
    directory: RulesOption = None,
    min_confidence: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Count only relations of at least this confidence (a run's "
                               "default keeps ≥ 0.5).")] = DEFAULT_MIN_CONFIDENCE,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Counts only, no case lines (for a part kept unread).")] = False,
) -> None:
    """Run one-line cases: each '+' fact must be found in its text, each '-' fact must not.
    Exit 1 if any case fails, 2 if a file is malformed or holds no case."""
    from . import cases as case_lines
    from .stages import Pipeline

    try:
        loaded = [case for path in files for case in case_lines.read_cases(path)]
    except (case_lines.CaseFormatError, UnicodeDecodeError) as exc:
        console.print(f"[bold red]Cannot read cases:[/] {exc}")
        raise typer.Exit(2) from None
    if not loaded:  # a check of nothing would pass
        console.print(f"[bold red]No cases in {', '.join(map(str, files))}[/] "
                      "(a case is a line TEXT<TAB>±TYPE arg1 -> arg2)")
        raise typer.Exit(2)
    pipeline = Pipeline(_load_rules_or_exit(directory))
    results = list(case_lines.run_cases(pipeline, loaded, min_confidence))
    if not summary:
        for result in results:
            if not result.passed:
                case = result.case
                out_console.print(f"FAIL {case.where} {case.sign}{case.fact} | {case.text}",
                                  markup=False, highlight=False)
                out_console.print(f"     found: {sorted(result.found)}", markup=False,
                                  highlight=False)
                if result.below:
                    out_console.print(f"     below {min_confidence:g}: {sorted(result.below)}",
                                      markup=False, highlight=False)
    table = Table("relation", "passed", "cases", title=f"{len(results)} cases, relations of "
                  f"confidence ≥ {min_confidence:g}")
    for key, (passed, total) in case_lines.tally(results).items():
        table.add_row(key, str(passed), str(total))
    out_console.print(table)
    if misses := case_lines.tally_misses(results):
        table = Table("relation", "why a '+' case failed", "cases")
        for (relation, why), count in misses.items():
            table.add_row(relation, why, str(count))
        out_console.print(table)
    passed = sum(r.passed for r in results)
    out_console.print(f"passed {passed}/{len(results)}")
    if passed < len(results):
        raise typer.Exit(1)


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
    table.columns[0].overflow = "fold"  # an id is copied whole, never cut with «…»
    rows = [(r.id, "boilerplate", r.description) for r in rule_set.boilerplate]
    rows += [(r.id, f"entity → {r.label}", r.description) for r in rule_set.entities]
    rows += [(r.id, f"{r.kind} → {r.relation}", r.description) for r in rule_set.relations]
    for rule_id, kind, description in rows:
        # (what boilerplate removes leaves no row to count: «—», not a false 0)
        count = "—" if kind == "boilerplate" else str(hits[rule_id])
        table.add_row(rule_id, kind, description, *([count] if out else []))
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
