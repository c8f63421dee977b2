"""The tool speaks the editor's language: `voisinage check` in French or English, from the locale
or `--lang`, with advice that fits the mistake, on the line and column where it was made."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from helpers import CAF, REPO, write_portal

from voisinage import messages

HOURS = "opening_hours: 'Mo-Fr 09:00-12:00,13:30-16:30; We 14:00-16:00 \"sur rendez-vous\"; PH off'"

BROKEN = {
    # A value in curly quotes with a colon: YAML cannot read the line.
    "curly": CAF.replace('alternate_name: "CAF"', "alternate_name: “CAF : accueil”"),
    # An address typed under a text field: "city" is no language.
    "under": CAF.replace('  zh: "家庭补助局发放家庭补贴和住房补助。"\n',
                         '  zh: "家庭补助局发放家庭补贴和住房补助。"\n  city: "Ris-Orangis"\n'),
    "short": CAF.replace('  - number: "01 99 00 12 34"', '  - number: "01 99 00 12"'),
    "colon": CAF.replace('address: {address_1: "1 rue de l\'Exemple", city: "Ris-Orangis", '
                         'postal_code: "91130"}',
                         'address:\n  address_1: "1 rue de l\'Exemple"\n  city Ris-Orangis\n'
                         '  postal_code: "91130"'),
    "typo": CAF.replace("assured_date: 2026-11-20", "assured_dat: 2026-11-20"),
    "dayfirst": CAF.replace("assured_date: 2026-11-20", "assured_date: 20/11/2026"),
    "nokey": CAF.replace("french_required: true", "french_required: true\nno: 3"),
    "dedent": CAF.replace('  en: "The CAF pays family allowances and housing aid."',
                          ' en: "The CAF pays family allowances and housing aid."'),
    "cross": CAF.replace("themes: [rights]", "themes: [nope]").replace(
        "french_required: true", "french_required: true\nunknown_field: 1"),
    "hours": CAF.replace(HOURS, "opening_hours: 'Mo-Fr 9h-12h'"),
    # Texts YAML would read otherwise than the editor meant.
    "hash": CAF.replace('alternate_name: "CAF"', "alternate_name: Accueil au bâtiment #3"),
    "curlyq": CAF.replace('alternate_name: "CAF"', "alternate_name: “CAF”"),
    "nbspkey": CAF.replace('alternate_name: "CAF"', 'alternate_name\u00a0: "CAF"'),
    "nbspval": CAF.replace('  en: "Family benefits office (CAF)"',
                           '  en:\u00a0"Family benefits office (CAF)"'),
    # A ten-digit number in the regulator's fiction range for mobiles (ARCEP: 06 39 98 xx xx).
    "fiction": CAF.replace('  - number: "01 99 00 12 34"', '  - number: "06 39 98 12 34"'),
}

# file → (line, column or None, field, English words, French words)
EXPECTED: dict[str, tuple[int, int | None, str, str, str]] = {
    "curly": (6, None, "(file)", 'write straight quotes "…" around it',
              "entourez-le plutôt de guillemets droits"),
    "under": (12, 3, "description.city", '"city", which is no language — if it is a field of its '
              "own, it is indented too far or under the wrong field",
              "qui n’est pas une langue"),
    "short": (26, None, "phones[1].number", "it has 8 digits where a French number has 10",
              "il a 8 chiffres alors qu’un numéro français en a 10"),
    "colon": (23, None, "(file)", "a field name must be followed by a colon",
              "un nom de champ doit être suivi de deux-points"),
    "typo": (28, 1, "assured_date", "`assured_dat:` on line 28 looks like it: rename it "
             "`assured_date:`", "y ressemble\u00a0: renommez-le `assured_date:`"),
    "dayfirst": (28, 15, "assured_date", "write the year first: 2026-11-20",
                 "écrivez l’année en premier\u00a0: 2026-11-20"),
    "nokey": (21, 1, "no", "unknown field", "champ inconnu"),
    "dedent": (9, None, "(file)", "the indentation of this line does not match the lines above",
               "l’indentation de cette ligne ne correspond pas aux lignes du dessus"),
    "hash": (6, 37, "alternate_name", 'the text stops before " #3"',
             "le texte s’arrête avant «\u00a0#3\u00a0»"),
    "curlyq": (6, 17, "alternate_name", "the text is in curly quotes (“…”), which YAML keeps",
               "les habitants les verraient"),
    "nbspkey": (6, 15, "(file)", "special space (U+00A0 non-breaking space)",
                "retapez `alternate_name:`"),
    "nbspval": (3, 6, "(file)", "it holds a special space (U+00A0 non-breaking space)",
                "espace spéciale (U+00A0 espace insécable)"),
    "hours": (27, 23, "opening_hours", 'write "09:00" instead of "9h"',
              "écrivez «\u00a009:00\u00a0» au lieu de «\u00a09h\u00a0»"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_portal(tmp_path_factory.mktemp("messages"), {"caf": CAF, **BROKEN})


def check(root: Path, *args: str, lang: str | None = "en_US.UTF-8") -> subprocess.CompletedProcess[str]:
    """`voisinage check` under the locale `lang` (None: no locale at all)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    if lang:
        env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "voisinage.cli", *args, "--today", "2026-11-26"],
                          cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def english(broken: Path) -> list[str]:
    return check(broken, "check").stdout.splitlines()


@pytest.fixture(scope="module")
def french(broken: Path) -> list[str]:
    return check(broken, "check", lang="fr_FR.UTF-8").stdout.splitlines()


def lines_at(lines: list[str], name: str, line: int, column: int | None) -> list[str]:
    place = f"content/services/ris-orangis/{name}.yml:{line}:" + (f"{column}:" if column else "")
    return [x for x in lines if x.startswith(place)]


@pytest.mark.parametrize("name", EXPECTED)
def test_advice_fits_the_mistake_in_english(english: list[str], name: str) -> None:
    line, column, field, words, _ = EXPECTED[name]
    found = lines_at(english, name, line, column)
    assert any(f": {field}: " in x and words in x for x in found), (
        f"{name}: expected {words!r} at line {line} in:\n" + "\n".join(english))


@pytest.mark.parametrize("name", EXPECTED)
def test_advice_fits_the_mistake_in_french(french: list[str], name: str) -> None:
    line, column, field, _, words = EXPECTED[name]
    field = "(fichier)" if field == "(file)" else field
    found = lines_at(french, name, line, column)
    assert any(f": {field}: " in x and words in x for x in found), (
        f"{name}: expected {words!r} at line {line} in:\n" + "\n".join(french))


def test_old_wrong_advice_is_gone(english: list[str]) -> None:
    text = "\n".join(english)
    assert "declare the language" not in text  # said of an address under the wrong field
    assert "check the number of digits" not in text
    assert "expected EOI" not in text and "any_rule_separator" not in text  # the parser's grammar
    curly = [x for x in english if "curly.yml" in x]
    assert curly and not [x for x in curly if "put it in quotes" in x]
    assert "doubled" not in text


def test_fiction_numbers_are_accepted(english: list[str]) -> None:
    assert not [x for x in english if "fiction.yml" in x]


def test_cross_record_problems_come_in_the_same_run(english: list[str]) -> None:
    """A wrong theme is reported beside the schema error of the same file, not one CI round later."""
    cross = [x for x in english if x.startswith("content/services/ris-orangis/cross.yml:")]
    assert any(": themes[0]: " in x and '"nope"' in x for x in cross), cross
    assert any(": unknown_field: unknown field" in x for x in cross), cross


@pytest.mark.parametrize(("lang", "args", "summary"), [
    ("fr_FR.UTF-8", ("check",), "erreurs dans"),
    ("en_US.UTF-8", ("check",), "errors in"),
    ("C.UTF-8", ("check",), "erreurs dans"),  # neither French nor English: French
    (None, ("check",), "erreurs dans"),
    ("fr_FR.UTF-8", ("--lang", "en", "check"), "errors in"),
    ("en_US.UTF-8", ("check", "--lang", "fr"), "erreurs dans"),
])
def test_language_comes_from_the_locale_or_lang(broken: Path, lang: str | None,
                                                args: tuple[str, ...], summary: str) -> None:
    result = check(broken, *args, lang=lang)
    assert result.returncode == 1
    assert summary in result.stderr, result.stderr


def test_help_speaks_french_under_a_french_locale(broken: Path) -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "voisinage.cli", "check", "--help"], cwd=broken,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0
    assert "fiches" in result.stdout, result.stdout


@pytest.mark.parametrize(("args", "words"), [
    (("leaflets", "--all"), "indiquez où écrire les dépliants\u00a0: --out DOSSIER"),
    (("chek",), "erreur\u00a0: argument COMMAND\u00a0: choix impossible\u00a0: 'chek'"),
    (("leaflets", "--help"), "afficher cette aide et quitter"),
    (("new", "service", "--territory", "nulle-part", "--name", "X"), "nulle-part"),
    (("translations", "export", "--lang", "xx", "--out", "x.po"),
     "«\u00a0xx\u00a0» n’est pas une langue de traduction"),
])
def test_commands_speak_french(tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    """Not only `check`: every command, argparse's own words included."""
    root = write_portal(tmp_path, {"caf": CAF})
    env = {**os.environ, "LANG": "fr_FR.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "voisinage.cli", *args], cwd=root, env=env,
                            capture_output=True, text=True, timeout=120)
    assert words in result.stdout + result.stderr, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_log_speaks_french(broken: Path) -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=broken, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "les fiches ont des erreurs\u00a0:" in result.stderr
    assert "rien n’a été publié" in result.stderr, result.stderr[-2000:]


@pytest.mark.parametrize(("spec", "index", "words"), [
    ("Lu-Ve 09:00-12:00", 0, 'write "Mo" instead of "Lu"'),
    ("lundi 09:00-12:00", 0, 'write "Mo" instead of "lundi"'),
    ("Mo-Fr 14h30-17h", 6, 'write "14:30" instead of "14h30"'),
    ("Mo-Fr 09:00-12:00 14:00-17:00", 18, "separated by a comma"),
    ("Mo-Fr 09:00–12:00", 11, 'plain hyphen "-"'),
    ("Mo-Fr 09:00-12:00; PH fermé", 22, 'a closed day is written "off"'),
    ("Mo-Fr 09:00-12", 12, 'hours and minutes, like "12:00"'),
    ("Mo-Fr 09:00-12:00;", 18, "end too early"),
    ("Mo-Fr 09:00-12:00 xyz", 18, '"xyz" is not understood here'),
])
def test_opening_hours_say_what_is_wrong_and_where(spec: str, index: int, words: str) -> None:
    from voisinage.hours import hours_problem_at

    messages.choose("en")
    try:
        problem = hours_problem_at(spec)
    finally:
        messages.choose(None)
    assert problem is not None
    assert problem[1] == index
    assert words in problem[0]
    assert "EOI" not in problem[0]


def test_every_message_has_its_french(tmp_path: Path) -> None:
    """Every message of the code (extracted as `pybabel extract` does) has a French translation
    with the same placeholders, so that no editor meets English under a French locale."""
    po = REPO / "src" / "voisinage" / "locale" / "fr" / "LC_MESSAGES" / "voisinage.po"
    with po.open("rb") as file:
        catalogue = read_po(file, locale="fr")
    keywords = {"_": None, "N_": None, "n_": (1, 2)}
    missing, mismatched = [], []
    with warnings.catch_warnings():  # Babel notes the f-strings given as placeholders' values
        warnings.simplefilter("ignore")
        extracted = list(extract_from_dir(REPO / "src" / "voisinage",
                                          method_map=[("**.py", "python")], keywords=keywords))
    for _file, _line, message, _comments, _context in extracted:
        ids = message if isinstance(message, tuple) else (message,)
        entry = catalogue.get(ids[0])
        strings = () if entry is None else (
            entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if not strings or not all(strings):
            missing.append(ids[0])
            continue
        wanted = set(re.findall(r"\{\w+\}", ids[-1]))
        if any(set(re.findall(r"\{\w+\}", s)) - {"{count}"} != wanted - {"{count}"}
               for s in strings):
            mismatched.append(ids[0])
    assert not missing, "untranslated (see CONTRIBUTING, messages):\n" + "\n".join(missing)
    assert not mismatched, "placeholders differ:\n" + "\n".join(mismatched)


def test_catalogue_passes_msgfmt() -> None:
    po = REPO / "src" / "voisinage" / "locale" / "fr" / "LC_MESSAGES" / "voisinage.po"
    result = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
