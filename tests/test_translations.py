"""Translation status, PO files for translators, and records edited without disturbing them."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po
from helpers import CAF, REPO, write_portal

from voisinage import cli
from voisinage.editors import pofiles, translations
from voisinage.editors.yamledit import EditError, insert
from voisinage.records.loading import load
from voisinage.records.problems import field_path
from voisinage.records.tracking import fingerprint


def catalogue(content: Path):  # type: ignore[no-untyped-def]
    loaded = load(content)
    assert loaded.catalogue is not None and not loaded.errors
    return loaded.catalogue


def translate(po: Path, translations_by_context: dict[str, str], *, fuzzy: bool = False) -> None:
    """What a translator's tool does: fill each msgstr, save the file."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id and message.context in translations_by_context:
            message.string = translations_by_context[message.context]
            if fuzzy:
                message.flags.add("fuzzy")
            else:
                message.flags.discard("fuzzy")
    with po.open("wb") as handle:
        write_po(handle, catalog)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines, as `git diff` would show them."""
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    return ([x[2:] for x in diff if x.startswith("- ")], [x[2:] for x in diff if x.startswith("+ ")])


# -- Status --------------------------------------------------------------------------------------
def test_status_counts_translated_machine_made_and_missing(tmp_path: Path) -> None:
    """CAF is machine-translated into ar and zh, and has no ar or zh application_process."""
    status = {s.code: s for s in translations.status(catalogue(write_portal(tmp_path) / "content"))}
    assert list(status) == ["en", "ar", "zh"]
    assert (status["en"].translated, status["en"].machine, len(status["en"].missing)) == (8, 0, 0)
    assert (status["ar"].translated, status["ar"].machine, len(status["ar"].missing)) == (4, 3, 1)
    missing = status["zh"].missing[0]
    assert (missing.path, missing.field, missing.line) == (
        "content/services/ris-orangis/caf.yml", "application_process", 14)


def test_translations_command_prints_the_table_and_the_missing_texts(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = write_portal(tmp_path)
    assert cli.main(["translations", "--content", str(root / "content")]) == 0
    out = capsys.readouterr().out
    assert "8 texts in 3 files, written in fr first." in out
    assert [x.split()[:7] for x in out.splitlines() if x.startswith("ar ") and "%" in x] == [
        ["ar", "4", "(50", "%)", "3", "(37", "%)"]]
    assert "  content/services/ris-orangis/caf.yml: application_process (line 14)" in out
    assert "voisinage translations export --lang ar --out ar.po" in out


# -- PO export and import ------------------------------------------------------------------------
@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example portal's records."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path / "content"


TAMIL = ("- விண்ணப்பிக்க CCAS-க்கு வாருங்கள். ஒரு ஊழியர் உங்களைச் சந்திப்பார்.\n"
         "- CCAS அதிகபட்சம் 2 மாதங்களில் பதில் தரும்.\n"
         "- பதில் ஆம் என்றால், ஒரு சான்றிதழ் (attestation) கிடைக்கும். அது 1 ஆண்டு செல்லும்.\n"
         "- உங்கள் கடிதங்களை எடுக்க அடிக்கடி வாருங்கள்.\n")
DOMICILIATION = "content/services/saint-denis/domiciliation.yml"


def test_po_round_trip_adds_only_the_translated_lines(example: Path, tmp_path: Path) -> None:
    """export → translate in a PO tool → import: the records gain the lines, nothing else moves."""
    po = tmp_path / "ta.po"
    assert cli.main(["translations", "export", "--lang", "ta", "--out", str(po),
                     "--content", str(example)]) == 0
    text = po.read_text(encoding="utf-8")
    assert f'msgctxt "{DOMICILIATION}:application_process"\nmsgid ""\n"- Venez au CCAS' in text
    assert "#. en: - Come to the CCAS to apply." in text
    assert f"#: {DOMICILIATION}:46" in text
    assert "Language: ta\\n" in text

    before = {p: p.read_bytes() for p in example.rglob("*.yml")}
    translate(po, {f"{DOMICILIATION}:application_process": TAMIL})
    assert cli.main(["translations", "import", str(po), "--content", str(example)]) == 0

    record = example.parent / DOMICILIATION
    changed = [p for p in before if p.read_bytes() != before[p]]
    assert changed == [record]
    removed, added = changed_lines(before[record].decode(), record.read_text(encoding="utf-8"))
    # the text's lines, and its fingerprint beside the other languages' (made from the same French)
    mark = fingerprint(yaml.safe_load(before[record])["application_process"]["fr"])
    row = "  application_process: {{en: {0}, ar: {0}, zh: {0},{1} tr: {0}, ro: {0}}}\n"
    assert removed == [row.format(mark, "")]
    assert added == ["  ta: |\n", *(f"    {line}\n" for line in TAMIL.splitlines()),
                     row.format(mark, f" ta: {mark},")]
    lines = record.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# yaml-language-server:")  # comments kept
    assert lines[lines.index("  ta: |") - 5] == "  zh: |"  # in the portal's order of languages
    assert lines[lines.index("  ta: |") + 5] == "  tr: |"
    assert cli.main(["check", "--strict", "--content", str(example)]) == 0
    status = {s.code: s for s in translations.status(catalogue(example))}
    assert status["ta"].missing == [] and len(status["bn"].missing) == 1

    assert cli.main(["translations", "export", "--lang", "ta", "--out", str(po),
                     "--content", str(example)]) == 0
    with po.open("rb") as handle:  # every text is there now, none left to translate
        assert all(m.string for m in read_po(handle) if m.id)


TRICKY_LAYOUT = """\
# A comment that must stay.
name: {fr: "Permanence", en: "Drop-in"}   # flow mapping, with a comment
description:
  fr: "Des conseils."   # kept
  # a comment between languages
  en: 'Advice.'

required_documents:
  - fr: "Pièce d'identité"
  - {fr: "Justificatif de domicile"}
themes: [rights]
assured_date: 2026-11-02
"""


def test_import_into_flow_mappings_lists_and_commented_records(tmp_path: Path) -> None:
    """Flow mappings gain the pair on their own line; block mappings only gain lines."""
    root = write_portal(tmp_path, {"caf": CAF, "layout": TRICKY_LAYOUT})
    content = root / "content"
    po = tmp_path / "ar.po"
    pofiles.export(catalogue(content), "ar", po)
    path = "content/services/ris-orangis/layout.yml"
    translate(po, {f"{path}:name": "مكتب استقبال", f"{path}:description": "نصائح.",
                   f"{path}:required_documents[0]": "وثيقة هوية",
                   f"{path}:required_documents[1]": "إثبات السكن"})
    result = pofiles.import_po(catalogue(content), po, "ar")
    assert len(result.added) == 4 and result.skipped == []
    after = (content / "services" / "ris-orangis" / "layout.yml").read_text(encoding="utf-8")
    marks = ", ".join(f"{k}: {{ar: {fingerprint(v)}}}" for k, v in (
        ("name", "Permanence"), ("description", "Des conseils."),
        ("required_documents[0]", "Pièce d'identité"), ("required_documents[1]", "Justificatif de domicile")))
    assert after == (TRICKY_LAYOUT + "# Written by `voisinage translations`: which French each "
                     "translation was made from.\ntranslated_from:\n" + "".join(
                         f"  {pair}\n" for pair in marks.split(", "))).replace(
        '{fr: "Permanence", en: "Drop-in"}', '{fr: "Permanence", en: "Drop-in", ar: "مكتب استقبال"}'
    ).replace("  en: 'Advice.'\n", "  en: 'Advice.'\n  ar: \"نصائح.\"\n").replace(
        '  - fr: "Pièce d\'identité"\n', '  - fr: "Pièce d\'identité"\n    ar: "وثيقة هوية"\n'
    ).replace('{fr: "Justificatif de domicile"}', '{fr: "Justificatif de domicile", ar: "إثبات السكن"}')
    assert cli.main(["check", "--content", str(content)]) == 0


def test_import_leaves_out_what_it_cannot_trust(tmp_path: Path) -> None:
    """Fuzzy entries, French changed since the export, and unsafe text are not imported."""
    root = write_portal(tmp_path)
    content = root / "content"
    caf = content / "services" / "ris-orangis" / "caf.yml"
    po = tmp_path / "zh.po"
    pofiles.export(catalogue(content), "zh", po)
    context = "content/services/ris-orangis/caf.yml:application_process"

    translate(po, {context: "请拨打3230。"}, fuzzy=True)
    result = pofiles.import_po(catalogue(content), po, "zh")
    assert result.added == [] and "fuzzy" in result.skipped[0].message

    translate(po, {context: "<b>请拨打3230。</b>"})
    result = pofiles.import_po(catalogue(content), po, "zh")
    assert result.added == [] and "raw HTML is not allowed" in result.skipped[0].message

    translate(po, {context: "请拨打3230。"})
    caf.write_text(CAF.replace("Appelez le 3230 ou", "Appelez le 3230, ou"), encoding="utf-8")
    result = pofiles.import_po(catalogue(content), po, "zh")
    assert result.added == [] and "French text changed since the export" in result.skipped[0].message
    assert caf.read_text(encoding="utf-8") == CAF.replace("Appelez le 3230 ou", "Appelez le 3230, ou")


def test_import_says_which_language_it_reads(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The PO file's Language header chooses the language; one the portal lacks is refused."""
    content = write_portal(tmp_path) / "content"
    po = tmp_path / "ta.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ta\\n"\n', encoding="utf-8")
    assert cli.main(["translations", "import", str(po), "--content", str(content)]) == 1
    assert 'is in "ta", not a language of the portal (fr, en, ar, zh)' in capsys.readouterr().err


# -- Editing YAML line by line -------------------------------------------------------------------
def test_insert_keeps_block_scalars_and_blank_lines() -> None:
    text = "a:\n  fr: |\n    - un\n    - deux\n\n  en: x\nb: 1\n"
    assert insert(text, ("a",), "ar", "واحد\nاثنان\n", ["fr", "ar", "en"]) == (
        "a:\n  fr: |\n    - un\n    - deux\n  ar: |\n    واحد\n    اثنان\n\n  en: x\nb: 1\n")
    assert insert(text, ("a",), "zh", "一", ["fr", "en", "zh"]) == (
        'a:\n  fr: |\n    - un\n    - deux\n\n  en: x\n  zh: "一"\nb: 1\n')


def test_insert_quotes_what_yaml_would_misread() -> None:
    """A Norwegian `no:` key, a text of "yes", a text with quotes: all written safely."""
    assert insert("t: {fr: x}\n", ("t",), "no", "yes") == 't: {fr: x, "no": "yes"}\n'
    assert insert("t:\n  fr: x\n", ("t",), "en", 'say "hi": now') == (
        't:\n  fr: x\n  en: "say \\"hi\\": now"\n')


def test_insert_keeps_windows_line_ends() -> None:
    assert insert("t:\r\n  fr: x\r\nu: 1\r\n", ("t",), "en", "y") == (
        't:\r\n  fr: x\r\n  en: "y"\r\nu: 1\r\n')


def test_insert_refuses_what_is_already_there() -> None:
    with pytest.raises(EditError):
        insert("t:\n  fr: x\n", ("t",), "fr", "y")


@pytest.mark.parametrize("loc", [("name",), ("required_documents", 1), ("themes", 0, "name"),
                                 ("results", "needs", 2, "notes", 0)])
def test_field_paths_read_back(loc: tuple[str | int, ...]) -> None:
    """msgctxt's field path goes back to the place in the record."""
    assert pofiles._loc(field_path(loc)) == loc


# -- The editors' page ---------------------------------------------------------------------------
def test_editors_page_shows_the_status_to_editors_only(built_site: Path) -> None:
    """editors/translations/ in the default language; no resident page, search or sitemap has it."""
    html = (built_site / "editors" / "translations" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html and '<html lang="fr"' in html
    assert "<h1>État des traductions</h1>" in html
    assert '<h2 id="ar"><span lang="ar">العربية</span> (ar) — textes manquants : 2</h2>' in html
    assert ('<li><code>content/services/ris-orangis/caf.yml</code> — '
            '<a href="../../ris-orangis/caf/">voir la page</a>') in html
    assert "<li><code>application_process</code> (ligne 14)</li>" in html
    assert '<a href="../../saint-denis/pmi/">voir la page</a>' in html
    assert not (built_site / "en" / "editors").exists()
    for page in ("index.html", "ris-orangis/caf/index.html", "en/ris-orangis/caf/index.html",
                 "sitemap.xml", "search/search_index.json"):
        assert "editors/" not in (built_site / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize(("n", "total", "shown"), [(0, 5, 0), (1, 211, 1), (210, 211, 99),
                                                    (211, 211, 100), (3, 8, 37), (0, 0, 0)])
def test_percentages_never_round_to_all_or_nothing(n: int, total: int, shown: int) -> None:
    """One text missing out of 211 is not "0 %" missing, nor "100 %" translated."""
    assert translations.percent(n, total) == shown
