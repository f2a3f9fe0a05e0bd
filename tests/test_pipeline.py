from __future__ import annotations

import pytest

from bilan.errors import StageError
from bilan.pipeline import Pipeline, Resources, check_order, stage
from bilan.records import Document


@stage("upper", reads=["text"], writes=["title"])
def _upper(doc: Document, res: Resources) -> None:
    doc.title = doc.text.upper()


@stage("explode", reads=["title"], writes=["outlet"])
def _explode(doc: Document, res: Resources) -> None:
    raise RuntimeError("boom")


@stage("needs-events", reads=["events"], writes=["warnings"])
def _needs_events(doc: Document, res: Resources) -> None:
    pass


def test_order_is_checked() -> None:
    check_order([_upper, _explode])
    with pytest.raises(ValueError, match="reads"):
        check_order([_needs_events])
    with pytest.raises(ValueError, match="twice"):
        check_order([_upper, _upper])


def test_stage_error_names_the_stage() -> None:
    pipe = Pipeline([_upper, _explode])
    doc = Document(id="d", text="abc", source="d")
    with pytest.raises(StageError) as info:
        pipe.process(doc, Resources())
    assert info.value.stage == "explode" and "boom" in str(info.value)
    assert doc.title == "ABC"


def test_resources_built_once() -> None:
    calls: list[int] = []
    res = Resources()

    def build() -> int:
        calls.append(1)
        return 42

    assert res.get("k", build) == 42 and res.get("k", build) == 42
    assert len(calls) == 1


def test_default_pipeline_order_is_valid() -> None:
    from bilan.stages import default_pipeline

    assert default_pipeline().names[0] == "layout"
