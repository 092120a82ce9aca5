"""Golden values for preprocess.test.ts: Ultralytics LetterBox(auto=False, scaleup=True, center=True) on
deterministic grey images, resized with cv2.INTER_LINEAR. Writes letterbox-golden.json (FNV-1a hashes, not pixels).

Run: python3 make-letterbox-golden.py   (needs numpy and opencv-python-headless)
"""
import json
from pathlib import Path

import cv2
import numpy as np

CASES = [  # (src w, src h, input w, input h)
    (48, 32, 32, 32), (16, 16, 32, 32), (7, 5, 13, 9), (100, 80, 32, 32), (64, 64, 32, 32), (31, 17, 32, 32),
    (37, 53, 61, 29), (300, 200, 128, 128), (9, 700, 64, 64), (2048, 2500, 640, 640), (1, 1, 32, 32),
    (640, 640, 640, 640), (5, 3, 640, 512), (1280, 1280, 640, 640),
]


def lcg_image(seed: int, w: int, h: int) -> np.ndarray:
    # x = (1103515245 x + 12345) mod 2^31, byte = (x >> 16) & 255; mirrored in the TS test
    out = np.empty(w * h, dtype=np.uint8)
    x = seed
    for i in range(w * h):
        x = (1103515245 * x + 12345) % (1 << 31)
        out[i] = (x >> 16) & 255
    return out.reshape(h, w)


def letterbox(img: np.ndarray, new_shape: tuple[int, int]):
    # Ultralytics LetterBox.__call__ with auto=False, scale_fill=False, scaleup=True, center=True
    shape = img.shape[:2]
    r = min(new_shape[0] / shape[0], new_shape[1] / shape[1])
    new_unpad = int(round(shape[1] * r)), int(round(shape[0] * r))
    dw, dh = (new_shape[1] - new_unpad[0]) / 2, (new_shape[0] - new_unpad[1]) / 2
    if shape[::-1] != new_unpad:
        img = cv2.resize(img, new_unpad, interpolation=cv2.INTER_LINEAR)
    top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
    left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
    img = cv2.copyMakeBorder(img, top, bottom, left, right, cv2.BORDER_CONSTANT, value=114)
    return img, r, left, top, new_unpad


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


if __name__ == "__main__":
    rows = []
    for i, (sw, sh, iw, ih) in enumerate(CASES):
        out, r, left, top, (nw, nh) = letterbox(lcg_image(i + 1, sw, sh), (ih, iw))
        assert out.shape == (ih, iw), out.shape
        rows.append(dict(seed=i + 1, srcWidth=sw, srcHeight=sh, inputWidth=iw, inputHeight=ih, scale=r,
                         padX=left, padY=top, newWidth=nw, newHeight=nh, fnv1a=fnv1a(out.tobytes())))
    path = Path(__file__).resolve().parent / "letterbox-golden.json"
    path.write_text(json.dumps({"opencv": cv2.__version__, "cases": rows}, indent=1) + "\n")
    print("wrote", path)
