"""Discovery: walk the input paths and hash every file, so later stages key on content, not on names.

Every path the walk meets ends as exactly one of: a file to read (hashed), or a rejection saying why it cannot
be read (missing, a broken symlink, a symlink loop, a FIFO or device, an unreadable file or directory, an
empty file). Hidden entries (a name starting with ".") inside a walked directory are not inputs: landing
zones keep partial uploads and tool state there.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tasks.ids import file_sha256
from tasks.records import InputFile, Rejected, display_path


@dataclass
class Discovery:
    """Result of walking the input paths: readable files, plus a rejection for every path that cannot be read."""

    files: list[InputFile] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    _rejected_paths: set[str] = field(default_factory=set, repr=False)

    def reject(self, path: str, kind: str, message: str) -> None:
        shown = display_path(path)
        if shown not in self._rejected_paths:  # a path named by two inputs is still one rejection
            self._rejected_paths.add(shown)
            self.rejected.append(Rejected(shown, None, "discover", kind, message))


class _Walk:
    """A depth-first walk that follows symlinked directories once and reports every path it cannot use."""

    def __init__(self, found: Discovery) -> None:
        self.found = found
        self.files: dict[Path, str] = {}  # one entry per file however it was named (a/./b is a/b)
        self.ancestors: list[tuple[int, int]] = []  # (device, inode) of the directories being walked

    def entry(self, path: str) -> None:
        try:
            info = os.stat(path)  # follows symlinks
        except FileNotFoundError:
            if os.path.islink(path):
                self.found.reject(path, "broken_symlink", f"symlink to {os.readlink(path)!r}, which does not exist")
            else:
                self.found.reject(path, "missing_path", f"{display_path(path)} does not exist")
            return
        except OSError as error:  # a symlink loop (ELOOP), a permission error on the way
            kind = "symlink_loop" if error.errno == errno.ELOOP else "unreadable_file"
            self.found.reject(path, kind, f"cannot stat: {error.strerror}")
            return
        if stat.S_ISDIR(info.st_mode):
            self.directory(path, (info.st_dev, info.st_ino))
        elif stat.S_ISREG(info.st_mode):
            self.files.setdefault(Path(path), path)
        else:
            # Opening a FIFO blocks until someone writes to it; a device is no article.
            self.found.reject(path, "special_file", f"not a regular file ({_file_type(info.st_mode)})")

    def directory(self, path: str, identity: tuple[int, int]) -> None:
        if identity in self.ancestors:
            self.found.reject(path, "symlink_loop", "symlink back to a directory that contains it")
            return
        try:
            names = sorted(os.listdir(path))
        except OSError as error:
            self.found.reject(path, "unreadable_directory", f"cannot list directory: {error.strerror}")
            return
        self.ancestors.append(identity)
        for name in names:
            if not name.startswith("."):
                self.entry(os.path.join(path, name))
        self.ancestors.pop()


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "an unknown file type"


def discover(inputs: Iterable[str | os.PathLike[str]]) -> Discovery:
    """Walk input files and directories (recursively, following symlinks once, hidden entries skipped) and hash
    every file.

    Args:
        inputs: files or directories.

    Returns:
        Files in a stable (sorted, de-duplicated) order, and one rejection for each path that cannot be read.
        An empty file is rejected here (`empty_file`): it has no content to key on, and every empty file
        would otherwise look like a copy of the first one.
    """
    found = Discovery()
    walk = _Walk(found)
    for entry in inputs:
        walk.entry(os.fspath(entry))
    for _, path in sorted(walk.files.items()):
        try:
            size = os.stat(path).st_size
            if size == 0:
                found.reject(path, "empty_file", "file is empty (0 bytes)")
                continue
            found.files.append(InputFile(path, file_sha256(path), size))
        except OSError as error:
            found.reject(path, "unreadable_file", f"cannot read file: {error.strerror or error}")
    return found
