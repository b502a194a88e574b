"""`make bench`: ruextract's throughput, memory and cold start on real text, next to plain natasha.

The corpus is the NEREL v1.1 train+dev texts and the seed articles from ``../shared/``
(~850 articles). Every measurement runs in a fresh subprocess, so caches, models and peak
memory start from nothing each time; each figure is the median of ``--runs`` runs, and the
runs of the baseline and of ruextract are interleaved so that other load on the machine
hits them alike. Results go to ``bench-results/bench.json`` and a short table.

    .venv/bin/python benchmarks/bench.py            # the full benchmark (~10 min on 2 cores)
    .venv/bin/python benchmarks/bench.py --quick    # a small subset, one run each (~1 min)
    .venv/bin/python benchmarks/bench.py --tuning-only  # seconds per edit on the tuning batch
    .venv/bin/python benchmarks/bench.py --workers-only # 2 vs 1 workers on both batches
    .venv/bin/python benchmarks/bench.py --cases-only   # `rules cases`, batched vs one by one

The tuning batch (factRuEval-2016's devset and NEREL's dev split, ~220 real articles) is run
too: a full run, then ``--from-stage`` after each edit of RULE_EDITS (issue 14: ≥ 10× for a
relation-rule and an entity word-list edit).

`ruextract rules cases` on the phrasebook's dev part (``tests/phrasebook/dev.tsv``) is timed
both ways: its texts batched as a run batches documents (``cases.run_cases``, the command's
path) and one at a time (a batch of one each, as the command did before), each in a fresh
interpreter after the models load and one short document, the two interleaved; the figure is
the median of each round's own ratio, and both ways must find the same facts.

What is timed: everything after the imports — model load, reading the files, and the
work itself (for ruextract also normalising, extraction and writing Parquet). Cold start
is timed separately: import + model load + one short document, in a fresh interpreter.

The measured processes run with one BLAS thread each (``OPENBLAS_NUM_THREADS=1`` and
friends): numpy's OpenBLAS otherwise spins a thread per core in every process, which
buys a single process ~4% and makes two worker processes fight over two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEREL = SHARED / "datasets" / "NEREL-v1.1"
SEEDS = SHARED / "seeds"
FACTRU_DEV = SHARED / "datasets" / "factRuEval-2016" / "devset"
CASES = ROOT / "tests" / "phrasebook" / "dev.tsv"  # one-line cases, in the repository
RESULTS = ROOT / "bench-results" / "bench.json"

SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
COLD_TEXT = "Делегация из Китая посетила технопарк «Идея» в Казани 5 марта 2024 года."

TARGETS = {
    "one_worker_vs_baseline": 1.5,
    "two_workers_vs_one": 1.85,  # the large bench (issue 14)
    "two_workers_vs_one_tuning": 1.7,  # the tuning batch (issue 14)
    "worker_peak_rss_mb": 600,
    "ten_x_memory_growth": 0.10,
    "cold_start_seconds": 3.0,
    "from_stage_speedup": 10.0,
    "tuning_from_stage_speedup": 10.0,  # each of TUNING_HEADLINES, on the tuning batch
}


# The tuning loop (issues 4 and 14): an edit to the rules, then ``--from-stage`` on the full
# run's output. (name, stage re-run, rule file, text replaced, replacement); the first is the
# headline figure of the large corpus, TUNING_HEADLINES those of the tuning batch. Each
# starts from a copy of the full run's output.
RULE_EDITS = (
    ("entity rule edited", "entities", "entities.yaml", "priority: 5\n", "priority: 25\n"),
    # a word the list does not hold (a word it holds would be listed twice: invalid rules)
    ("entity word list edited", "entities", "words/event_nouns.txt", "форум\n",
     "форум\nколлоквиум\n"),
    ("entity word list, a held word removed", "entities", "words/event_nouns.txt", "форум\n",
     ""),
    ("no edit", "entities", None, "", ""),
    ("relation rule edited", "relations", "relations.yaml", "confidence: 0.9",
     "confidence: 0.55"),
    ("relation word list, a held word removed", "relations", "words/visit_triggers.txt",
     "посетить\n", ""),
    ("relation rule edited, from entities", "entities", "relations.yaml", "confidence: 0.9",
     "confidence: 0.55"),
)
# The tuning batch: ~220 real news articles, factRuEval-2016's devset and NEREL's dev split.
TUNING_HEADLINES = ("relation rule edited", "entity word list, a held word removed")


# -- measurements, each run in a fresh subprocess (``bench.py --child KIND ...``) ---------------

def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    """The largest peak resident memory among finished child processes (the workers), MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class NatashaBaseline:
    """Plain natasha doing ruextract's linguistic work one document at a time: segment,
    morphology, syntax, NER, lemmatise every token, normalise every span. The models are
    loaded as natasha's README does, not through ``ruextract.morph.Analyzer`` (which sets
    its own batch sizes): the baseline must not depend on the code it is compared with."""

    def __init__(self) -> None:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        embedding = NewsEmbedding()
        self.segmenter, self.morph_vocab = Segmenter(), MorphVocab()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)

    def analyse(self, text: str) -> None:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        for token in doc.tokens:
            token.lemmatize(self.morph_vocab)
        for span in doc.spans:
            span.normalize(self.morph_vocab)


def child_baseline(files: list[str]) -> dict:
    """The baseline over ``files``, timed from model load on."""
    started, cpu_started = time.perf_counter(), cpu_seconds()
    baseline = NatashaBaseline()
    documents = characters = 0
    for path in files:
        text = Path(path).read_text(encoding="utf-8")
        baseline.analyse(text)
        documents += 1
        characters += len(text)
    return {"seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu_started,
            "documents": documents, "characters": characters,
            "main_peak_rss_mb": peak_rss_mb(), "worker_peak_rss_mb": peak_rss_mb()}


def child_ruextract(files: list[str], workers: int, chunk_docs: int | None,
                    reruns: bool = True) -> dict:
    """``ruextract run`` with ``workers`` processes into a fresh output directory."""
    from ruextract import pipeline

    out = Path(tempfile.mkdtemp(prefix="ruextract-bench-"))
    try:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        options = {"chunk_docs": chunk_docs} if chunk_docs else {}
        summary = pipeline.run(files, out, workers=workers, force=True, **options)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds() - cpu_started
        parts = len(list((out / "documents").glob("*.parquet")))
        main_peak = peak_rss_mb()
        worker_peak = children_peak_rss_mb()
        from_stage = {name: time_rerun(out, workers, *edit) for name, *edit in RULE_EDITS
                      } if reruns else {}
    finally:
        shutil.rmtree(out, ignore_errors=True)
    headline = from_stage.get(RULE_EDITS[0][0], float("nan"))
    return {"seconds": seconds, "cpu_seconds": cpu, "documents": summary.processed,
            "characters": sum(len(Path(f).read_text(encoding="utf-8")) for f in files),
            "normalised_characters": summary.characters, "failed": summary.failed,
            "duplicates": summary.duplicates, "document_part_files": parts,
            "main_peak_rss_mb": main_peak,
            # one worker is the main process; with more, the largest worker's peak
            "worker_peak_rss_mb": main_peak if workers <= 1 else worker_peak,
            "from_stage_seconds": headline, "from_stage_speedup": seconds / headline,
            **{f"from_stage_seconds {name}": value for name, value in from_stage.items()},
            **{f"from_stage_speedup {name}": seconds / value
               for name, value in from_stage.items()}}


def time_rerun(out: Path, workers: int, stage: str, file: str | None, old: str,
               new: str) -> float:
    """Seconds of ``--from-stage STAGE`` (rules loaded and checked included) on a copy of
    ``out``, with the packaged rules edited: ``old`` replaced by ``new`` in ``file``."""
    from ruextract import rerun
    from ruextract.rules import default_rules_dir, load_rules

    scratch = Path(tempfile.mkdtemp(prefix="ruextract-bench-rerun-"))
    try:
        rules, copy = scratch / "rules", scratch / "out"
        shutil.copytree(default_rules_dir(), rules)
        shutil.copytree(out, copy)
        if file is not None:
            text = (rules / file).read_text(encoding="utf-8")
            if old not in text:
                raise RuntimeError(f"bench: the edit of {file} no longer applies: update "
                                   "RULE_EDITS in benchmarks/bench.py")
            (rules / file).write_text(text.replace(old, new, 1), encoding="utf-8")
        started = time.perf_counter()
        rerun.rerun(copy, stage, rules=load_rules(rules), workers=workers)
        return time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def child_cold(engine: str) -> dict:
    """Import + model load + one short document, from a fresh interpreter."""
    started = time.perf_counter()
    if engine == "baseline":
        NatashaBaseline().analyse(COLD_TEXT)
    else:
        from ruextract.doc import RawDoc
        from ruextract.pipeline import Pipeline

        nlp = Pipeline()
        nlp.process([nlp.normaliser.prepare(RawDoc("cold-start", COLD_TEXT, "utf-8", "txt"))])
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def child_cases(batched: bool) -> dict:
    """``run_cases`` on ``CASES``: its texts batched, or one at a time (a batch of one each,
    as ``rules cases`` did before); timed after the models load and one short document
    (what the first document loads lazily, ~1 CPU-s, is the same either way)."""
    import hashlib

    from ruextract.cases import facts_found, read_cases, run_cases
    from ruextract.doc import RawDoc
    from ruextract.pipeline import Pipeline
    from ruextract.rules import DEFAULT_MIN_CONFIDENCE

    cases = read_cases(CASES)
    pipeline = Pipeline()
    pipeline.process([pipeline.normaliser.prepare(RawDoc("warm-up", COLD_TEXT, "utf-8", "txt"))])
    started, cpu_started = time.perf_counter(), cpu_seconds()
    if batched:
        results = list(run_cases(pipeline, cases, DEFAULT_MIN_CONFIDENCE))
        found = {result.case.text: result.found for result in results}
    else:
        # each distinct text once, as before
        found = {text: facts_found(pipeline, [text], DEFAULT_MIN_CONFIDENCE)[text]
                 for text in dict.fromkeys(case.text for case in cases)}
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    # the two ways' facts, compared by the driver
    digest = hashlib.sha256(repr(sorted((text, sorted(facts)) for text, facts in found.items())
                                 ).encode()).hexdigest()
    return {"seconds": seconds, "cpu_seconds": cpu, "cases": len(cases), "texts": len(found),
            "facts_digest": digest}


def run_child(kind: str, *arguments: str) -> dict:
    """Run one measurement in a fresh interpreter; its last stdout line is the JSON result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *arguments]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, **SINGLE_THREADED}, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


# -- the corpus ---------------------------------------------------------------------------------

def tuning_files() -> list[Path]:
    """The tuning batch: factRuEval-2016's devset and NEREL v1.1's dev texts."""
    return sorted(FACTRU_DEV.glob("*.txt")) + sorted((NEREL / "dev").glob("*.txt"))


def corpus_files() -> list[Path]:
    files = [p for split in ("train", "dev") for p in sorted((NEREL / split).glob("*.txt"))]
    return files + sorted(SEEDS.glob("*.txt"))


def replicate(files: list[Path], times: int, directory: Path) -> list[Path]:
    """``times`` copies of every file, each with a marker line so its doc_id is new."""
    copies = []
    for copy in range(times):
        for path in files:
            target = directory / f"{copy:02d}-{path.parent.name}-{path.name}"
            text = path.read_text(encoding="utf-8").rstrip("\n")
            target.write_text(f"{text}\n\nКопия {copy + 1} из {times}.\n", encoding="utf-8")
            copies.append(target)
    return copies


# -- the driver ---------------------------------------------------------------------------------

def median_of(results: list[dict]) -> dict:
    keys = [k for k, v in results[0].items() if isinstance(v, int | float)]
    summary = {k: statistics.median(r[k] for r in results) for k in keys}
    summary["runs"] = len(results)
    summary["best_seconds"] = min(r["seconds"] for r in results)  # the least disturbed run
    summary["docs_per_second"] = summary["documents"] / summary["seconds"]
    summary["chars_per_second"] = summary["characters"] / summary["seconds"]
    summary["docs_per_cpu_second"] = summary["documents"] / summary["cpu_seconds"]
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 60-article subset, one run each")
    parser.add_argument("--runs", type=int, help="runs per figure (default 3, --quick 1)")
    parser.add_argument("--limit", type=int, help="use only the first LIMIT articles")
    parser.add_argument("--no-scale", action="store_true", help="skip the 10x memory run")
    parser.add_argument("--no-rerun", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tuning-only", action="store_true",
                        help="only the tuning batch (full run and --from-stage after each edit)")
    parser.add_argument("--workers-only", action="store_true",
                        help="only full runs with 1 and 2 workers, on both batches")
    parser.add_argument("--cases-only", action="store_true",
                        help="only `rules cases` on the phrasebook, batched vs one by one")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--chunk-docs", type=int,
                        help="ruextract's documents per part file (default: the pipeline's)")
    args = parser.parse_args()

    if args.child:
        files = args.files.read_text(encoding="utf-8").split("\n") if args.files else []
        if args.child == "baseline":
            result = child_baseline(files)
        elif args.child == "ruextract":
            result = child_ruextract(files, args.workers, args.chunk_docs, not args.no_rerun)
        elif args.child.startswith("cases-"):
            result = child_cases(args.child == "cases-batched")
        else:
            result = child_cold(args.child.removeprefix("cold-"))
        print(json.dumps(result))
        return 0

    files = corpus_files()
    if not files and not args.cases_only:
        print(f"bench: skipped — no corpus: neither {NEREL}/{{train,dev}}/*.txt "
              f"nor {SEEDS}/*.txt exists")
        return 0
    limit = args.limit or (60 if args.quick else None)
    files = files[:limit] if limit else files
    runs = args.runs or (1 if args.quick else 3)
    cores = os.cpu_count() or 1
    load_before = os.getloadavg()[0]
    print(f"bench: {0 if args.tuning_only or args.cases_only else len(files)} articles "
          f"(tuning batch: {0 if args.cases_only else len(tuning_files())}), {runs} run(s) per "
          f"figure, {cores} cores, "
          f"load average {load_before:.1f}", flush=True)
    if load_before > cores / 2:
        print("bench: warning — the machine is busy; wall-time figures will be low and noisy, "
              "the CPU-second figures less so", flush=True)

    chunking = ["--chunk-docs", str(args.chunk_docs)] if args.chunk_docs else []
    scratch = Path(tempfile.mkdtemp(prefix="ruextract-bench-inputs-"))
    try:
        file_list = scratch / "files.txt"
        file_list.write_text("\n".join(map(str, files)), encoding="utf-8")
        tuning_list = scratch / "tuning.txt"
        tuning = [] if args.cases_only else tuning_files()
        tuning_list.write_text("\n".join(map(str, tuning)), encoding="utf-8")
        measured: dict[str, list[dict]] = {"baseline": [], "workers_1": [], "workers_2": [],
                                           "cold_baseline": [], "cold_ruextract": [],
                                           "tuning_1": [], "tuning_2": [],
                                           "cases_one_by_one": [], "cases_batched": []}
        children = [("cold_baseline", "cold-baseline", []),
                    ("cold_ruextract", "cold-ruextract", []),
                    ("baseline", "baseline", []),
                    ("workers_1", "ruextract", ["--workers", "1"]),
                    ("workers_2", "ruextract", ["--workers", "2"]),
                    ("cases_one_by_one", "cases-one-by-one", []),
                    ("cases_batched", "cases-batched", [])]
        if args.tuning_only:
            children = []
        if args.cases_only:
            children = [child for child in children if child[0].startswith("cases")]
        if args.workers_only:  # full runs alone: no baseline, cold start or re-runs
            children = [(name, kind, [*extra, "--no-rerun"])
                        for name, kind, extra in children if name.startswith("workers")]
        if tuning:
            rerun = ["--no-rerun"] if args.workers_only else []
            children += [("tuning_1", "ruextract", ["--workers", "1", *rerun]),
                         ("tuning_2", "ruextract", ["--workers", "2", *rerun])]
        for run in range(runs):
            for name, kind, extra in children:
                listed = tuning_list if name.startswith("tuning") else file_list
                files_argument = ([] if kind.startswith(("cold", "cases"))
                                  else ["--files", str(listed)])
                result = run_child(kind, *files_argument, *extra, *chunking)
                measured[name].append(result)
                from_stage = (f"  (from-stage after '{RULE_EDITS[0][0]}' "
                              f"{result['from_stage_seconds']:.2f} s)"
                              if "from_stage_seconds" in result else "")
                print(f"  run {run + 1}/{runs} {name:15s} {result['seconds']:7.2f} s{from_stage}",
                      flush=True)

        scale = None
        if not (args.no_scale or args.tuning_only or args.workers_only or args.cases_only):
            ten_x = scratch / "ten_x"
            ten_x.mkdir()
            ten_x_list = scratch / "ten_x.txt"
            ten_x_list.write_text("\n".join(map(str, replicate(files, 10, ten_x))), "utf-8")
            result = run_child("ruextract", "--files", str(ten_x_list), "--workers", "2",
                               "--no-rerun",
                               *chunking)
            print(f"  10x corpus      workers_2       {result['seconds']:7.2f} s", flush=True)
            scale = {"workers": 2, "one_x": median_of(measured["workers_2"]),
                     "ten_x": median_of([result])}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    if args.workers_only:
        report = summarise_workers(measured, runs, cores, load_before)
    elif args.cases_only:
        report = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "cores": cores, "runs": runs,
                  "load_average_before": load_before, "load_average_after": os.getloadavg(),
                  "cases": summarise_cases(measured), "targets": TARGETS, "met": {}}
        report["figures"] = report["cases"]["figures"]
    elif args.tuning_only:
        report = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "cores": cores, "runs": runs,
                  "load_average_before": load_before, "load_average_after": os.getloadavg(),
                  "tuning": summarise_tuning(measured)}
        report["figures"], report["met"] = report["tuning"]["figures"], report["tuning"]["met"]
        report["targets"] = TARGETS
    else:
        report = summarise(measured, scale, files, runs, cores, load_before, args.chunk_docs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(report)
    print(f"\nresults: {args.out}")
    return 0


def summarise(measured: dict[str, list[dict]], scale: dict | None, files: list[Path],
              runs: int, cores: int, load_before: float, chunk_docs: int | None) -> dict:
    baseline = median_of(measured["baseline"])
    one, two = median_of(measured["workers_1"]), median_of(measured["workers_2"])
    cold = {engine: {"import_and_load_seconds": statistics.median(
                         r["seconds"] for r in measured[f"cold_{engine}"]),
                     "process_seconds": statistics.median(
                         r["process_seconds"] for r in measured[f"cold_{engine}"]),
                     "peak_rss_mb": statistics.median(
                         r["peak_rss_mb"] for r in measured[f"cold_{engine}"])}
            for engine in ("baseline", "ruextract")}
    figures = {
        "one_worker_vs_baseline": one["docs_per_second"] / baseline["docs_per_second"],
        "one_worker_vs_baseline_cpu": one["docs_per_cpu_second"]
        / baseline["docs_per_cpu_second"],
        "two_workers_vs_one": paired_ratio(measured["workers_1"], measured["workers_2"]),
        # fastest run of each: on a shared machine, the run least hit by other load
        "two_workers_vs_one_best_runs": one["best_seconds"] / two["best_seconds"],
        "worker_peak_rss_mb": max(one["worker_peak_rss_mb"], two["worker_peak_rss_mb"]),
        "cold_start_seconds": cold["ruextract"]["import_and_load_seconds"],
        # the full run over `--from-stage` on its output after the first of RULE_EDITS,
        # both with two workers (the CLI's default on two cores), as the median of each
        # run's own ratio (the pair shares that moment's load); the others are reported too
        "from_stage_speedup": two["from_stage_speedup"],
        "from_stage_speedup_1_worker": one["from_stage_speedup"],
    }
    if scale:
        for role in ("main_peak_rss_mb", "worker_peak_rss_mb"):
            figures[f"ten_x_growth_{role}"] = (scale["ten_x"][role] / scale["one_x"][role]) - 1
        figures["ten_x_memory_growth"] = max(figures["ten_x_growth_main_peak_rss_mb"],
                                             figures["ten_x_growth_worker_peak_rss_mb"])
    tuning = summarise_tuning(measured)
    if tuning:
        figures.update(tuning["figures"])
    cases = summarise_cases(measured)
    if cases:
        figures.update(cases["figures"])
    verdicts = dict(tuning["met"]) if tuning else {}
    for name, target in TARGETS.items():
        if name not in figures:
            continue
        value = figures[name]
        lower_is_better = name in ("worker_peak_rss_mb", "ten_x_memory_growth",
                                   "cold_start_seconds")
        verdicts[name] = value <= target if lower_is_better else value >= target
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"), "host": platform.node(), "cores": cores,
        "python": platform.python_version(), "load_average_after": os.getloadavg(),
        "environment": SINGLE_THREADED, "articles": len(files), "runs": runs,
        "load_average_before": load_before, "chunk_docs": chunk_docs,
        "characters": baseline["characters"],
        "baseline": baseline, "workers_1": one, "workers_2": two, "cold_start": cold,
        "scale": scale, "tuning": tuning, "cases": cases, "figures": figures, "targets": TARGETS,
        "met": verdicts,
    }


def paired_ratio(one: list[dict], two: list[dict]) -> float:
    """``one``'s seconds over ``two``'s (1-worker over 2-worker), the median of each run's own
    pair (the two ran one after the other, under the same load)."""
    return statistics.median(a["seconds"] / b["seconds"] for a, b in zip(one, two, strict=True))


def summarise_workers(measured: dict[str, list[dict]], runs: int, cores: int,
                      load_before: float) -> dict:
    """``--workers-only``: 2 vs 1 workers on the large bench and on the tuning batch."""
    figures = {"two_workers_vs_one": paired_ratio(measured["workers_1"], measured["workers_2"])}
    batches = {"large": ("workers_1", "workers_2")}
    if measured["tuning_1"]:
        figures["two_workers_vs_one_tuning"] = paired_ratio(measured["tuning_1"],
                                                            measured["tuning_2"])
        batches["tuning"] = ("tuning_1", "tuning_2")
    runs_of = {batch: {1: median_of(measured[one]), 2: median_of(measured[two])}
               for batch, (one, two) in batches.items()}
    return {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "host": platform.node(),
            "cores": cores, "runs": runs, "load_average_before": load_before,
            "load_average_after": os.getloadavg(), "workers": runs_of, "figures": figures,
            "targets": TARGETS, "met": {name: value >= TARGETS[name]
                                        for name, value in figures.items()}}


def summarise_cases(measured: dict[str, list[dict]]) -> dict | None:
    """``rules cases`` on the phrasebook, one text at a time and batched: median seconds and
    CPU-seconds of each, and the median of each round's own ratio (the pair ran one after the
    other). Both ways must have found the same facts."""
    one, batched = measured.get("cases_one_by_one"), measured.get("cases_batched")
    if not one:
        return None
    digests = {r["facts_digest"] for r in one + batched}
    if len(digests) != 1:
        raise RuntimeError("bench: `rules cases` found other facts batched than one by one")
    medians = {name: {key: statistics.median(r[key] for r in runs)
                      for key in ("seconds", "cpu_seconds")} | {"runs": len(runs)}
               for name, runs in (("one_by_one", one), ("batched", batched))}
    figures = {"cases_batched_vs_one_by_one": paired_ratio(one, batched),
               "cases_batched_vs_one_by_one_cpu": statistics.median(
                   a["cpu_seconds"] / b["cpu_seconds"] for a, b in zip(one, batched, strict=True))}
    return {"file": str(CASES.relative_to(ROOT)), "cases": one[0]["cases"],
            "texts": one[0]["texts"], **medians, "figures": figures}


def summarise_tuning(measured: dict[str, list[dict]]) -> dict | None:
    """The tuning batch: full run over ``--from-stage`` after each edit, 1 and 2 workers
    (medians of each run's own ratio)."""
    if not measured.get("tuning_1"):
        return None
    one, two = median_of(measured["tuning_1"]), median_of(measured["tuning_2"])
    figures, met = {}, {}
    figures["two_workers_vs_one_tuning"] = paired_ratio(measured["tuning_1"],
                                                        measured["tuning_2"])
    met["two_workers_vs_one_tuning"] = (figures["two_workers_vs_one_tuning"]
                                        >= TARGETS["two_workers_vs_one_tuning"])
    for name in TUNING_HEADLINES:
        for workers, result in ((2, two), (1, one)):
            figure = f"tuning: {name}, {workers} worker{'s' if workers > 1 else ''}"
            figures[figure] = result[f"from_stage_speedup {name}"]
            met[figure] = figures[figure] >= TARGETS["tuning_from_stage_speedup"]
    return {"articles": one["documents"], "workers_1": one, "workers_2": two,
            "figures": figures, "met": met}


def print_from_stage_table(title: str, runs: dict, width: int) -> None:
    """Full run against ``--from-stage`` after each rule edit, for 1 and 2 workers."""
    print(f"\n{title:{width}s} {'workers':>7s} {'full run s':>10s} {'from-stage s':>12s} "
          f"{'ratio':>7s}")
    for name, stage, *_ in RULE_EDITS:
        for workers, key in ((1, "workers_1"), (2, "workers_2")):
            r = runs[key]
            print(f"{name + ' (' + stage + ')':{width}s} {workers:7d} {r['seconds']:10.2f} "
                  f"{r['from_stage_seconds ' + name]:12.2f} "
                  f"{r['from_stage_speedup ' + name]:7.1f}")


def print_tuning_table(tuning: dict) -> None:
    print_from_stage_table(f"tuning batch ({tuning['articles']:.0f} articles): --from-stage "
                           "after", tuning, 52)


def print_cases_table(cases: dict) -> None:
    print(f"\n`rules cases` {cases['file']} ({cases['cases']} cases, {cases['texts']} texts), "
          "after the models and one document:")
    print(f"{'':22s} {'seconds':>8s} {'cpu-s':>8s}")
    for name in ("one_by_one", "batched"):
        r = cases[name]
        print(f"{name.replace('_', ' '):22s} {r['seconds']:8.2f} {r['cpu_seconds']:8.2f}")


def print_figures(report: dict) -> None:
    print(f"\n{'figure':58s} {'value':>9s} {'target':>9s}")
    for name, value in report["figures"].items():
        target = report["targets"].get(name)
        if name.startswith("tuning"):
            target = report["targets"]["tuning_from_stage_speedup"]
        met = report["met"].get(name)
        mark = "" if met is None else ("  ok" if met else "  MISSED")
        target_text = f"{target:9.2f}" if target is not None else " " * 9
        print(f"{name:58s} {value:9.2f} {target_text}{mark}")


def print_workers_table(report: dict) -> None:
    print(f"\n{'batch':8s} {'articles':>8s} {'workers':>7s} {'seconds':>8s} {'cpu-s':>8s}")
    for batch, by_workers in report["workers"].items():
        for workers, r in by_workers.items():
            print(f"{batch:8s} {r['documents']:8.0f} {workers:7d} {r['seconds']:8.2f} "
                  f"{r['cpu_seconds']:8.2f}")


def print_table(report: dict) -> None:
    if "workers" in report:
        print_workers_table(report)
        print_figures(report)
        return
    if "baseline" not in report:
        if report.get("tuning"):
            print_tuning_table(report["tuning"])
        if report.get("cases"):
            print_cases_table(report["cases"])
        print_figures(report)
        return
    rows = [("baseline (natasha)", report["baseline"]), ("ruextract, 1 worker",
            report["workers_1"]), ("ruextract, 2 workers", report["workers_2"])]
    print(f"\n{'':22s} {'docs/s':>8s} {'chars/s':>9s} {'docs/cpu-s':>10s} "
          f"{'main MB':>8s} {'worker MB':>9s}")
    for name, r in rows:
        print(f"{name:22s} {r['docs_per_second']:8.2f} {r['chars_per_second']:9.0f} "
              f"{r['docs_per_cpu_second']:10.2f} {r['main_peak_rss_mb']:8.0f} "
              f"{r['worker_peak_rss_mb']:9.0f}")
    scale = report["scale"]
    if scale:
        ten = scale["ten_x"]
        print(f"{'ruextract, 2w, 10x':22s} {ten['docs_per_second']:8.2f} "
              f"{ten['chars_per_second']:9.0f} {ten['docs_per_cpu_second']:10.2f} "
              f"{ten['main_peak_rss_mb']:8.0f} {ten['worker_peak_rss_mb']:9.0f}")
    print_from_stage_table("--from-stage after", report, 46)
    cold = report["cold_start"]
    print(f"\ncold start (import + load + 1 doc): ruextract "
          f"{cold['ruextract']['import_and_load_seconds']:.2f} s "
          f"(whole process {cold['ruextract']['process_seconds']:.2f} s), natasha "
          f"{cold['baseline']['import_and_load_seconds']:.2f} s")
    if report.get("tuning"):
        print_tuning_table(report["tuning"])
    if report.get("cases"):
        print_cases_table(report["cases"])
    print_figures(report)


if __name__ == "__main__":
    sys.exit(main())
