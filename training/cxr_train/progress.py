"""Progress output: one JSON object per line on stdout with --progress-json (for the app's job runner),
human-readable lines on stderr otherwise. Logs never go to stdout in JSON mode."""

from __future__ import annotations

import json
import math
import sys
import time

_json_mode = False


def set_json(enabled: bool) -> None:
    global _json_mode
    _json_mode = enabled


def json_mode() -> bool:
    return _json_mode


def _clean(v):
    if isinstance(v, dict):
        return {str(k): _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    if hasattr(v, "item"):  # numpy / torch scalars
        v = v.item()
    if isinstance(v, float):
        return None if math.isnan(v) or math.isinf(v) else round(v, 6)
    return v


def emit(stage: str, message: str = "", **fields) -> None:
    """{"stage": ..., **fields, "time": unix seconds} in JSON mode; "[stage] message" on stderr otherwise."""
    if _json_mode:
        record = {"stage": stage, **_clean(fields), "time": round(time.time(), 3)}
        if message:
            record["message"] = message
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()
    elif message:
        print(f"[{stage}] {message}", file=sys.stderr, flush=True)


class Counter:
    """Human progress bar (tqdm on stderr) or throttled JSON lines {"stage", "done", "total"}."""

    def __init__(self, stage: str, total: int, every: int = 0):
        self.stage, self.total, self.every = stage, total, every or max(1, total // 20)
        self.bar = None
        if not _json_mode:
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=stage, file=sys.stderr, leave=True)

    def __call__(self, done: int, total: int | None = None) -> None:
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
            if done >= self.total:
                self.bar.close()
        elif done % self.every == 0 or done >= self.total:
            emit(self.stage, done=done, total=self.total)
