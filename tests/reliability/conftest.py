"""Figures: reliability tests record what they measured; scripts/reliability_report.py
collects them into docs/reliability.md."""
import json
import os
from pathlib import Path

import pytest


@pytest.fixture
def figures(request):
    """figures(name=value, ...) records measurements of this test."""
    directory = os.environ.get("LLW_FIGURES_DIR")
    recorded = {}

    def record(**values):
        recorded.update(values)

    yield record
    if directory and recorded:
        path = Path(directory) / f"{request.node.name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"test": request.node.nodeid, "doc": (
            request.node.function.__doc__ or "").strip(), "figures": recorded},
            ensure_ascii=False, indent=1))
