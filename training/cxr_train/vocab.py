"""The app's finding vocabulary (VinDr-CXR's 14 box classes) and the mapping from public datasets' names."""

from __future__ import annotations

VOCAB: tuple[str, ...] = (
    "Aortic enlargement", "Atelectasis", "Calcification", "Cardiomegaly", "Consolidation", "ILD",
    "Infiltration", "Lung Opacity", "Nodule/Mass", "Other lesion", "Pleural effusion", "Pleural thickening",
    "Pneumothorax", "Pulmonary fibrosis",
)

# "No finding" is a study impression, not a box: importers keep such images as negatives.
NO_FINDING = "no finding"

# Lower-cased source name -> app name. Names that are neither here nor in VOCAB are kept as they are.
ALIASES: dict[str, str] = {
    "mass": "Nodule/Mass",
    "nodule": "Nodule/Mass",
    "nodule/mass": "Nodule/Mass",
    "nodule mass": "Nodule/Mass",
    "effusion": "Pleural effusion",
    "pleural effusion": "Pleural effusion",
    "infiltrate": "Infiltration",
    "infiltration": "Infiltration",
    "fibrosis": "Pulmonary fibrosis",
    "pulmonary fibrosis": "Pulmonary fibrosis",
    "lung opacity": "Lung Opacity",
    "ild": "ILD",
}
_BY_LOWER = {v.lower(): v for v in VOCAB}


def map_class(name: str) -> str | None:
    """Source class name -> app class name; None for "No finding"; unknown names are kept (trimmed)."""
    key = " ".join(str(name).strip().split())
    low = key.lower()
    if low == NO_FINDING:
        return None
    return ALIASES.get(low) or _BY_LOWER.get(low) or key


def order_classes(names: set[str] | list[str]) -> list[str]:
    """Vocabulary order first, then unknown names alphabetically: a stable class index for data.yaml."""
    names = set(names)
    known = [v for v in VOCAB if v in names]
    return known + sorted(names - set(known))
