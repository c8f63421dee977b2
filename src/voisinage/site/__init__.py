"""The website's pages: bodies and menus rendered from the site model, the glossary's links,
the `go/` redirect pages, and the page stubs a front end's i18n scans. No front end here."""

from . import offline
from .build import Build, load_checked, prepare
from .pages import Page, Pages

__all__ = ["Build", "Page", "Pages", "load_checked", "offline", "prepare"]
