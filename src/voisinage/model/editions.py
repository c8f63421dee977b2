# Records now + their git history (records/history.py) → for each mission and territory, the
# editions its leaflets have had: what each printed of the facts a resident acts on (phones,
# addresses, opening hours, temporary closures, the services listed, the mission's end) and the
# date printed on it → the number of the edition a leaflet printed today carries in its QR code,
# and, for each older edition, what changed since (`changes`), for the page its QR code opens.
# The history is read once and kept in .cache/voisinage/editions.json, keyed by the commit: an
# unchanged repository costs one `git rev-parse`; a new commit, only the commits since.
"""Leaflet editions: what each edition of a leaflet printed, and what changed since."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml

from ..messages import _
from ..phones import parse_phone
from ..records import history, missions
from ..records.loading import Catalogue

log = logging.getLogger("voisinage")

Subject = tuple[str, str]  # ("mission", "energie-2026"), ("territory", "ris-orangis")
FORMAT = 2  # of the cache file
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Facts:
    """What a leaflet prints of one service (or of the local branch) that a resident acts on."""

    name: dict[str, str]  # language → name; the branch's is under "*"
    phones: tuple[str, ...] = ()
    address: str | None = None
    hours: str | None = None
    closure: tuple[str, str] | None = None  # first and last day, ISO
    closure_message: dict[str, str] | None = None  # what to do meanwhile (not part of the key)

    def essentials(self) -> list[Any]:
        return [list(self.phones), self.address, self.hours, self.closure and list(self.closure)]


@dataclass(frozen=True)
class Snapshot:
    """What one edition of a mission's or territory's leaflets printed."""

    territory: str
    printed: str | None  # the date printed on it (ISO): the newest check of what it shows
    services: dict[str, Facts]
    branch: Facts | None = None
    mission_end: str | None = None
    pinned: str | None = None  # the mission's short_code then (not a fact of the paper)

    @property
    def key(self) -> str:
        """What tells two editions apart: the date printed and the facts, names aside."""
        facts = [self.printed, self.mission_end, self.branch and self.branch.phones,
                 {sid: f.essentials() for sid, f in sorted(self.services.items())}]
        return hashlib.sha256(json.dumps(facts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Edition:
    number: int  # 1, 2, … in the order they were first published
    snapshot: Snapshot
    since: str  # the day it was first committed (ISO), "" when not committed yet

    @property
    def committed(self) -> bool:
        return bool(self.since)


@dataclass(frozen=True)
class Change:
    """One fact a holder of an older edition should know: kind, whose, before and now."""

    kind: str  # phone, address, hours, closed, removed, mission_ends, mission_ended, gone
    name: dict[str, str] = field(default_factory=dict)
    old: str = ""
    new: str = ""  # phones, address, hours spec, last day closed, mission's end
    start: str = ""  # first day closed
    message: dict[str, str] | None = None  # the closure's message


@dataclass
class Register:
    """Every edition of every mission's and territory's leaflets, and which one is current."""

    editions: dict[Subject, list[Edition]]
    current: dict[Subject, Snapshot]  # live subjects only
    source: str  # how it was made, for the build log and the command line
    tracked: bool = True  # read from git; else every leaflet is a first edition
    commits: int = 0  # commits of the records read
    since: date | None = None  # portal.yml editions_since

    def number(self, subject: Subject) -> int:
        """The edition a leaflet of `subject` printed today carries (1 for the first)."""
        now = self.current.get(subject)
        return next((e.number for e in self.editions.get(subject, []) if now is not None
                     and e.snapshot.key == now.key), 1)

    def changes(self, subject: Subject, edition: Edition, today: date) -> list[Change]:
        """What changed since `edition` was printed: nothing for the current one."""
        return diff(edition.snapshot, self.current.get(subject), today)

    @property
    def digest(self) -> str:
        """The same for every build of the same history and records: shards compare it."""
        seen = {f"{k}:{i}": [e.snapshot.key for e in eds] for (k, i), eds in self.editions.items()}
        return hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()


def register(cat: Catalogue, cache: Path | None = None) -> Register:
    """The register of a portal's leaflet editions, from its records and their git history.
    Raises history.HistoryError in a shallow clone (old QR codes would open the wrong page)."""
    settings = cat.portal.record
    content = cat.portal.path.parent
    repo = history.repository(content)
    count = 0
    if repo is None:
        past: dict[Subject, list[Edition]] = {}
        source = _("no git history of the records: every leaflet is a first edition")
    else:
        target = cache or cat.root / ".cache" / "voisinage" / "editions.json"
        past, count = _from_history(repo, settings.editions_since, target)
        source = _("git history of {folder}: {count} commits read", folder=repo.prefix or "./",
                   count=count) + (_(" (editions since {date})", date=settings.editions_since)
                                   if settings.editions_since else "")
    now = _CatalogueFiles(cat)
    current = {s: snap for s in live_subjects(cat) if (snap := snapshot_of(s, now)) is not None}
    editions = {s: list(eds) for s, eds in past.items()}
    for subject, snap in current.items():
        mine = editions.setdefault(subject, [])
        if all(e.snapshot.key != snap.key for e in mine):
            mine.append(Edition(len(mine) + 1, snap, ""))
    return Register(editions, current, source, repo is not None, count,
                    settings.editions_since)


def live_subjects(cat: Catalogue) -> list[Subject]:
    return ([("mission", m) for m in missions.live(cat)]
            + [("territory", t) for t in cat.territories])


def diff(old: Snapshot, now: Snapshot | None, today: date) -> list[Change]:
    """The facts of `now` a holder of the `old` paper should know, in the paper's order."""
    if now is None:
        return [Change("gone")]
    found: list[Change] = []
    for sid, was in old.services.items():
        found += _service_changes(was, now.services.get(sid), today)
    if old.branch and now.branch and old.branch.phones != now.branch.phones:
        found.append(Change("phone", now.branch.name, *_phones_changed(old.branch, now.branch)))
    if old.mission_end != now.mission_end and now.mission_end:
        ended = date.fromisoformat(now.mission_end) < today
        found.append(Change("mission_ended" if ended else "mission_ends", new=now.mission_end))
    return found


def _service_changes(was: Facts, now: Facts | None, today: date) -> Iterator[Change]:
    if now is None:
        yield Change("removed", was.name)
        return
    if was.phones != now.phones:
        yield Change("phone", now.name, *_phones_changed(was, now))
    if was.address != now.address and now.address:
        yield Change("address", now.name, was.address or "", now.address)
    if was.hours != now.hours and now.hours:
        yield Change("hours", now.name, was.hours or "", now.hours)
    if now.closure and now.closure != was.closure and date.fromisoformat(now.closure[1]) >= today:
        yield Change("closed", now.name, new=now.closure[1], start=now.closure[0],
                     message=now.closure_message)


def _phones_changed(was: Facts, now: Facts) -> tuple[str, str]:
    """The numbers that changed, before and now; all of them when one was only added or only
    removed (so that "before" and "now" both say something)."""
    gone = [p for p in was.phones if p not in now.phones]
    new = [p for p in now.phones if p not in was.phones]
    if not (gone and new):
        gone, new = list(was.phones), list(now.phones)
    return " / ".join(gone) or "—", " / ".join(new) or "—"


# -- snapshots of records, now or in the past ------------------------------------------------
class Files(Protocol):
    """Record files by path under the content folder, as plain YAML values."""

    def value(self, path: str) -> Any: ...

    def paths(self, folder: str) -> list[str]: ...


def snapshot_of(subject: Subject, files: Files) -> Snapshot | None:
    """What the leaflets of a mission or territory print, from its records as they are in
    `files` (None when the mission or territory does not exist there). Lenient: a record of
    long ago may not follow today's schema; what cannot be read counts as absent."""
    kind, ident = subject
    end = pinned = None
    if kind == "mission":
        mission = _mapping(files.value(f"missions/{ident}.yml"))
        tid = mission.get("territory")
        sids = [s for s in mission.get("services") or [] if isinstance(s, str)]
        end = _iso(_mapping(mission.get("period")).get("end"))
        pinned = mission.get("short_code") if isinstance(mission.get("short_code"), str) else None
    else:
        tid = ident
        sids = [Path(p).stem for p in files.paths(f"services/{tid}")]
    territory = _mapping(files.value(f"territories/{tid}.yml")) if isinstance(tid, str) else {}
    if not territory:
        return None
    services: dict[str, Facts] = {}
    dates: list[str] = []
    for sid in sids:
        raw = _mapping(files.value(f"services/{tid}/{sid}.yml"))
        if raw:
            services[sid] = _facts(raw, raw.get("name"))
            dates += filter(None, [_iso(raw.get("assured_date"))])
    branch = _mapping(territory.get("branch"))
    return Snapshot(str(tid), max(dates, default=None), services,
                    _facts(branch, {"*": str(branch.get("name", ""))}) if branch else None,
                    end, pinned)


def _facts(raw: Mapping[str, Any], name: Any) -> Facts:
    phones = tuple(_display(p.get("number")) for p in raw.get("phones") or []
                   if isinstance(p, dict) and p.get("number") is not None)
    address = _mapping(raw.get("address"))
    where = ", ".join(str(address[k]) for k in ("address_1", "address_2") if address.get(k))
    if address.get("city"):
        where += f", {address.get('postal_code', '')} {address['city']}".replace("  ", " ")
    closure = _mapping(raw.get("temporary_closure"))
    span = (_iso(closure.get("start")), _iso(closure.get("end")))
    hours = raw.get("opening_hours")
    message = _mapping(closure.get("message"))
    return Facts(_texts(name), phones, where or None, hours if isinstance(hours, str) else None,
                 (span[0], span[1]) if span[0] and span[1] else None, _texts(message) or None)


def _texts(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _display(number: Any) -> str:
    try:
        return parse_phone(str(number)).display
    except ValueError:
        return str(number)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _iso(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat() if value is not None else None
    except ValueError:
        return None


class _CatalogueFiles:
    """The records as loaded now (already checked)."""

    def __init__(self, cat: Catalogue) -> None:
        content = cat.portal.path.parent
        entries = [*cat.territories.values(), *cat.all_services(), *cat.missions.values()]
        self._values = {e.path.relative_to(content).as_posix(): e.doc.value for e in entries}
        self._folders: dict[str, list[str]] = {}
        for path in sorted(self._values):
            self._folders.setdefault(path.rsplit("/", 1)[0], []).append(path)

    def value(self, path: str) -> Any:
        return self._values.get(path) or self._values.get(path.removesuffix(".yml") + ".yaml")

    def paths(self, folder: str) -> list[str]:
        return self._folders.get(folder, [])


# -- the history ------------------------------------------------------------------------------
class _State:
    """The content folder at one commit: path → blob, read and parsed when asked."""

    def __init__(self, blobs: history.Blobs, files: dict[str, str]) -> None:
        self.blobs, self.files = blobs, files
        self._parsed: dict[str, Any] = {}
        self._folders: dict[str, set[str]] = {}
        for path in files:
            self._folders.setdefault(path.rsplit("/", 1)[0], set()).add(path)

    def apply(self, changes: Mapping[str, str | None]) -> None:
        for path, blob in changes.items():
            folder = self._folders.setdefault(path.rsplit("/", 1)[0], set())
            if blob is None:
                self.files.pop(path, None)
                folder.discard(path)
            else:
                self.files[path] = blob
                folder.add(path)

    def value(self, path: str) -> Any:
        blob = self.files.get(path) or self.files.get(path.removesuffix(".yml") + ".yaml")
        if blob is None:
            return None
        if blob not in self._parsed:
            try:
                self._parsed[blob] = yaml.load(self.blobs.get(blob).decode("utf-8"), Loader=_LOADER)
            except (yaml.YAMLError, UnicodeDecodeError):
                self._parsed[blob] = None
        return self._parsed[blob]

    def paths(self, folder: str) -> list[str]:
        return sorted(p for p in self._folders.get(folder, ()) if p.endswith((".yml", ".yaml")))

    def subjects(self) -> list[Subject]:
        return ([("mission", Path(p).stem) for p in self.paths("missions")]
                + [("territory", Path(p).stem) for p in self.paths("territories")])

    def affected(self, paths: Iterable[str]) -> list[Subject]:
        """The missions and territories whose leaflets show a file changed in a commit."""
        found: dict[Subject, None] = {}
        for path in paths:
            parts = path.split("/")
            if parts[0] == "missions" and len(parts) == 2:
                found[("mission", Path(path).stem)] = None
            elif parts[0] in ("services", "territories") and len(parts) in (2, 3):
                tid = parts[1] if parts[0] == "services" else Path(path).stem
                found[("territory", tid)] = None
                found.update(dict.fromkeys(
                    ("mission", Path(p).stem) for p in self.paths("missions")
                    if _mapping(self.value(p)).get("territory") == tid))
        return list(found)


def _from_history(repo: history.Repository, since: date | None,
                  cache: Path) -> tuple[dict[Subject, list[Edition]], int]:
    """Editions read from the first-parent history of HEAD, continuing from the cache."""
    saved = _load(cache, repo.prefix, since)
    sha = history.head(repo)
    if saved and saved["head"] == sha:
        return _editions(saved["editions"]), saved["commits"]
    if saved and not history.is_ancestor(repo, saved["head"], sha):
        saved = None
    start = saved or {"files": {}, "editions": {}, "recording": since is None, "commits": 0}
    editions = _editions(start["editions"])
    recording: bool = start["recording"]
    commits = history.commits(repo, after=saved["head"] if saved else None)
    with history.Blobs(repo) as blobs:
        state = _State(blobs, dict(start["files"]))
        for commit in commits:
            day = commit.when.date()
            if not recording and since is not None and day >= since:
                recording = True  # the leaflets in print that day are the first editions
                for subject in state.subjects():
                    _record(editions, subject, state, since)
            state.apply(commit.changes)
            if recording:
                for subject in state.affected(commit.changes):
                    _record(editions, subject, state, day)
        if not recording and since is not None and since <= date.today():
            recording = True  # no commit since that day: what HEAD holds was in print then
            for subject in state.subjects():
                _record(editions, subject, state, since)
    count = start["commits"] + len(commits)
    _save(cache, {"format": FORMAT, "prefix": repo.prefix, "since": since and since.isoformat(),
                  "head": sha, "files": state.files, "recording": recording, "commits": count,
                  "editions": _plain(editions)})
    return editions, count


def _record(editions: dict[Subject, list[Edition]], subject: Subject, files: Files,
            day: date) -> None:
    snap = snapshot_of(subject, files)
    if snap is None:
        return
    mine = editions.setdefault(subject, [])
    if all(e.snapshot.key != snap.key for e in mine):
        mine.append(Edition(len(mine) + 1, snap, day.isoformat()))


def _load(cache: Path, prefix: str, since: date | None) -> dict[str, Any] | None:
    try:
        saved: dict[str, Any] = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    wanted = (FORMAT, prefix, since and since.isoformat())
    found = (saved.get("format"), saved.get("prefix"), saved.get("since"))
    return saved if found == wanted else None


def _save(cache: Path, data: dict[str, Any]) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(".part")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache)
    except OSError as error:  # a read-only checkout still builds; it reads the history again
        log.info("voisinage: editions not cached (%s)", error)


def _plain(editions: dict[Subject, list[Edition]]) -> dict[str, list[Any]]:
    return {f"{k}/{i}": [asdict(e) for e in eds] for (k, i), eds in editions.items()}


def _editions(saved: dict[str, list[Any]]) -> dict[Subject, list[Edition]]:
    out: dict[Subject, list[Edition]] = {}
    for name, eds in saved.items():
        kind, ident = name.split("/", 1)
        out[(kind, ident)] = [Edition(e["number"], _snapshot(e["snapshot"]), e["since"])
                              for e in eds]
    return out


def _snapshot(data: dict[str, Any]) -> Snapshot:
    def facts(raw: dict[str, Any] | None) -> Facts | None:
        if raw is None:
            return None
        closure = raw.get("closure")
        return Facts(raw["name"], tuple(raw["phones"]), raw["address"], raw["hours"],
                     (closure[0], closure[1]) if closure else None, raw.get("closure_message"))

    services = {sid: f for sid, raw in data["services"].items() if (f := facts(raw)) is not None}
    return Snapshot(data["territory"], data["printed"], services, facts(data["branch"]),
                    data["mission_end"], data["pinned"])
