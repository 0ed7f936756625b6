"""JSON writer: the document model as JSON, validated by the JSON Schema."""
from __future__ import annotations

import json

from ..model import Document, to_dict


def render(doc: Document) -> bytes:
    return (json.dumps(to_dict(doc), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
