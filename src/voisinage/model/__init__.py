"""The site model: one view of the validated records that every output reads (pages, leaflets,
open data, front ends): languages, page kinds and addresses, texts in a language, queries."""

from .leaflets import FORMATS, Leaflet, edition_of, leaflets_of
from .shortlinks import ShortLink, ShortLinks
from .site_model import KINDS, Key, PageKind, Said, SiteModel, relative_link, report_csv_path
from .views import LanguageView

__all__ = ["FORMATS", "KINDS", "Key", "LanguageView", "Leaflet", "PageKind", "Said", "ShortLink",
           "ShortLinks", "SiteModel", "edition_of", "leaflets_of", "relative_link",
           "report_csv_path"]
