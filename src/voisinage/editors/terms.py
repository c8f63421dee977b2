# The glossary's words in each language (content/glossary.yml, `name` of an entry) + every other
# text of the portal → a warning where a text's French uses the glossary's French term and its
# translation does not use the glossary's translation of it: residents should meet one name for
# one thing, on the page, the leaflet and the glossary. Conservative on purpose: only the term
# itself (not its aliases), only languages the glossary gives, only current translations (an
# outdated one is reported as such already). Shown by `voisinage translations`.
"""Glossary terms translated one way in the glossary and another way in a text."""

from __future__ import annotations

import unicodedata

from ..messages import _
from ..records import tracking
from ..records.loading import Catalogue, relative_path
from ..records.problems import Problem, field_path
from ..site.glossary import Terms


def inconsistencies(catalogue: Catalogue) -> list[Problem]:
    """A warning on each translation that names a glossary term otherwise than the glossary."""
    glossary = catalogue.glossary
    if glossary is None:
        return []
    default = catalogue.portal.record.default_language
    entries = glossary.record.entries
    named = Terms(glossary.record.model_copy(
        update={"entries": [e for e in entries if e.name]}))
    if not named:
        return []
    out = []
    for entry in catalogue.entries():
        if entry is glossary:
            continue
        rel = relative_path(entry.path, catalogue.root)
        for found in tracking.walk(entry.record):
            french = found.text.get(default)
            if not french:
                continue
            for start, stop, term in named.find(french, set()):
                if not term.patterns[0].fullmatch(french[start:stop]):
                    continue  # an alias ("APL"), not the term itself
                index = next(i for i, e in enumerate(entries) if e is term.entry)
                for lang, words in (term.entry.name or {}).items():
                    text = found.text.get(lang)
                    if lang == default or not text or found.state(lang, default) == "outdated":
                        continue
                    if _folded(words) in _folded(text):
                        continue
                    loc = found.loc + (lang,)
                    mark = entry.doc.mark(loc)
                    where = relative_path(glossary.path, catalogue.root)
                    line = glossary.doc.mark(("entries", index, "name", lang)).line
                    out.append(Problem(rel, mark.line, mark.column, field_path(loc), _(
                        'the French says "{term}", which the glossary translates "{words}" '
                        "({where}:{line}, entries[{index}].name.{lang}); this {lang} text does "
                        "not use those words — use them, so that residents meet one name for one "
                        "thing, or change the glossary's if these are better",
                        term=french[start:stop], words=words, where=where, line=line,
                        index=index, lang=lang), "warning"))
    return sorted(out)


def _folded(text: str) -> str:
    """Compared without case, accents' encodings, apostrophe kinds or runs of spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(text.split())
