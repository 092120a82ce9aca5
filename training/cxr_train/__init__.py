"""CXR Review training worker: import box datasets, train YOLO11, export ONNX, evaluate, register."""

__version__ = "0.1.0"
