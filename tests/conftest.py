"""Shared fixtures: one tiny portal built once per test session, as a user would build it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import (
    CAF,
    SECOND_TERRITORY,
    SECOND_TERRITORY_SERVICE,
    TRICKY,
    mkdocs_build,
    write_glossary,
    write_portal,
)

# The tests read the tool's messages in English (the language of the code); French ones are
# asserted where a test asks for them (`LANG=fr_FR.UTF-8`, `--lang fr`). Subprocesses inherit it.
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "en_US.UTF-8"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site/ of a tiny portal: 4 languages, 2 territories, 3 services, a glossary."""
    root = write_portal(tmp_path_factory.mktemp("portal"), {"caf": CAF, "tricky": TRICKY})
    write_glossary(root)
    (root / "content" / "territories" / "saint-denis.yml").write_text(SECOND_TERRITORY, encoding="utf-8")
    folder = root / "content" / "services" / "saint-denis"
    folder.mkdir()
    (folder / "pmi.yml").write_text(SECOND_TERRITORY_SERVICE, encoding="utf-8")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"
