"""The one error shape shared by the library, the CLI and the API."""

from __future__ import annotations

from typing import Any


class StorytraceError(Exception):
    """A failure a user can act on: a short code, a one-line message, and the source it concerns."""

    def __init__(self, code: str, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.source = source

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "source": self.source}}

    def line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"error: {where}{self.message}"


class InputError(StorytraceError):
    """One source could not be read or is not analysable; the run goes on without it."""

    def __init__(self, source: str, message: str, code: str = "bad_input") -> None:
        super().__init__(code, message, source)
