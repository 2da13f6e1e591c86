"""Rejections of one input file: how every reader of the ingest stage names what it could not read."""

from __future__ import annotations

from typing import Protocol

from tasks.records import InputFile, Rejected


class Reject(Protocol):
    """Builds the rejection of a file, or of a part of it (`uri` = `<path>#line-N` or `<path>#offset-N`)."""

    def __call__(self, kind: str, message: str, uri: str | None = None) -> Rejected: ...


def rejector(file: InputFile) -> Reject:
    """A Reject for `file` (the ingest stage's): rejections name the file unless given the uri of a part of it."""

    def reject(kind: str, message: str, uri: str | None = None) -> Rejected:
        return Rejected(uri or file.uri, file.content_sha256, "ingest", kind, message)

    return reject
