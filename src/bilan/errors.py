"""bilan's error catalogue: every error a user can see is one of these classes."""

from __future__ import annotations


class BilanError(Exception):
    """Base class: a one-line message meant for the user."""


class UsageError(BilanError):
    """Bad command line: missing path, unwritable output folder, no input."""


class DataFileError(BilanError):
    """A data file shipped with bilan (or given by the user) is missing or malformed."""


class InputError(BilanError):
    """One input cannot be read as a report (becomes a reject, the run goes on)."""


class StageError(BilanError):
    """A stage failed on one document (becomes a reject naming the stage)."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")
        self.stage = stage
        self.error = error
