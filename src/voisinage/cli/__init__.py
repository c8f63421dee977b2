"""The `voisinage` command line: one entry point, one module per group of commands."""

from .main import main

__all__ = ["main"]
