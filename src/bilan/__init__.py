"""bilan: from news reports on armed conflict to a sourced incident dataset."""

__version__ = "0.1.0"
