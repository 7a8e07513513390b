"""Benchmark: ``accord ingest`` words/second against spaCy's plain full pipeline, on the same texts.

    .venv/bin/python benchmarks/bench_ingest.py [--n 3000] [--workers 1,2] [--no-write]

Reads the first ``--n`` articles of the Reuters-21578 corpus (``../shared/corpora/reuters21578.jsonl.gz``,
never copied into the repo; a temporary JSONL copy of the slice lives in a temp directory for the run) and
measures, each in a fresh Python process so that memory and caches do not leak from one to the next:

* **spacy**: ``nlp.pipe(texts)`` with the model :func:`accord.nlp.load_model` uses, loaded by
  ``spacy.load`` with all its default components (model loading not timed);
* **spacy, numpy BLAS** (``--also-spacy-numpy-blas``): the same, its matrix products moved to numpy's BLAS on
  one thread as accord moves its own (:func:`accord.nlp.numpy_blas`), so the part of accord's lead that
  is only the BLAS can be read off;
* **ingest, workers=N**: :func:`accord.ingest.ingest` of the slice into a fresh temporary DuckDB file —
  clean, prefilter, NLP, code, enrich, dedup, store — timed end to end, model loading included.

Words are the whitespace-split words of the input texts, the same count for every row. Peak RSS is
``ru_maxrss`` of the measuring process; for a pool, the largest peak of any worker process, sampled with
psutil every 50 ms. The machine's load average is recorded before each run: numbers taken while another
job holds a core are slower than the machine can do. Appends a section to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def read_slice(corpus: Path, n: int) -> list[dict]:
    """The first ``n`` JSON objects of the gzip JSONL corpus."""
    out = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if len(out) >= n:
                    break
    return out


def count_words(rows: list[dict]) -> int:
    return sum(len(str(r.get("text") or "").split()) for r in rows)


# --------------------------------------------------------------------------------- one measurement each


def _rss_max_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure_spacy(path: Path, numpy_blas: bool = False) -> dict:
    """Plain spaCy: the same model with every default component, ``nlp.pipe`` over the texts."""
    import spacy

    from accord.nlp import MODEL_NAMES
    from accord.nlp import numpy_blas as use_numpy_blas

    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    t0 = time.perf_counter()
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if numpy_blas:
        use_numpy_blas(nlp)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_docs = sum(1 for _ in nlp.pipe(texts))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "load_seconds": load, "docs": n_docs, "rss_mb": _rss_max_mb(),
            "components": nlp.pipe_names, "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"}


class _ChildSampler(threading.Thread):
    """Peak RSS of every descendant process (pool workers), sampled every 50 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.wait(0.05):
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), rss)


def measure_ingest(path: Path, workers: int, prefilter: bool) -> dict:
    """``accord.ingest.ingest`` into a fresh DuckDB file; the model is loaded inside the timed call."""
    from accord.ingest import ingest
    from accord.pipeline import Config

    sampler = _ChildSampler()
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        report = ingest([str(path)], db, workers=workers, config=Config(prefilter=prefilter))
        seconds = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    worker_peaks = sorted(sampler.peaks.values(), reverse=True)
    # the forkserver itself is a small descendant too; the workers are the largest ones
    worker_rss = worker_peaks[0] if workers > 1 and worker_peaks else _rss_max_mb()
    return {"seconds": seconds, "stored": report.stored, "events": report.events, "rejects": report.rejects,
            "duplicates": report.duplicates, "rss_mb": worker_rss, "parent_rss_mb": _rss_max_mb()}


def run_child(kind: str, path: Path, workers: int = 1, prefilter: bool = True) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON answer."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--slice", str(path),
           "--workers", str(workers)] + ([] if prefilter else ["--no-prefilter"])
    load = os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"{kind} run failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load_before"] = load
    return out


# --------------------------------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        import psutil

        mem = f", {psutil.virtual_memory().total / 2**30:.0f} GB RAM"
    except ImportError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs{mem}, Python {platform.python_version()}, {platform.system()} {platform.machine()}"


def table(words: int, n: int, spacy_run: dict, runs: list[tuple[int, bool, dict]],
          spacy_numpy: dict | None = None) -> list[str]:
    base = words / spacy_run["seconds"]
    w1 = next((words / r["seconds"] for w, p, r in runs if w == 1 and p), None)
    lines = [
        "| run | seconds | words/s | × spaCy | × workers=1 | peak RSS / worker (MB) | events | load avg before |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        f"| spaCy `nlp.pipe`, all components (model load not timed) | {spacy_run['seconds']:.1f} | {base:,.0f} | "
        f"1.00 | | {spacy_run['rss_mb']:,.0f} | | {spacy_run['load_before']:.2f} |",
    ]
    if spacy_numpy is not None:
        rate = words / spacy_numpy["seconds"]
        lines.append(f"| spaCy `nlp.pipe`, all components, numpy BLAS on one thread (as accord) | "
                     f"{spacy_numpy['seconds']:.1f} | {rate:,.0f} | {rate / base:.2f} | | {spacy_numpy['rss_mb']:,.0f} | | "
                     f"{spacy_numpy['load_before']:.2f} |")
    for w, p, r in runs:
        rate = words / r["seconds"]
        vs1 = f"{rate / w1:.2f}" if w1 and w > 1 and p else ""
        label = f"accord ingest, workers={w}" + ("" if p else ", prefilter off")
        lines.append(f"| {label} (model load timed) | {r['seconds']:.1f} | {rate:,.0f} | {rate / base:.2f} | {vs1} | "
                     f"{r['rss_mb']:,.0f} | {r['events']:,} | {r['load_before']:.2f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=3000, help="articles from the start of the corpus (default 3000)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts for ingest (default 1,2)")
    ap.add_argument("--also-no-prefilter", action="store_true", help="also time ingest workers=1 with the prefilter off")
    ap.add_argument("--also-spacy-numpy-blas", action="store_true",
                    help="also time spaCy with its matrix products on numpy's BLAS, one thread (as accord runs them)")
    ap.add_argument("--no-write", action="store_true", help=f"print only; do not append to {RESULTS.name}")
    ap.add_argument("--child", choices=["spacy", "spacy-numpy", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--slice", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--no-prefilter", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:  # one measurement, in its own interpreter
        if args.child in ("spacy", "spacy-numpy"):
            out = measure_spacy(args.slice, numpy_blas=args.child == "spacy-numpy")
        else:
            out = measure_ingest(args.slice, int(args.workers), not args.no_prefilter)
        print(json.dumps(out))
        return 0

    if not args.corpus.is_file():
        sys.exit(f"corpus not found: {args.corpus}")
    rows = read_slice(args.corpus, args.n)
    words = count_words(rows)
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    print(f"{len(rows):,} articles, {words:,} words; load average {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        path = Path(tmp) / "slice.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        spacy_run = run_child("spacy", path)
        print(f"spaCy nlp.pipe: {spacy_run['seconds']:.1f} s, {words / spacy_run['seconds']:,.0f} words/s, "
              f"{spacy_run['rss_mb']:,.0f} MB", flush=True)
        spacy_numpy = run_child("spacy-numpy", path) if args.also_spacy_numpy_blas else None
        if spacy_numpy is not None:
            print(f"spaCy nlp.pipe, numpy BLAS: {spacy_numpy['seconds']:.1f} s, "
                  f"{words / spacy_numpy['seconds']:,.0f} words/s", flush=True)
        runs: list[tuple[int, bool, dict]] = []
        plan = [(w, True) for w in workers] + ([(1, False)] if args.also_no_prefilter else [])
        for w, pre in plan:
            r = run_child("ingest", path, w, pre)
            runs.append((w, pre, r))
            print(f"ingest workers={w}{'' if pre else ' (prefilter off)'}: {r['seconds']:.1f} s, "
                  f"{words / r['seconds']:,.0f} words/s, {r['rss_mb']:,.0f} MB/worker, {r['events']:,} events, "
                  f"{r['stored']:,} stored, {r['duplicates']:,} duplicates, {r['rejects']:,} rejects", flush=True)
    lines = table(words, len(rows), spacy_run, runs, spacy_numpy)
    print("\n".join(lines))
    if not args.no_write:
        command = ".venv/bin/python benchmarks/bench_ingest.py " + " ".join(argv if argv is not None else sys.argv[1:])
        section = [
            "", f"## accord ingest vs spaCy nlp.pipe, first {len(rows):,} Reuters-21578 articles "
            f"({datetime.now():%Y-%m-%d %H:%M})", "",
            f"`{command.strip()}` — {machine()}; model {spacy_run['model']} "
            f"({', '.join(spacy_run['components'])}); {len(rows):,} articles, {words:,} words "
            "(whitespace-split input text, the same count for every row)", "",
            *lines, "",
            "Each row runs in a fresh process. spaCy's time excludes loading the model "
            f"({spacy_run['load_seconds']:.1f} s); ingest's includes it (and starting the pool), plus "
            "cleaning, language id, the candidate-sentence prefilter, coding, enrichment, dedup and the DuckDB "
            "writes. Peak RSS: the measuring process for spaCy and workers=1 (which also holds the writer), the "
            "largest pool worker otherwise.",
        ]
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n".join(section) + "\n")
        print(f"appended to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
