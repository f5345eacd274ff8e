"""storytrace: cross-examine news coverage of a story, with a span behind every item."""

__version__ = "0.1.0"
