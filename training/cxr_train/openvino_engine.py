"""The same ONNX on OpenVINO's CPU plugin, with its inference precision stated.

OpenVINO picks bf16 by default on CPUs with bf16 support (AVX512_BF16 or AMX): faster, and the outputs differ
slightly from fp32 (box coordinates by a few pixels, scores in the second or third decimal). `precision` "f32"
keeps fp32; None leaves OpenVINO's default. `precision_of` reports what the compiled model really uses.
"""

from __future__ import annotations

from pathlib import Path

PRECISIONS = ("f32", "bf16", "f16")


def compile_model(path: Path, precision: str | None = None, threads: int = 0, hint: str = "LATENCY"):
    import openvino as ov

    if precision is not None and precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
    config: dict = {"PERFORMANCE_HINT": hint}
    if precision:
        config["INFERENCE_PRECISION_HINT"] = precision
    if threads:
        config["INFERENCE_NUM_THREADS"] = int(threads)
    return ov.Core().compile_model(str(path), "CPU", config)


def precision_of(compiled) -> str:
    """"bf16" | "f32" | "f16" — the precision the compiled model computes in."""
    t = str(compiled.get_property("INFERENCE_PRECISION_HINT")).lower()
    for name, key in (("bf16", "bfloat16"), ("f16", "float16"), ("f32", "float32")):
        if key in t or t.endswith(name):
            return name
    return t


def version() -> str:
    import openvino as ov

    return ov.__version__.split("-")[0]
