"""Translation throughput on 1,000 catalogue segments with a model of real Argos size.

    .venv/bin/python bench/translate.py

The model (6+6 layers, d_model 512, 8 heads, FFN 2048, a 16k vocabulary, int8) is built by
onboard.devtools.argos_model: its weights copy the source, so every output is as long as its input, as a real
model's is (checked below). Printed, all measured in this run:
  - our pipeline (Engine.translate) against raw CTranslate2 translate_batch on the same segments  (goal >= 0.9)
  - against argostranslate's translate() called per field                                           (goal >= 3x)
    (its default sentence splitter downloads a model at run time; here it is given a no-download one)
  - a second run of the translation job on the unchanged catalogue against the first              (goal >= 100x)
  - peak memory
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="onboard-bench-"))
for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = str(HOME / variable.lower())

from onboard.core.catalogue_store import load_listings  # noqa: E402
from onboard.core.importing import run_import  # noqa: E402
from onboard.core.project import Project  # noqa: E402
from onboard.core.seller import SellerProfile  # noqa: E402
from onboard.core.translation import packs  # noqa: E402
from onboard.core.translation.engine import Engine  # noqa: E402
from onboard.core.translation.job import listing_fields, run_translate  # noqa: E402
from onboard.core.translation.segments import split_sentences  # noqa: E402
from onboard.devtools.argos_model import build_package  # noqa: E402

SAMPLES = Path(str(files("onboard.data").joinpath("samples")))
SAMPLE = SAMPLES / "catalogue_en.csv"
SEGMENTS = 1000


def catalogue_segments(count: int) -> list[str]:
    """1,000 different sentences and short fields of the sample catalogues (English first, then Chinese)."""
    segments: list[str] = []
    for name in ("catalogue_en.csv", "catalogue_zh.csv"):
        project_path = HOME / f"segments-{name}.onboard"
        Project.create(project_path, SellerProfile(name="Bench", origin="CN", currency="CNY", markets=("DE",))).close()
        with Project.open(project_path) as project:
            run_import(project, SAMPLES / name)
            fields = [text for item in load_listings(project) for text in listing_fields(item).values()]
        segments += [s.strip() for text in fields for s in split_sentences(text)[0::2] if s.strip()]
    return list(dict.fromkeys(segments))[:count]


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main() -> None:
    corpus = SAMPLE.read_text(encoding="utf-8").splitlines()
    print("building a 6+6 layer, d_model 512 model ...", file=sys.stderr)
    archive = build_package(HOME / "build", "en", "de", corpus, vocab_size=2000, model_vocabulary=16000,
                            layers=6, d_model=512, heads=8, ffn=2048)  # fmt: skip
    packs.install([archive])
    segments = catalogue_segments(SEGMENTS)
    engine = Engine()
    package = engine._packages[("en", "de")]
    translator = engine._translator(("en", "de"))
    tokens = [package.tokenizer.encode(segment) for segment in segments]

    options = {"beam_size": 4, "max_batch_size": 8192, "batch_type": "tokens", "replace_unknowns": True,
               "length_penalty": 0.2}  # fmt: skip
    raw_times, our_times = [], []
    for _round in range(2):  # alternate, and keep the best of each, so background load hits both alike
        raw_time, raw = timed(lambda: translator.translate_batch(tokens, **options))
        ours_time, ours = timed(lambda: engine.translate(segments, "en", "de"))
        raw_times.append(raw_time)
        our_times.append(ours_time)
    raw_time, ours_time = min(raw_times), min(our_times)
    same_length = sum(len(r.hypotheses[0]) == len(t) for r, t in zip(raw, tokens, strict=True))
    identical = sum(a == b for a, b in zip(ours, segments, strict=True))
    print(
        f"{len(segments)} segments, {sum(map(len, tokens))} tokens; output as long as input: "
        f"{same_length}/{len(segments)}; identical to the input text: {identical}"
    )
    print(
        f"raw CTranslate2 translate_batch: {raw_time:.2f} s; our pipeline: {ours_time:.2f} s; "
        f"throughput ratio {raw_time / ours_time:.2f} (goal >= 0.9)"
    )

    import argostranslate.sbd
    import argostranslate.translate as argos

    class NoDownloadSentencizer(argostranslate.sbd.ISentenceBoundaryDetectionModel):
        def __init__(self, pkg):
            pass

        def split_sentences(self, text: str) -> list[str]:
            return [s for s in split_sentences(text)[0::2] if s.strip()]

    argostranslate.sbd.MiniSBDSentencizer = NoDownloadSentencizer
    argos.MiniSBDSentencizer = NoDownloadSentencizer
    translation = argos.get_translation_from_codes("en", "de")
    sample = segments[:200]
    argos_time, _ = timed(lambda: [translation.translate(segment) for segment in sample])
    argos_time *= len(segments) / len(sample)
    print(
        f"argostranslate translate() per field (measured on {len(sample)}, scaled): {argos_time:.2f} s; "
        f"ours is {argos_time / ours_time:.1f}x faster (goal >= 3x)"
    )

    project_path = HOME / "job.onboard"
    Project.create(project_path, SellerProfile(name="Bench", origin="CN", currency="CNY", markets=("DE",))).close()
    with Project.open(project_path) as project:
        run_import(project, SAMPLE)
        first, _ = timed(lambda: run_translate(project, ["de"], lambda: engine))
        second, result = timed(lambda: run_translate(project, ["de"], lambda: engine))
    print(
        f"translation job on the sample catalogue: first run {first:.2f} s, second run {second * 1000:.1f} ms "
        f"({result.count('machine')} texts sent to the model); {first / second:.0f}x faster (goal >= 100x)"
    )
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
