"""Search indexes a resident downloads: one per language and territory, never the whole portal.

MkDocs writes one index for every page of every language. We cut it so that a page fetches the
index of its own language and territory (its services, themes and missions, plus the portal-wide
pages: home, themes, glossary, and the territories' names), so its size does not grow with the
number of territories or of their missions.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ...model.site_model import Key, SiteModel

SEPARATOR = r'[\s\u200b\-,:;!?=\[\]()"/«»،。，、；：？！]+|\.(?!\d)|&[lg]t;'
"""Word breaks: spaces, the zero-width spaces jieba puts between Chinese words at build time, and
Latin, Arabic and CJK punctuation."""

# lunr.js stemmers that behave in the browser. lunr's Arabic, Chinese and Tamil plugins lose the
# query (measured in Chromium), so those languages are searched by whole words, unstemmed.
_STEMMED = {"da", "de", "du", "en", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru",
            "sv", "tr"}
WORDS_FIELD = "words"
"""An index field never shown: the forms of a page's words that residents type (see `forms`)."""
_WORDS_BOOST = 100.0
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_LATIN = re.compile("^[\u0000-\u024f\u1e00-\u1eff]+$")
_APOSTROPHES = re.compile("['’ʼ]")
_TAGS = re.compile("<[^>]+>")


def forms(word: str) -> list[str]:
    """Other forms of a word that should find it (see `_forms`)."""
    return list(_forms(word))


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, ...]:
    """Other forms of a word that should find it: Arabic without its article (ال, وال, بال…),
    short vowels or letter variants (أ إ آ → ا, ى → ي, ة → ه); Latin letters without accents
    ("santé" → "sante", "œ" → "oe"); the word after an elision ("l'école" → "école", "ecole").
    voisinage.js applies the same rules to what the resident types (`voisinageForms`), so the
    index and the query meet; tests check that both give the same forms."""
    word = word.lower()
    found: list[str] = []

    def add(form: str) -> None:
        if len(form) >= 2 and form != word and form not in found:
            found.append(form)

    parts = [word]
    if _APOSTROPHES.search(word):
        parts.append(_APOSTROPHES.split(word)[-1])
    for part in parts:
        add(part)
        if _ARABIC.search(part):
            bare = _TASHKEEL.sub("", part)
            bare = re.sub("[أإآٱ]", "ا", bare).replace("ى", "ي").replace("ة", "ه")
            bare = bare.replace("ؤ", "و").replace("ئ", "ي")
            for article in _ARTICLES:
                if bare.startswith(article) and len(bare) - len(article) >= 2:
                    bare = bare[len(article):]
                    break
            add(bare)
        elif _LATIN.match(part):
            folded = unicodedata.normalize("NFKD", part.replace("œ", "oe").replace("æ", "ae"))
            add("".join(c for c in folded if not unicodedata.combining(c)))
    return tuple(found)


def _words(doc: Mapping[str, Any]) -> str:
    """The other forms of the words of a document's title and text, each once."""
    text = _TAGS.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
    seen: dict[str, None] = {}
    for word in re.split(SEPARATOR, text):
        for form in _forms(word):  # the same words on every page: computed once each
            seen.setdefault(form, None)
    return " ".join(seen)


def scope_url(portal: SiteModel, key: Key, lang: Any) -> str:
    """Root (relative to the site root) under which a page's search index lives."""
    root = "" if lang is portal.default else f"{lang.code}/"
    tid = portal.territory_of(key)
    return f"{root}{tid}/" if tid else root


def missions_of(portal: SiteModel) -> dict[str, str]:
    """Mission id → its territory: a mission's pages are searched with its territory's."""
    return {mid: entry.record.territory for mid, entry in portal.cat.missions.items()}


def split(site_dir: Path, languages: Iterable[str], default: str, territories: Iterable[str],
          missions: Mapping[str, str] | None = None, index: dict[str, Any] | None = None) -> int:
    """Rewrite site/search/search_index.json (every page of every language, as MkDocs writes it;
    or `index`, the same already read) into one index per language and territory; `missions`
    maps mission ids to territories."""
    index_file = site_dir / "search" / "search_index.json"
    if index is None:
        if not index_file.exists():
            return 0
        index = json.loads(index_file.read_text(encoding="utf-8"))
    codes = set(languages)
    territories = set(territories)
    # language → territory (or "") → docs, locations relative to the language root
    buckets: dict[str, dict[str, list[dict[str, Any]]]] = {c: {"": []} for c in codes}
    for doc in index["docs"]:
        location = doc["location"]
        first = location.split("/", 1)[0]
        code = first if first in codes and first != default else default
        if code != default:
            location = location[len(code) + 1 :]
        tid = location.split("/", 1)[0]
        if tid == "missions" and missions:  # missions/<mission>/…: its territory's
            tid = missions.get(location.split("/", 2)[1].split("#", 1)[0], tid)
        doc = {**doc, "location": location}
        words = _words(doc)
        if words:
            doc[WORDS_FIELD] = words
        if tid in territories:
            buckets[code].setdefault(tid, []).append(doc)
            if location in (f"{tid}/", f"{tid}/index.html"):  # the territory's name, portal-wide
                buckets[code][""].append({**doc, "text": ""})
        else:
            buckets[code][""].append(doc)
    written = 0
    for code, by_scope in buckets.items():
        lang_root = site_dir if code == default else site_dir / code
        config = {**index["config"], "lang": [code] if code in _STEMMED else ["en"],
                  "separator": SEPARATOR}
        config["fields"] = {**config.get("fields", {}), WORDS_FIELD: {"boost": _WORDS_BOOST}}
        shared = by_scope[""]
        for tid, docs in by_scope.items():
            if tid:
                docs = [{**d, "location": _below(d["location"], tid)} for d in docs + shared]
            _write(lang_root / tid / "search" / "search_index.json", config,
                   docs if tid else shared)
            written += 1
    return written


def _below(location: str, tid: str) -> str:
    """A location relative to the language root, seen from the territory's folder."""
    return location[len(tid) + 1 :] if location.startswith(f"{tid}/") else "../" + location


def _write(path: Path, config: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")
