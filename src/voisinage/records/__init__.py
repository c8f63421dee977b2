"""Records: the YAML files under content/, their schema, and every check made on them.

Knows nothing of rendering: the site model and every output are built on what this package
gives (a `Catalogue` of validated entries, or `Problem`s with file, line and field).
"""

from .checks import check
from .loading import Catalogue, Entry, Loaded, load, relative_path
from .problems import Problem, RecordsError, field_path, summary

__all__ = ["Catalogue", "Entry", "Loaded", "Problem", "RecordsError", "check", "field_path", "load",
           "relative_path", "summary"]
