"""Bounded look at an installation archive (a .zip of backups) before anything is written.

An archive comes from outside (a copy carried on a USB stick, an e-mail): its member names,
its declared sizes and its compression ratios are checked before one byte is inflated, the
way core/xlsx_guard.py checks a workbook:

- the member names: only the names the caller allows (a fixed list), each once; a name with
  `..`, a leading `/`, a backslash or a drive letter is refused, never "cleaned" — members
  are never extracted by their own name anyway (`copy_member` writes to a path we chose);
- the number of members, each member's and the total uncompressed size (Python's zipfile
  never inflates a member past its declared size, and a short one fails its CRC, so the
  declared sizes bind), and the free space of the folder the members go to;
- the compression ratio of a large member: a real backup of this app (text, JPEG photos)
  deflates 5–20 times; a member that claims a hundred times more is a bomb.
"""
import shutil
import zipfile
from pathlib import Path

from core import texts
from core.numbers import integer as _n

MAX_MEMBERS = 1_100  # a city's wards (126 in Hà Nội) with room, plus the directory
MAX_MEMBER_BYTES = 8 * 1024 ** 3  # one organiser's database, uncompressed
MAX_TOTAL_BYTES = 64 * 1024 ** 3  # the whole installation, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, checked on members above RATIO_FROM_BYTES
RATIO_FROM_BYTES = 32 * 1024 ** 2
FREE_SPACE_MARGIN = 256 * 1024 ** 2  # left free after unpacking: the server keeps writing
_CHUNK = 1024 * 1024


class ArchiveRefused(Exception):
    """The Vietnamese reason an archive is refused before anything was written."""


def open_archive(path) -> zipfile.ZipFile:
    """The archive at `path`, or ArchiveRefused when it is not a whole zip file (a truncated
    download has no central directory at its end)."""
    try:
        return zipfile.ZipFile(Path(path))
    except FileNotFoundError:
        raise ArchiveRefused(texts.ARC_MISSING_FILE.format(path=path)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ArchiveRefused(texts.ARC_NOT_ZIP) from None


def unsafe_name(name: str) -> bool:
    """A member name that could point outside a folder if anyone ever extracted it."""
    parts = name.replace("\\", "/").split("/")
    return (name.startswith(("/", "\\")) or "\\" in name or ":" in name or "\x00" in name
            or any(part in ("", ".", "..") for part in parts))


def check(archive: zipfile.ZipFile, allowed, unpack_to: Path,
          also_needed: int = 0) -> dict[str, zipfile.ZipInfo]:
    """{name: member} of an archive whose every member is allowed (`allowed(name)` is true),
    present once, within the bounds, with room in `unpack_to` for the members, one more
    copy of the largest (a member is rebuilt beside its unpacked copy) and `also_needed`
    bytes (the caller's own copies). Raises ArchiveRefused otherwise, before anything was
    read from a member."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ArchiveRefused(texts.ARC_TOO_MANY_MEMBERS.format(
            count=_n(len(members)), max=_n(MAX_MEMBERS)))
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for member in members:
        name = member.filename
        if unsafe_name(name):
            raise ArchiveRefused(texts.ARC_UNSAFE_NAME.format(name=_shown(name)))
        if not allowed(name):
            raise ArchiveRefused(texts.ARC_FOREIGN_MEMBER.format(name=_shown(name)))
        if name in found:
            raise ArchiveRefused(texts.ARC_DUPLICATE_MEMBER.format(name=_shown(name)))
        _check_size(member)
        found[name] = member
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise ArchiveRefused(texts.ARC_TOO_BIG.format(gb=MAX_TOTAL_BYTES // 1024 ** 3))
    free = shutil.disk_usage(unpack_to).free
    need = total + max((m.file_size for m in found.values()), default=0) + also_needed
    if need + FREE_SPACE_MARGIN > free:
        raise ArchiveRefused(texts.ARC_NO_ROOM.format(
            need=_n(need // 1024 ** 2 + 1), free=_n(free // 1024 ** 2)))
    return found


def _check_size(member: zipfile.ZipInfo) -> None:
    if member.file_size > MAX_MEMBER_BYTES:
        raise ArchiveRefused(texts.ARC_MEMBER_TOO_BIG.format(
            name=_shown(member.filename), gb=MAX_MEMBER_BYTES // 1024 ** 3))
    if member.file_size > RATIO_FROM_BYTES and \
            member.file_size > MAX_RATIO * max(member.compress_size, 1):
        raise ArchiveRefused(texts.ARC_BOMB.format(name=_shown(member.filename)))


def copy_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, dest: Path) -> None:
    """Inflate `member` into the file `dest` (a path the caller chose), refusing a member that
    inflates past its declared size or fails its checksum."""
    written = 0
    try:
        with archive.open(member) as source, open(dest, "wb") as target:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > member.file_size:  # zipfile stops there itself; never trust it
                    raise ArchiveRefused(texts.ARC_BOMB.format(name=_shown(member.filename)))
                target.write(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        # zlib's and zipfile's words ("Bad CRC-32 …") stay in English, after ours
        raise ArchiveRefused(texts.ARC_MEMBER_DAMAGED.format(
            name=_shown(member.filename), reason=error)) from None


def read_small(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    """A small member (the manifest) as bytes, refused above `limit` bytes."""
    if member.file_size > limit:
        raise ArchiveRefused(texts.ARC_MEMBER_TOO_BIG_KB.format(
            name=_shown(member.filename), kb=_n(limit // 1024)))
    try:
        with archive.open(member) as source:
            return source.read(limit + 1)[:limit + 1]
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise ArchiveRefused(texts.ARC_MEMBER_DAMAGED.format(
            name=_shown(member.filename), reason=error)) from None


def _shown(name: str) -> str:
    """A member name as it may be quoted in a message: printable, bounded."""
    clean = "".join(c if c.isprintable() else "?" for c in name)
    return clean if len(clean) <= 80 else clean[:77] + "…"
