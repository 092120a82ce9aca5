"""Reads config.pbtxt files and prints each as JSON, parsed with Triton's own model_config.proto (from tritonclient):
an unknown field, a wrong enum or a malformed value is an error, as it would be for tritonserver.
usage: parse-triton-config.py FILE... -> one JSON object per line"""
import json
import sys

from google.protobuf import json_format, text_format
from tritonclient.grpc import model_config_pb2

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        config = text_format.Parse(f.read(), model_config_pb2.ModelConfig())
    print(json.dumps(json_format.MessageToDict(config)))
