"""CPU seconds of accord ingest (workers=1) or of plain spaCy ``nlp.pipe`` over the same JSONL articles.

    python benchmarks/cpu_ratio.py accord slice.jsonl
    python benchmarks/cpu_ratio.py spacy slice.jsonl

CPU time (``time.process_time``) is steadier than wall time on a shared machine; run each in its own
process and divide. ``benchmarks/bench_ingest.py`` is the full wall-clock benchmark.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    which, path = sys.argv[1], sys.argv[2]
    if which == "spacy":
        import spacy

        from accord.nlp import MODEL_NAMES

        nlp = next(spacy.load(n) for n in MODEL_NAMES if spacy.util.is_package(n))
        texts = [json.loads(line).get("text") or "" for line in open(path, encoding="utf-8")]
        c0 = time.process_time()
        for _ in nlp.pipe(texts):
            pass
    else:
        from accord.ingest import ingest

        c0 = time.process_time()
        with tempfile.TemporaryDirectory() as tmp:
            ingest([path], Path(tmp) / "b.duckdb", workers=1)
    print(f"{which} cpu {time.process_time() - c0:.1f} s, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
