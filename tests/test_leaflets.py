"""Leaflets as a resident and a printer get them: every QR code decodes to the short address of its
page in its language, fonts are embedded, Arabic and Chinese text is really there, nothing is
rendered twice, a text too long for the page is refused with its file and field, and record text
is only ever shown, never run by the PDF engine."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from helpers import mkdocs_build
from PIL import Image
from test_missions import LANGS, MISSION, share_leaflet_cache, write_mission_portal

from voisinage import markup
from voisinage.languages import Lang
from voisinage.model.leaflets import Leaflet, leaflets_of
from voisinage.model.shortlinks import assign_stems, derived_stem
from voisinage.model.site_model import SiteModel as Portal
from voisinage.paper import pdf as engine
from voisinage.paper.leaflets import data_of
from voisinage.paper.making import make
from voisinage.records.loading import load
from voisinage.records.problems import RecordsError

DPI = 150
SITE_URL = "https://example.org/test/"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny portal (fr, en, ar, zh) with one mission, built once by `mkdocs build --strict`."""
    root = write_mission_portal(tmp_path_factory.mktemp("leaflets"))
    share_leaflet_cache(root, tmp_path_factory)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def site(root: Path) -> Path:
    return root / "site"


@pytest.fixture(scope="module")
def codes(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, float]]]:
    """Every PDF rasterized like a phone camera would see the paper, and its QR codes decoded:
    file name → [(text, width of the symbol in mm)]."""
    out = tmp_path_factory.mktemp("png")
    found: dict[str, list[tuple[str, float]]] = {}
    for pdf in sorted((site / "leaflets").rglob("*.pdf")):
        prefix = out / pdf.stem
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", pdf, prefix], check=True)
        found[pdf.name] = []
        for png in sorted(out.glob(f"{pdf.stem}-*.png")):
            for code in zxingcpp.read_barcodes(Image.open(png)):
                xs = [code.position.top_left.x, code.position.top_right.x,
                      code.position.bottom_left.x, code.position.bottom_right.x]
                found[pdf.name].append((code.text, (max(xs) - min(xs)) / DPI * 25.4))
    return found


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout


def normal(text: str) -> str:
    """Text compared without spacing, Arabic vowel marks, direction marks, and the middle dots
    that poppler moves around numbers."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s·\u064b-\u065f\u0670\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)


def as_poppler_reads(arabic: str) -> str:
    """poppler writes the two letters of a lam-alef ligature glyph in visual order (the PDF maps
    the glyph to both letters in logical order; other extractors read them right): expect that."""
    return re.sub("ل([اأإآى])", r"\1ل", normal(arabic))


def page_of(site: Path, pdf_name: str) -> Path:
    """The page a leaflet is about, in the leaflet's language."""
    ident, lang, _ = pdf_name.split(".", 2)
    prefix = site if lang == "fr" else site / lang
    return prefix / ("missions/droits-caf" if ident == "droits-caf" else ident) / "index.html"


def test_every_mission_and_territory_has_its_leaflets(site: Path) -> None:
    """A5 and A4 sheet per mission and language; a services page and a guide per territory and
    language."""
    found = sorted(p.relative_to(site / "leaflets").as_posix() for p in (site / "leaflets").rglob("*.pdf"))
    assert found == sorted(
        [f"missions/droits-caf.{lang}.{fmt}.pdf" for lang in LANGS for fmt in ("a5", "a4-4xa6")]
        + [f"territories/ris-orangis.{lang}.{fmt}.pdf" for lang in LANGS for fmt in ("services", "guide")])
    sizes = {name: subprocess.run(["pdfinfo", site / "leaflets" / name], capture_output=True,
                                  text=True, check=True).stdout for name in found[:2]}
    assert re.search(r"Pages:\s+1\n", sizes["missions/droits-caf.ar.a4-4xa6.pdf"])
    assert "(A4)" in sizes["missions/droits-caf.ar.a4-4xa6.pdf"]
    assert "419.528 x 595.276 pts" in sizes["missions/droits-caf.ar.a5.pdf"]  # A5


def test_every_qr_code_opens_its_page_in_its_language(site: Path, codes: dict[str, list[tuple[str, float]]]) -> None:
    """Each code decodes to a short address whose redirect page leads to the leaflet's page."""
    assert len(codes) == 16
    for name, decoded in codes.items():
        assert len(decoded) == (4 if ".a4-4xa6." in name else 1), name
        texts = {text for text, _ in decoded}
        assert len(texts) == 1, name
        url = texts.pop()
        lang = name.split(".")[1]
        match = re.fullmatch(re.escape(SITE_URL) + r"go/([a-z2-9]{4}-([a-z]+))/", url)
        assert match and match.group(2) == lang, (name, url)
        redirect = (site / "go" / match.group(1) / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', redirect)
        assert target, redirect
        landing = (site / "go" / match.group(1) / target.group(1) / "index.html").resolve()
        assert landing == page_of(site, name).resolve(), (name, landing)
        assert f'<html lang="{lang}"' in landing.read_text(encoding="utf-8")


def test_qr_codes_are_big_enough_for_paper(codes: dict[str, list[tuple[str, float]]]) -> None:
    """At least 2 cm wide (the symbol alone, without its quiet zone), on every format; 3 cm on
    the A5, which has the room."""
    widths = [width for decoded in codes.values() for _, width in decoded]
    assert min(widths) >= 20, widths
    a5 = [width for name, decoded in codes.items() if ".a5." in name for _, width in decoded]
    assert a5 and min(a5) >= 30, a5


def test_short_address_is_printed_in_clear(site: Path, codes: dict[str, list[tuple[str, float]]]) -> None:
    """Under the code, the same address without https:// — to type it when a camera fails."""
    for name, decoded in codes.items():
        shown = decoded[0][0].removeprefix("https://")
        pdf = next((site / "leaflets").rglob(name))
        assert shown in text_of(pdf).replace("\n", ""), name


def test_no_text_is_smaller_than_8_pt(site: Path) -> None:
    """Latin words (French and English, also inside Arabic leaflets), measured as poppler boxes
    them: the height of a word box is its size times the ascender and descender of Noto Sans."""
    for pdf in sorted((site / "leaflets").rglob("*.pdf")):
        if ".zh." in pdf.name:  # Latin letters there come from the CJK font, of other metrics
            continue
        boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                               check=True).stdout
        sizes = [(float(bottom) - float(top)) / (1.069 + 0.293) for top, bottom in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">[A-Za-z][\w\'’.,:;()/-]*<', boxes)]
        assert sizes and min(sizes) > 7.95, (pdf.name, min(sizes))


def test_sheets_have_cut_marks_at_every_end(site: Path, tmp_path: Path) -> None:
    """Both middle lines of an A4 sheet are marked at both edges of the paper, also in Arabic."""
    for lang in ("fr", "ar"):
        prefix = tmp_path / lang
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile",
                        site / "leaflets" / "missions" / f"droits-caf.{lang}.a4-4xa6.pdf", prefix],
                       check=True)
        image = Image.open(f"{prefix}.png").convert("L")
        px = 100 / 25.4  # pixels per mm
        ends = [(105, 3), (105, 294), (3, 148.5), (207, 148.5), (105, 148.5)]
        for x, y in ends:  # a line drawn within a millimetre of each end of a cut line
            box = (round((x - 1) * px), round((y - 1) * px), round((x + 1) * px), round((y + 1) * px))
            assert image.crop(box).getextrema()[0] < 160, (lang, x, y)


def test_each_copy_of_a_sheet_starts_at_its_reading_edge(site: Path) -> None:
    """The first line of the top-left A6 copy starts at the cell's left margin in French and
    ends at its right margin in Arabic (the copies were once set flush left in Arabic too)."""
    cell, margin = 105 / 25.4 * 72, 8 / 25.4 * 72  # points
    for lang in ("fr", "ar"):
        pdf = site / "leaflets" / "missions" / f"droits-caf.{lang}.a4-4xa6.pdf"
        boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"],
                               capture_output=True, text=True, check=True).stdout
        words = [(float(x0), float(y0), float(x1)) for x0, y0, x1 in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', boxes)]
        first = min(y for _x0, y, x1 in words if x1 < cell)  # the top line of the copy
        line = [(x0, x1) for x0, y, x1 in words if x1 < cell and abs(y - first) < 1]
        if lang == "ar":
            assert abs(max(x1 for _x0, x1 in line) - (cell - margin)) < 3, line
        else:
            assert abs(min(x0 for x0, _x1 in line) - margin) < 3, line


@pytest.mark.parametrize("lang,script", [("ar", "Arabic"), ("zh", "CJK")])
def test_fonts_are_embedded_for_every_script(site: Path, lang: str, script: str) -> None:
    """Every font is embedded; the script's Noto font is among them."""
    for fmt in ("a5", "a4-4xa6"):
        listing = subprocess.run(["pdffonts", site / "leaflets" / "missions" / f"droits-caf.{lang}.{fmt}.pdf"],
                                 capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), listing
        assert any(script in row for row in rows), listing


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_text_is_extractable_in_logical_order(site: Path, lang: str) -> None:
    """pdftotext gives back the headline and message: shaped glyphs map to the right characters
    in reading order, and no character fell into a missing glyph."""
    text = normal(text_of(site / "leaflets" / "missions" / f"droits-caf.{lang}.a5.pdf"))
    mission = load_mission()
    for field in ("headline", "message"):
        assert as_poppler_reads(mission[field][lang]) in text, field
    assert "0199001000" in text  # the branch's phone, left to right even in Arabic


def test_leaflet_is_bilingual_with_its_dates(site: Path) -> None:
    """The resident's language first, the key facts in French after it; printed and checked dates."""
    text = text_of(site / "leaflets" / "missions" / "droits-caf.ar.a5.pdf")
    arabic = normal(text)
    assert arabic.index(as_poppler_reads("حقوقك لدى صندوق")) < arabic.index(normal("Vos droits à la CAF"))
    assert "L’essentiel en français" in text
    ar = Lang("ar", "العربية", "rtl")
    assert normal(ar.date(date(2026, 11, 20))) in arabic  # the CAF record was checked on
    french = text_of(site / "leaflets" / "missions" / "droits-caf.fr.a5.pdf")
    # A published leaflet is printed with its edition date, the newest check of what it shows.
    assert "Imprimé le 20 novembre 2026" in french
    assert "Informations vérifiées le 20 novembre 2026" in french
    assert "L’essentiel en français" not in french


def test_unchanged_leaflets_are_not_rendered_again(root: Path, tmp_path: Path) -> None:
    """A second build renders nothing; a changed Arabic message renders only the Arabic leaflets
    of that mission."""
    cache = root / ".cache" / "voisinage"
    content = shutil.copytree(root / "content", tmp_path / "content")
    portal = portal_of(content)
    made, outcome = make(portal, leaflets_of(portal), cache)
    assert outcome.rendered == [] and len(outcome.reused) == 16

    mission = content / "missions" / "droits-caf.yml"
    mission.write_text(mission.read_text(encoding="utf-8").replace(
        "الخدمة مجانية.", "الخدمة مجانية تمامًا."), encoding="utf-8")
    portal = portal_of(content)
    made, outcome = make(portal, leaflets_of(portal), cache)
    assert sorted((x.id, x.lang.code, x.format) for x in outcome.rendered) == [
        ("droits-caf", "ar", "a5"), ("droits-caf", "ar", "sheet")]
    assert len(outcome.reused) == 14
    changed = next(path for leaflet, path in made.items() if leaflet in outcome.rendered)
    assert as_poppler_reads("تمامًا") in normal(text_of(changed))


def test_text_too_long_for_the_page_names_file_and_field(root: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The layout itself is checked: a text that pushes the leaflet past its page (or past its A6
    cell) is refused, pointing at the record field, and nothing is published."""
    content = shutil.copytree(root / "content", tmp_path / "content")
    mission = content / "missions" / "droits-caf.yml"
    long = " ".join(["يساعدك الجيران الأذكياء في طلب مساعدات الصندوق."] * 40)
    mission.write_text(mission.read_text(encoding="utf-8").replace(
        "يساعدك الجيران الأذكياء في طلب مساعدات الصندوق. الخدمة مجانية.", long), encoding="utf-8")
    portal = portal_of(content)  # loaded without the character limits of `voisinage check`
    wanted = [x for x in leaflets_of(portal, langs=["ar"]) if x.kind == "mission"]
    with pytest.raises(RecordsError) as error:
        make(portal, wanted, tmp_path / "cache")
    found = [str(p) for p in error.value.problems]
    assert found == [
        ("content/missions/droits-caf.yml:13:7: message.ar: the A4 sheet of A6 copies of droits-caf "
         "in ar (العربية) does not fit on its page: it overflows at this text — shorten it (texts "
         "of the leaflet, in its language or in French)"),
        ("content/missions/droits-caf.yml:13:7: message.ar: the A5 leaflet of droits-caf in ar "
         "(العربية) does not fit on its page: it overflows at this text — shorten it (texts of the "
         "leaflet, in its language or in French)")]
    assert not list((tmp_path / "cache").rglob("*.pdf"))

    # The verdict is remembered: the same leaflets are refused again without being laid out.
    assert len(list((tmp_path / "cache").rglob("*.overflow"))) == 2
    monkeypatch.setattr(engine, "render", lambda *args, **kwargs: pytest.fail("laid out again"))
    with pytest.raises(RecordsError) as again:
        make(portal, wanted, tmp_path / "cache")
    assert [str(p) for p in again.value.problems] == found


TYPST_SYNTAX = ('#import "x": * #read("/etc/passwd") $x^2$ @ref #{1 + 1} C:\\dossier\\ ] [ "cité" '
                "// pas un commentaire /* ni ça */ #set page(width: 1cm) #panic(\"non\")")


def test_record_text_is_shown_never_run(root: Path, tmp_path: Path) -> None:
    """Typst syntax in a record text prints as it is: the engine gets record text as data (a tree
    of paragraphs and runs of text), so an editor's text imports, reads and sets nothing."""
    content = shutil.copytree(root / "content", tmp_path / "content")
    mission = content / "missions" / "droits-caf.yml"
    quoted = TYPST_SYNTAX.replace("\\", "\\\\").replace('"', '\\"')
    mission.write_text(mission.read_text(encoding="utf-8").replace("C'est gratuit.", quoted),
                       encoding="utf-8")
    portal = portal_of(content)
    wanted = [x for x in leaflets_of(portal, langs=["fr"]) if x.kind == "mission"]
    made, _ = make(portal, wanted, tmp_path / "cache")
    for leaflet, pdf in made.items():
        assert squeezed(TYPST_SYNTAX) in squeezed(text_of(pdf)), leaflet.format
    info = subprocess.run(["pdfinfo", made[wanted[0]]], capture_output=True, text=True).stdout
    assert "419.528 x 595.276 pts" in info  # `#set page(width: 1cm)` set nothing


def test_engine_shows_any_text_as_text(root: Path, tmp_path: Path) -> None:
    """Even text that validation would refuse (`<label>`) or that asks for a file goes to the page
    as text: the engine has no way to evaluate it."""
    portal = portal_of(root / "content")
    data = data_of(portal, Leaflet("a5", "droits-caf", portal.default), date(2026, 11, 20))
    odd = '<label> @ref #read("/etc/passwd") $x$ ]"\\ \\u{41} #{"a" * 3}'
    data["message"]["blocks"] = [{"p": [odd, {"strong": ["]) #strong[x"]}]}]
    target = tmp_path / "odd.pdf"
    result = engine.render(engine.Document("a5.typ", json.dumps(data), 1, data["link"]["url"]), target)
    assert result.overflow is None
    text = text_of(target)
    assert squeezed(odd + "]) #strong[x") in squeezed(text)
    assert "root:" not in text


def test_record_text_becomes_a_tree_of_text() -> None:
    """The safe Markdown subset as the engine gets it: paragraphs, lists, emphasis, strong, links
    and runs of text; a link that validation refuses stays text."""
    assert markup.tree("Un *mot*, du **gras** et [un lien](https://e.org).\n\n- un\n- deux") == [
        {"p": ["Un ", {"em": ["mot"]}, ", du ", {"strong": ["gras"]}, " et ",
               {"a": ["un lien"], "href": "https://e.org"}, "."]},
        {"ul": [[{"p": ["un"]}], [{"p": ["deux"]}]]}]
    assert markup.inline_tree("[x](javascript:alert(1)) #read(\"f\")") == [
        '[x](javascript:alert(1)) #read("f")']


def test_word_wider_than_its_column_is_refused(root: Path, tmp_path: Path) -> None:
    """A word that cannot break and does not fit the width of the leaflet would stick out of the
    paper: it is refused like a text too long, naming its field."""
    content = shutil.copytree(root / "content", tmp_path / "content")
    mission = content / "missions" / "droits-caf.yml"
    mission.write_text(mission.read_text(encoding="utf-8").replace(
        "C'est gratuit.", "Voir " + "Anticonstitutionnellement" * 5 + "."), encoding="utf-8")
    portal = portal_of(content)
    wanted = [x for x in leaflets_of(portal, langs=["fr"]) if x.kind == "mission"]
    with pytest.raises(RecordsError) as error:
        make(portal, wanted, tmp_path / "cache")
    assert [p.field for p in error.value.problems] == ["message.fr", "message.fr"]


def test_reprint_command_writes_chosen_languages(root: Path, tmp_path: Path) -> None:
    """`voisinage leaflets --mission … --lang … --out …` writes those leaflets, from the cache."""
    out = tmp_path / "to-print"
    result = subprocess.run(
        [sys.executable, "-m", "voisinage.cli", "leaflets", "--mission", "droits-caf",
         "--lang", "ar,zh", "--out", str(out), "--content", str(root / "content")],
        check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "droits-caf.ar.a4-4xa6.pdf", "droits-caf.ar.a5.pdf",
        "droits-caf.zh.a4-4xa6.pdf", "droits-caf.zh.a5.pdf"]
    assert "4 leaflets" in result.stderr and "(0 rendered, 4 unchanged)" in result.stderr
    assert re.search(r"droits-caf\.ar\.a5\.pdf  →  https://example\.org/test/go/[a-z2-9]{4}-ar/",
                     result.stdout)


def test_reprint_command_names_what_it_does_not_know(root: Path, tmp_path: Path) -> None:
    """An unknown mission or language is an error that lists the known ones."""
    result = subprocess.run(
        [sys.executable, "-m", "voisinage.cli", "leaflets", "--mission", "droits", "--out",
         str(tmp_path), "--content", str(root / "content")], check=False, capture_output=True,
        text=True)
    assert result.returncode == 1
    assert 'unknown mission "droits" — expected one of: droits-caf' in result.stderr


def test_short_codes_are_stable_and_pinnable(root: Path, tmp_path: Path) -> None:
    """Codes come from the record's id (not from page paths), one per language; a mission's
    `short_code` pins them, and a collision moves the derived code, not the pinned one."""
    assert derived_stem(("mission", "energie-2026")) == "gmb8"  # the same on every machine
    stems = assign_stems({("mission", "a"): None, ("mission", "b"): derived_stem(("mission", "a"))})
    assert stems == {("mission", "b"): derived_stem(("mission", "a")),
                     ("mission", "a"): derived_stem(("mission", "a"), 1)}
    content = shutil.copytree(root / "content", tmp_path / "content")
    mission = content / "missions" / "droits-caf.yml"
    mission.write_text(MISSION + "short_code: k7mq\n", encoding="utf-8")
    portal = portal_of(content)
    links = portal.short_links
    assert [links.link(("mission", "droits-caf"), lang).code for lang in portal.langs] == [
        "k7mq-fr", "k7mq-en", "k7mq-ar", "k7mq-zh"]


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def portal_of(content: Path) -> Portal:
    catalogue = load(content).catalogue
    assert catalogue is not None
    return Portal(catalogue)


def load_mission() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(MISSION)
