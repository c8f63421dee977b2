"""Translations that stay true: a translation made from another French text than today's is
outdated — counted, warned about on the French line, exported for review with the previous
French, never shown to a resident as current — and translators' PO and XLIFF files come back
into the right fields, checked with the tools themselves (msgfmt, translate-toolkit)."""

from __future__ import annotations

import doctest
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from helpers import CAF, GLOSSARY, mkdocs_build, write_glossary, write_portal
from test_leaflets import as_poppler_reads, normal, text_of
from test_missions import share_leaflet_cache, write_mission_portal
from translate.storage import factory, pypo
from translate.storage.xliff import Xliff1File

from voisinage import cli
from voisinage.editors import exchange, pofiles, terms, translations, xliff
from voisinage.editors.yamledit import EditError, put
from voisinage.records import tracking
from voisinage.records.loading import load

CAF_PATH = "content/services/ris-orangis/caf.yml"
OLD = "La CAF verse les allocations familiales et les aides au logement."
NEW = "La CAF verse les allocations familiales, les aides au logement et la prime d'activité."
OLD_AR = "يدفع الصندوق الإعانات العائلية ومساعدات السكن."


def catalogue(content: Path):  # type: ignore[no-untyped-def]
    loaded = load(content)
    assert loaded.catalogue is not None and not loaded.errors
    return loaded.catalogue


def counts(content: Path) -> dict[str, dict[str, int]]:
    return {s.code: s.counts() for s in translations.status(catalogue(content))}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=Editor", "-c",
                           "user.email=editor@example.org", *args], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def tracked(tmp_path: Path) -> Path:
    """The tiny portal, every translation marked current once (as the example content is)."""
    content = write_portal(tmp_path / "portal") / "content"
    assert cli.main(["translations", "mark-current", "--all", "--content", str(content)]) == 0
    return content


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- Detection -----------------------------------------------------------------------------------
def test_mark_current_all_writes_fingerprints_beside_the_texts(tracked: Path) -> None:
    text = (tracked.parent / CAF_PATH).read_text(encoding="utf-8")
    mark = tracking.fingerprint(OLD)
    assert text.startswith(CAF)  # nothing above moved
    assert (f"  description: {{en: {mark}, ar: {mark}, zh: {mark}}}\n") in text
    assert "# Written by `voisinage translations`: which French each translation was made from.\n" \
        "translated_from:\n" in text
    assert counts(tracked)["ar"] == {"translated": 4, "machine": 3, "outdated": 0, "missing": 1}
    assert cli.main(["check", "--strict", "--content", str(tracked)]) == 0


def test_changed_french_outdates_every_other_language(tracked: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The editor changes one French text and commits: every other language counts it outdated,
    and `voisinage check` says so on that French line (a GitHub annotation in a pull request)."""
    edit(tracked.parent / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')
    capsys.readouterr()
    assert cli.main(["translations", "--json", "--content", str(tracked)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "en": {"translated": 7, "machine": 0, "outdated": 1, "missing": 0},
        "ar": {"translated": 4, "machine": 2, "outdated": 1, "missing": 1},
        "zh": {"translated": 4, "machine": 2, "outdated": 1, "missing": 1}}

    assert cli.main(["check", "--content", str(tracked)]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    assert out.startswith(f"{CAF_PATH}:8:7: warning: description.fr: this text changed after it "
                          "was translated: the translations in en, ar, zh are now outdated, and "
                          "residents see this French text instead, with a notice.")
    assert f"voisinage translations mark-current --lang en {CAF_PATH}" in out
    assert cli.main(["check", "--strict", "--content", str(tracked)]) == 1

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tracked.parent))
    cli.main(["check", "--content", str(tracked)])
    assert (f"::warning file={CAF_PATH},line=8,col=7,title=description.fr::this text changed"
            in capsys.readouterr().out)

    assert cli.main(["translations", "--content", str(tracked)]) == 0
    report = capsys.readouterr().out
    assert "Outdated translations (the French changed since):" in report
    assert f"  {CAF_PATH}: description (line 7)" in report
    row = next(x for x in report.splitlines() if x.startswith("ar "))
    assert row.split()[:9] == ["ar", "4", "(50", "%)", "2", "(25", "%)", "1", "(12"]


REFLOWED = """description:
  fr: |
    La CAF verse les allocations
       familiales   et les aides au logement.
"""


@pytest.mark.parametrize("change", ["nothing", "whitespace", "reordered", "translator's fix"])
def test_what_does_not_outdate(tracked: Path, change: str) -> None:
    """Reflowing or re-indenting the French, reordering the lines of the file, or a translator
    fixing their own language leaves every translation current."""
    path = tracked.parent / CAF_PATH
    text = path.read_text(encoding="utf-8")
    if change == "whitespace":
        text = text.replace(f'description:\n  fr: "{OLD}"\n', REFLOWED)
    elif change == "reordered":  # description first, and its languages in another order
        start, end = text.index("description:\n"), text.index("themes:")
        block = text[start:end].splitlines(keepends=True)
        text = block[0] + block[4] + block[2] + block[1] + block[3] + text[:start] + text[end:]
    elif change == "translator's fix":
        text = text.replace(OLD_AR, "يدفع الصندوق المنح العائلية ومساعدات السكن.")
    path.write_text(text, encoding="utf-8")
    assert all(c["outdated"] == 0 for c in counts(tracked).values())
    assert cli.main(["check", "--strict", "--content", str(tracked)]) == 0


def test_translations_without_fingerprints_are_not_tracked_yet(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Records from before fingerprints: counted as they are, said to be untracked, until a
    one-time `mark-current --all`."""
    content = write_portal(tmp_path) / "content"
    assert counts(content)["en"]["outdated"] == 0
    assert cli.main(["translations", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "Not tracked yet (no fingerprint of their French" in out
    assert "en 8, ar 7, zh 7" in out
    assert "voisinage translations mark-current --all" in out


def test_mark_current_confirms_one_language_and_all_leaves_outdated_ones(tracked: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    edit(tracked.parent / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')
    assert cli.main(["translations", "mark-current", "--all", "--content", str(tracked)]) == 0
    assert "3 outdated translations left as they are" in capsys.readouterr().out
    assert counts(tracked)["ar"]["outdated"] == 1

    # the translator fixed the Arabic in the YAML file, and says so
    edit(tracked.parent / CAF_PATH, OLD_AR, "يدفع الصندوق الإعانات العائلية ومساعدات السكن ومنحة النشاط.")
    assert cli.main(["translations", "mark-current", "--lang", "ar", str(tracked.parent / CAF_PATH),
                     "--content", str(tracked)]) == 0
    assert f"{CAF_PATH}:7: description.ar: was outdated, now current" in capsys.readouterr().out
    assert {code: c["outdated"] for code, c in counts(tracked).items()} == {"en": 1, "ar": 0, "zh": 1}


# -- PO export -----------------------------------------------------------------------------------
def committed_then_changed(content: Path) -> None:
    """The portal in git, then the French of CAF's description changed (not committed yet)."""
    git(content.parent, "init", "-q")
    git(content.parent, "add", "-A")
    git(content.parent, "commit", "-qm", "records")
    edit(content.parent / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')


def test_po_export_holds_every_text_for_review(tracked: Path, tmp_path: Path) -> None:
    """Missing texts empty, machine-made ones fuzzy, the outdated one fuzzy with the French it was
    made from as `#| msgid` (from git history) — and gettext's own msgfmt accepts the file."""
    committed_then_changed(tracked)
    po = tmp_path / "ar.po"
    assert cli.main(["translations", "export", "--lang", "ar", "--out", str(po),
                     "--content", str(tracked)]) == 0
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True).returncode == 0
    text = po.read_text(encoding="utf-8")
    assert (f'#, fuzzy\n#| msgid "{OLD}"\nmsgctxt "{CAF_PATH}:description"\nmsgid "{NEW}"\n'
            in text)
    with po.open("rb") as handle:
        messages = {m.context: m for m in read_po(handle) if m.id}
    assert len(messages) == 8  # every text of the portal
    outdated = messages[f"{CAF_PATH}:description"]
    assert outdated.fuzzy and outdated.string == OLD_AR
    assert "The French text changed since this translation was made" in " ".join(
        outdated.auto_comments)
    assert messages[f"{CAF_PATH}:name"].fuzzy  # machine-made: to review
    assert messages[f"{CAF_PATH}:application_process"].string == ""  # missing
    assert not messages["content/portal.yml:name"].fuzzy  # translated by a person, current
    # translate-toolkit (the library behind Pootle and Virtaal) reads the previous French back
    store = pypo.pofile.parsefile(str(po))
    unit = next(u for u in store.units if u.getcontext() == f"{CAF_PATH}:description")
    assert unit.prev_source == OLD and unit.isfuzzy()


def test_shallow_clone_still_knows_what_is_outdated(tracked: Path, tmp_path: Path) -> None:
    """A pull request's shallow checkout has no history: the text is still outdated and exported
    fuzzy, only the previous French is not there to show."""
    committed_then_changed(tracked)
    git(tracked.parent, "commit", "-qam", "French changed")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{tracked.parent}", str(clone)],
                   check=True)
    assert counts(clone / "content")["zh"]["outdated"] == 1
    po = tmp_path / "zh.po"
    pofiles.export(catalogue(clone / "content"), "zh", po)
    text = po.read_text(encoding="utf-8")
    assert "\n#| " not in text and f'#, fuzzy\nmsgctxt "{CAF_PATH}:description"' in text
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)]).returncode == 0


# -- PO import -----------------------------------------------------------------------------------
def review(po: Path, changes: dict[str, str | None]) -> None:
    """What Poedit does: change msgstr where given (None: keep it), clear the fuzzy mark."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id and message.context in changes:
            if changes[message.context] is not None:
                message.string = changes[message.context]
            message.flags.discard("fuzzy")
    with po.open("wb") as handle:
        write_po(handle, catalog)


def test_po_import_updates_outdated_and_reviewed_texts(tracked: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The outdated text, updated, becomes current; machine translations reviewed lose their mark
    once all are; only those lines of the record change."""
    edit(tracked.parent / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')
    po = tmp_path / "ar.po"
    pofiles.export(catalogue(tracked), "ar", po)
    new_ar = "يدفع الصندوق الإعانات العائلية ومساعدات السكن ومنحة النشاط."
    review(po, {f"{CAF_PATH}:description": new_ar, f"{CAF_PATH}:name": None,
                f"{CAF_PATH}:required_documents[0]": None,
                f"{CAF_PATH}:application_process": "اتصل بالرقم 3230 أو ادخل إلى caf.fr."})
    before = (tracked.parent / CAF_PATH).read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["translations", "import", str(po), "--content", str(tracked)]) == 0
    out = capsys.readouterr().out
    assert f"{CAF_PATH}:7: description.ar: changed" in out
    assert f"{CAF_PATH}:1: name.ar: confirmed" in out
    assert f"{CAF_PATH}:14: application_process.ar: added" in out
    assert f"{CAF_PATH}: every ar text reviewed — ar removed from machine_translations" in out
    after = (tracked.parent / CAF_PATH).read_text(encoding="utf-8")
    assert f'  ar: "{new_ar}"\n' in after and OLD_AR not in after
    assert "machine_translations: [zh]\n" in after
    new, old = tracking.fingerprint(NEW), tracking.fingerprint(OLD)
    assert f"  description: {{en: {old}, ar: {new}, zh: {old}}}\n" in after
    assert counts(tracked)["ar"] == {"translated": 8, "machine": 0, "outdated": 0, "missing": 0}
    gone = [line for line in before.splitlines() if line not in after.splitlines()]
    process = tracking.fingerprint("Appelez le 3230 ou allez sur caf.fr.")
    assert gone == [f'  ar: "{OLD_AR}"', "machine_translations: [ar, zh]",
                    f"  description: {{en: {old}, ar: {old}, zh: {old}}}",
                    f"  application_process: {{en: {process}}}"]


def test_import_never_overwrites_a_text_whose_french_changed_since_the_export(tracked: Path, tmp_path: Path) -> None:
    po = tmp_path / "zh.po"
    pofiles.export(catalogue(tracked), "zh", po)
    review(po, {f"{CAF_PATH}:description": "家庭补助局发放家庭补贴。"})
    edit(tracked.parent / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')
    result = pofiles.import_po(catalogue(tracked), po, "zh")
    assert [(p.field, p.message.split(" — ")[0]) for p in result.skipped] == [
        (f"{CAF_PATH}:description", "the French text changed since the export")]
    assert "家庭补助局发放家庭补贴和住房补助。" in (tracked.parent / CAF_PATH).read_text(encoding="utf-8")


# -- XLIFF ---------------------------------------------------------------------------------------
def test_xliff_export_is_xliff_with_every_text(tracked: Path, tmp_path: Path) -> None:
    """translate-toolkit reads it back as XLIFF 1.2: one unit per text keyed file:field, the
    outdated one to review with the French it was made from, the machine-made ones flagged."""
    committed_then_changed(tracked)
    out = tmp_path / "ar.xlf"
    assert cli.main(["translations", "export", "--lang", "ar", "--out", str(out),
                     "--content", str(tracked)]) == 0
    store = factory.getobject(str(out))
    assert isinstance(store, Xliff1File)
    assert store.document.getroot().get("version") == "1.2"
    assert store.getsourcelanguage() == "fr" and store.gettargetlanguage() == "ar"
    units = {u.xmlelement.get("resname"): u for u in store.units}
    assert sorted(units) == sorted(t.context for t in translations.fields(catalogue(tracked)))
    outdated = units[f"{CAF_PATH}:description"]
    assert (outdated.source, outdated.target) == (NEW, OLD_AR)
    assert outdated.getlanguageNode(lang=None, index=1).get("state") == "needs-review-translation"
    assert [(a.source, a.target) for a in outdated.getalttrans()] == [(OLD, OLD_AR)]
    machine = units[f"{CAF_PATH}:name"].getlanguageNode(lang=None, index=1)
    assert (machine.get("state"), machine.get("state-qualifier")) == (
        "needs-review-translation", "mt-suggestion")
    assert units[f"{CAF_PATH}:application_process"].target in (None, "")
    assert units["content/portal.yml:name"].getlanguageNode(lang=None, index=1).get(
        "state") == "translated"
    assert units[f"{CAF_PATH}:description"].getlocations() == [f"{CAF_PATH}:7"]


def test_xliff_edited_in_a_translators_tool_imports_into_the_right_fields(tracked: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A tool fills targets and sets their state: translated and final come in, a unit still to
    review stays out, and so does one whose French changed since the export."""
    edit(tracked.parent / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')
    out = tmp_path / "zh.xlf"
    xliff.export(catalogue(tracked), "zh", out)
    store = factory.getobject(str(out))
    units = {u.xmlelement.get("resname"): u for u in store.units}
    updated = "家庭补助局发放家庭补贴、住房补助和就业补贴。"
    units[f"{CAF_PATH}:description"].settarget(updated, lang="zh")  # state → translated
    missing = units[f"{CAF_PATH}:application_process"]
    missing.settarget("请拨打 3230 或访问 caf.fr。", lang="zh")
    missing.getlanguageNode(lang=None, index=1).set("state", "final")
    units[f"{CAF_PATH}:name"].settarget("家庭补助金管理局", lang="zh")
    units[f"{CAF_PATH}:name"].markfuzzy(True)  # still to review
    out.write_bytes(bytes(store))
    edit(tracked.parent / "content/portal.yml", 'fr: "Portail test"', 'fr: "Portail de test"')
    units["content/portal.yml:name"].settarget("测试门户网站", lang="zh")
    out.write_bytes(bytes(store))

    capsys.readouterr()
    assert cli.main(["translations", "import", str(out), "--content", str(tracked)]) == 0
    printed = capsys.readouterr().out
    after = (tracked.parent / CAF_PATH).read_text(encoding="utf-8")
    assert f'  zh: "{updated}"\n' in after
    assert '  zh: "请拨打 3230 或访问 caf.fr。"\n' in after.split("required_documents")[0]
    assert '  zh: "家庭补助局"\n' in after  # the fuzzy one is left as it was
    assert "content/portal.yml:1: name.zh:" not in printed
    assert "zh.xlf" in printed and "the French text changed since the export" in printed
    assert "测试门户" in (tracked / "portal.yml").read_text(encoding="utf-8")
    assert counts(tracked)["zh"]["outdated"] == 1  # the portal's name, changed after the export
    assert cli.main(["check", "--content", str(tracked)]) == 0


def test_xliff_2_is_refused_with_a_reason(tracked: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from translate.storage.xliff2 import Xliff2File

    other = Xliff2File()
    other.settargetlanguage("ar")
    path = tmp_path / "ar.xlf"
    path.write_bytes(bytes(other))
    assert cli.main(["translations", "import", str(path), "--content", str(tracked)]) == 1
    assert "cannot be read as a XLIFF file" in capsys.readouterr().err


# -- Glossary terms ------------------------------------------------------------------------------
NAMED = GLOSSARY.replace('''    aliases: [CAF]
''', '''    aliases: [CAF]
    name:
      fr: "Caisse d'allocations familiales"
      en: "Family benefits office"
      ar: "صندوق الإعانات العائلية"
      zh: "家庭补助金管理局"
''')


def test_a_term_translated_two_ways_is_reported_with_both_places(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = write_glossary(write_portal(tmp_path), NAMED)
    content = root / "content"
    found = [str(p) for p in terms.inconsistencies(catalogue(content))]
    assert found == [
        f'{CAF_PATH}:5:7: warning: name.zh: the French says "Caisse d\'allocations familiales", '
        'which the glossary translates "家庭补助金管理局" (content/glossary.yml:9, '
        "entries[0].name.zh); this zh text does not use those words — use them, so that "
        "residents meet one name for one thing, or change the glossary's if these are better"]
    assert cli.main(["translations", "--content", str(content)]) == 0
    assert found[0] in capsys.readouterr().out


# -- What residents see --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny portal with a mission, tracked, then its French changed in two places (the CAF's
    description, the mission's message) and built by `mkdocs build --strict`."""
    root = write_mission_portal(tmp_path_factory.mktemp("outdated"))
    content = root / "content"
    assert cli.main(["translations", "mark-current", "--all", "--content", str(content)]) == 0
    edit(root / CAF_PATH, f'fr: "{OLD}"', f'fr: "{NEW}"')
    edit(content / "missions" / "droits-caf.yml", "C'est gratuit.", "C'est gratuit et sans rendez-vous.")
    share_leaflet_cache(root, tmp_path_factory)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_page_shows_the_french_with_a_notice_instead_of_an_outdated_translation(built: Path) -> None:
    arabic = (built / "ar" / "ris-orangis" / "caf" / "index.html").read_text(encoding="utf-8")
    assert OLD_AR not in arabic
    assert ('<div class="v-fallback v-outdated" lang="fr" dir="ltr">\n<p class="v-notice" '
            'lang="ar" dir="rtl">ترجمة هذا النص قيد التحديث. إليك النص الحالي بالفرنسية.</p>\n'
            "<p>La CAF verse les allocations familiales, les aides au logement et la prime "
            "d&#39;activité.</p>") in arabic.replace("d'activité", "d&#39;activité")
    chinese = (built / "zh" / "ris-orangis" / "caf" / "index.html").read_text(encoding="utf-8")
    assert "家庭补助局发放家庭补贴和住房补助。" not in chinese
    assert "这段文字的翻译正在更新。以下是现行的法语原文。" in chinese
    mission = (built / "ar" / "missions" / "droits-caf" / "index.html").read_text(encoding="utf-8")
    assert "الخدمة مجانية." not in mission and "sans rendez-vous" in mission
    # texts whose French did not change are shown translated, as before
    assert "صندوق الإعانات العائلية" in arabic


def test_leaflet_prints_the_french_with_a_notice(built: Path) -> None:
    """The short notice (a leaflet has no room for more, and must not overflow because a French
    text changed), then today's French; the old Arabic is gone, on the A5 and on the A6 copies."""
    for leaflet in ("droits-caf.ar.a5.pdf", "droits-caf.ar.a4-4xa6.pdf"):
        text = normal(text_of(built / "leaflets" / "missions" / leaflet))
        assert as_poppler_reads("الترجمة قيد التحديث") in text, leaflet
        assert normal("C'est gratuit et sans rendez-vous.") in text
        assert as_poppler_reads("الخدمة مجانية") not in text
    chinese = normal(text_of(built / "leaflets" / "missions" / "droits-caf.zh.a5.pdf"))
    assert normal("（翻译更新中）") in chinese and "免费。" not in chinese


def test_editors_page_counts_outdated_translations(built: Path) -> None:
    html = (built / "editors" / "translations" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">À mettre à jour</th>' in html
    assert ("(ar) — traductions à mettre à jour (le français a changé depuis) : 2</h2>") in html
    assert f"<li><code>{CAF_PATH}</code>" in html


# -- Editing records in place --------------------------------------------------------------------
def test_put_replaces_and_removes_keeping_everything_else() -> None:
    text = "a:\n  fr: x  # kept\n  en: |\n    one\n    two\n\n  ar: y\nlist: [ar, zh]\nb: 1\n"
    assert put(text, ("a",), "en", "uno") == (
        'a:\n  fr: x  # kept\n  en: "uno"\n\n  ar: y\nlist: [ar, zh]\nb: 1\n')
    assert put(text, (), "list", None) == "a:\n  fr: x  # kept\n  en: |\n    one\n    two\n\n  ar: y\nb: 1\n"
    assert put(text, (), "marks", {"a": {"en": "12345678", "no": "abcdef12"}}) == (
        text + 'marks:\n  a: {en: "12345678", "no": abcdef12}\n')
    with pytest.raises(EditError):
        put("- {fr: x}\n- k: 1\n", (1,), "k", None)


def test_docstring_examples_hold() -> None:
    from voisinage.editors import yamledit

    assert doctest.testmod(tracking).failed == 0 and doctest.testmod(yamledit).failed == 0


def test_exchange_units_are_in_file_order(tracked: Path) -> None:
    found = exchange.units(catalogue(tracked), "zh")
    assert [u.text.path for u in found][:1] == ["content/portal.yml"]
    assert {u.state for u in found} == {"translated", "machine", "missing"}
    assert shutil.which("msgfmt"), "gettext is a Debian package of scripts/setup"
