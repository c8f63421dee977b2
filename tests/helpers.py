"""Factories for tests: a tiny portal written into a temporary folder, and a way to build it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

PORTAL = """\
name: {fr: "Portail test", en: "Test portal", ar: "بوابة تجريبية", zh: "测试门户"}
site_url: "https://example.org/test/"
default_language: fr
example: true
languages:
  - {code: fr, name: "Français", dir: ltr}
  - {code: en, name: "English", dir: ltr}
  - {code: ar, name: "العربية", dir: rtl}
  - {code: zh, name: "简体中文", dir: ltr}
themes:
  - {id: rights, name: {fr: "Droits et aides", en: "Rights and benefits", ar: "الحقوق والمساعدات", zh: "权利和补助"}}
  - {id: culture, name: {fr: "Culture", en: "Culture", ar: "الثقافة", zh: "文化"}}
partners:
  - {id: caf, name: "Caisse d'allocations familiales (CAF)", kind: public_body, url: "https://www.caf.fr/"}
"""

TERRITORY = """\
name: {fr: "Ris-Orangis — Le Plateau", en: "Ris-Orangis — Le Plateau", ar: "ريس أورانجيس", zh: "里斯奥朗吉斯"}
town: "Ris-Orangis"
department: {code: "91", name: "Essonne"}
languages: [fr, ar]
bounds: {south: 48.62, west: 2.38, north: 48.67, east: 2.44}
branch:
  name: "Voisin Malin Ris-Orangis (exemple)"
  email: "ris@example.org"
  phones: [{number: "01 99 00 10 00"}]
"""

CAF = """\
name:
  fr: "Caisse d'allocations familiales (CAF)"
  en: "Family benefits office (CAF)"
  ar: "صندوق الإعانات العائلية"
  zh: "家庭补助局"
alternate_name: "CAF"
description:
  fr: "La CAF verse les allocations familiales et les aides au logement."
  en: "The CAF pays family allowances and housing aid."
  ar: "يدفع الصندوق الإعانات العائلية ومساعدات السكن."
  zh: "家庭补助局发放家庭补贴和住房补助。"
themes: [rights]
partner: caf
application_process:
  fr: "Appelez le 3230 ou allez sur caf.fr."
  en: "Call 3230 or go to caf.fr."
required_documents:
  - {fr: "Pièce d'identité", en: "Identity document", ar: "وثيقة الهوية", zh: "身份证件"}
languages: [fr]
french_required: true
address: {address_1: "1 rue de l'Exemple", city: "Ris-Orangis", postal_code: "91130"}
latitude: 48.65
longitude: 2.41
phones:
  - number: "3230"
  - number: "01 99 00 12 34"
opening_hours: 'Mo-Fr 09:00-12:00,13:30-16:30; We 14:00-16:00 "sur rendez-vous"; PH off'
assured_date: 2026-11-20
source: "https://caf.fr/allocataires/actualites/2020/un-numero-unique-pour-contacter-la-caf-le-3230"
machine_translations: [ar, zh]
"""

LIBRARY = """\
name: {fr: "Médiathèque <script>alert('x')</script>", en: "Library", ar: "المكتبة", zh: "图书馆"}
description:
  fr: "Livres **gratuits**. <img src=x onerror=alert(1)>"
  en: "Free books."
  ar: "كتب مجانية."
  zh: "免费图书。"
themes: [culture]
assured_date: 2026-10-01
example: true
"""


def write_portal(root: Path, services: dict[str, str] | None = None) -> Path:
    """A tiny portal (4 languages, 1 territory) in root; returns root."""
    content = root / "content"
    (content / "territories").mkdir(parents=True)
    (content / "portal.yml").write_text(PORTAL, encoding="utf-8")
    (content / "territories" / "ris-orangis.yml").write_text(TERRITORY, encoding="utf-8")
    folder = content / "services" / "ris-orangis"
    folder.mkdir(parents=True)
    for name, text in (services if services is not None else {"caf": CAF}).items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    (root / "pages").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS.format(overrides=REPO / "overrides"), encoding="utf-8")
    return root


REPO = Path(__file__).resolve().parent.parent

MKDOCS = textwrap.dedent("""\
    site_name: Test
    site_url: https://example.org/test/
    docs_dir: pages
    site_dir: site
    theme: {{name: material, custom_dir: "{overrides}", language: fr, font: false}}
    extra_css: [assets/stylesheets/voisinage.css]
    plugins:
      - voisinage
      - search
      - i18n:
          docs_structure: suffix
          reconfigure_search: false
          languages:
            - {{locale: fr, name: Français, default: true, build: true}}
            - {{locale: en, name: English, build: true}}
            - {{locale: ar, name: العربية, build: true}}
            - {{locale: zh, name: 简体中文, build: true}}
    validation: {{nav: {{omitted_files: ignore}}}}
    """)


def mkdocs_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build` in root, as an editor would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args], cwd=root, env=env,
        capture_output=True, text=True, timeout=600,
    )

TRICKY = """\
name: {fr: "Aide aux devoirs 3 < 5 & « Tom »", en: "Homework help 3 < 5 & Tom", ar: "مساعدة في الواجبات", zh: "作业辅导"}
description:
  fr: "Le mardi, pour les **enfants** de 6 à 11 ans. Voir [le site](https://example.org/devoirs)."
  en: "On Tuesdays, for children aged 6 to 11."
  ar: "يوم الثلاثاء، للأطفال من 6 إلى 11 سنة."
  zh: "每周二，面向6至11岁的儿童。"
themes: [culture]
languages: [fr, ar]
french_required: false
opening_hours: "Tu 16:30-18:00"
assured_date: 2026-10-01
example: true
"""

SECOND_TERRITORY = """\
name: {fr: "Saint-Denis — Franc-Moisin", en: "Saint-Denis — Franc-Moisin", ar: "سان دوني", zh: "圣但尼"}
town: "Saint-Denis"
department: {code: "93", name: "Seine-Saint-Denis"}
bounds: {south: 48.90, west: 2.32, north: 48.96, east: 2.40}
branch: {name: "Voisin Malin Saint-Denis (exemple)"}
"""

SECOND_TERRITORY_SERVICE = """\
name: {fr: "Centre de PMI", en: "Mother and child health centre (PMI)", ar: "مركز حماية الأم والطفل", zh: "母婴保健中心"}
description: {fr: "Consultations gratuites pour les enfants de moins de 6 ans.", en: "Free check-ups for children under 6."}
themes: [rights]
assured_date: 2026-11-02
example: true
"""

OPEN_DATA_SERVICE = """\
name: {fr: "Permanence logement", en: "Housing drop-in", ar: "مكتب استقبال السكن"}
alternate_name: "</script><script>alert(1)</script><!--"
description:
  fr: "Des conseils pour le **logement** : loyer, charges, demande de logement social."
  en: "Advice on housing: rent, charges, social housing applications."
themes: [rights]
fees_description: {fr: "Gratuit."}
application_process:
  fr: |
    - Venez le mardi matin.
    - Ou appelez le 01 99 00 45 67.
required_documents:
  - {fr: "Avis d'imposition", en: "Tax notice"}
languages: [fr, ar]
french_required: false
accessibility: {fr: "Au rez-de-chaussée, sans marche."}
address: {address_1: "2 place des Exemples", address_2: "Bâtiment B & C", city: "Bourg-en-Bresse", postal_code: "01000"}
phones: [{number: "01 99 00 45 67", description: {fr: "Accueil"}}]
opening_hours: 'Tu 09:00-12:00; Th 14:00-17:00 "sur rendez-vous"; PH off'
temporary_closure: {start: 2020-01-01, end: 2099-12-31, message: {fr: "Travaux dans le local."}}
assured_date: 2026-09-15
example: true
"""
"""A service without partner, with a leading-zero postal code, a closure and hostile plain text."""

GLOSSARY = """\
machine_translations: [ar, zh]
entries:
  - term: "Caisse d'allocations familiales"
    aliases: [CAF]
    source: "https://www.caf.fr/"
    definition:
      fr: "L’organisme public qui verse les allocations familiales et les aides au logement (APL)."
      en: "The public body that pays family allowances and housing aid (APL)."
      ar: "الهيئة العامة التي تدفع المنح العائلية ومساعدات السكن (APL)."
      zh: "发放家庭补助金和住房补助（APL）的公共机构。"
  - term: "Aide personnalisée au logement"
    aliases: [APL]
    definition:
      fr: "Une aide de la CAF pour payer une partie du loyer."
      en: "Help from the CAF to pay part of your rent."
      ar: "مساعدة من الـ CAF لدفع جزء من الإيجار."
      zh: "CAF 发放的补助，用来支付一部分房租。"
  - term: "Aide médicale de l'État"
    aliases: [AME]
    definition:
      fr: "La prise en charge des soins pour les personnes étrangères sans titre de séjour."
      en: "Health cover for foreign nationals without a residence permit."
      ar: "تغطية تكاليف العلاج للأجانب الذين ليس لديهم بطاقة إقامة."
      zh: "为没有居留证的外国人支付医疗费用。"
  - term: "Domiciliation"
    definition:
      fr: "Une adresse pour recevoir son courrier quand on n’a pas de logement stable."
      en: "A postal address to receive your mail when you have no stable home."
      ar: "عنوان لاستلام بريدك عندما لا يكون لديك سكن ثابت."
      zh: "没有固定住所时用来收信的地址。"
"""
"""content/glossary.yml of the tiny portal: acronyms, a term with an apostrophe, every text
translated (Arabic and Chinese machine-made)."""


def write_glossary(root: Path, text: str = GLOSSARY) -> Path:
    """Add content/glossary.yml to a portal written by write_portal; returns root."""
    (root / "content" / "glossary.yml").write_text(text, encoding="utf-8")
    return root
