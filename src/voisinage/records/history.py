# content/ in git → the commits that changed it, oldest first, along the first-parent line (what
# the main branch published, merges included, not the work inside merged branches), each with the
# files it changed → and the text of any file version (blob), read in one `git cat-file` process.
# model/editions.py turns them into leaflet editions. Nothing here parses or judges records.
"""Past versions of the records, from the git history of the content folder."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..messages import _


class HistoryError(Exception):
    """The history is there but cannot be read whole; the message says what to do."""


@dataclass(frozen=True)
class Repository:
    top: Path  # the working tree's root
    prefix: str  # the content folder, relative to it, with a trailing slash: "content/"


@dataclass(frozen=True)
class Commit:
    sha: str
    when: datetime
    changes: dict[str, str | None]  # path under the content folder → blob, or None if deleted


def repository(content: Path) -> Repository | None:
    """The git repository that tracks the content folder, or None (no git, or not tracked)."""
    try:
        top = _git(content, "rev-parse", "--show-toplevel").strip()
        prefix = _git(content, "rev-parse", "--show-prefix").strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    repo = Repository(Path(top), prefix)
    try:
        tracked = _git(repo.top, "ls-files", "--", prefix or ".").strip()
    except subprocess.CalledProcessError:
        return None
    return repo if tracked else None


def head(repo: Repository) -> str:
    return _git(repo.top, "rev-parse", "HEAD").strip()


def is_ancestor(repo: Repository, old: str, new: str) -> bool:
    try:
        subprocess.run(["git", "-C", str(repo.top), "merge-base", "--is-ancestor", old, new],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def commits(repo: Repository, after: str | None = None) -> list[Commit]:
    """The commits of HEAD's first-parent line that changed the content folder, oldest first
    (only those after `after`, when given). Raises HistoryError in a shallow clone: a history
    cut short would count editions wrongly, and old leaflets would open the wrong page."""
    if _git(repo.top, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise HistoryError(_(
            "this is a shallow clone of the repository: the history of the leaflets' editions "
            "is incomplete — fetch it whole (`git fetch --unshallow`; in GitHub Actions, "
            "`actions/checkout` with `fetch-depth: 0`)"))
    span = f"{after}..HEAD" if after else "HEAD"
    out = _git(repo.top, "log", "--first-parent", "--diff-merges=first-parent", "--reverse",
               "--raw", "--no-renames", "--no-abbrev", "--format=%x00%H %cI", span, "--",
               repo.prefix or ".")
    found: list[Commit] = []
    for block in out.split("\0")[1:]:
        first, *lines = block.strip("\n").split("\n")
        sha, when = first.split(" ", 1)
        changes: dict[str, str | None] = {}
        for line in lines:
            if not line.startswith(":"):
                continue
            meta, path = line.split("\t", 1)
            blob, status = meta.split()[3], meta.split()[4]
            changes[path.removeprefix(repo.prefix)] = None if status == "D" else blob
        found.append(Commit(sha, datetime.fromisoformat(when), changes))
    return found


class Blobs:
    """Reads file versions by blob id through one `git cat-file --batch`, each once."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self._process: subprocess.Popen[bytes] | None = None
        self._read: dict[str, bytes] = {}

    def __enter__(self) -> Blobs:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait()

    def get(self, blob: str) -> bytes:
        if blob not in self._read:
            self._read[blob] = self._fetch(blob)
        return self._read[blob]

    def _fetch(self, blob: str) -> bytes:
        if self._process is None:
            command = ["git", "-C", str(self.repo.top), "cat-file", "--batch"]
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(blob.encode() + b"\n")
        self._process.stdin.flush()
        header = self._process.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            return b""
        data = self._process.stdout.read(int(header[2]))
        self._process.stdout.read(1)  # the newline after the content
        return data


def _git(where: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True,
                          text=True).stdout
