"""Small readers for the published CSV files: byte-order marks, non-breaking and stray spaces in headers,
UTF-8 or Windows-1252 text, NOC codes without their leading zeros."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "reference" / "data"


class PathwayDataError(ValueError):
    """A reference or input file cannot be read as documented; the message names the file, row and field."""


def clean(text: str) -> str:
    """One line of text with single ordinary spaces: BOMs and non-breaking spaces removed."""
    return " ".join(text.replace("\ufeff", "").replace("\xa0", " ").split())


def key(text: str) -> str:
    """A matching key: lower case, no accents, punctuation as spaces, no trailing footnote number."""
    text = unicodedata.normalize("NFKD", clean(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()
    return re.sub(r"\s*\d+$", "", text)


def read_csv(path: Path, delimiter: str = ",") -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(cleaned headers, [(line number, cells), ...]) of a CSV file; blank rows are skipped. The file may be
    UTF-8 (with or without a BOM) or Windows-1252 (StatCan's NOC 2016 → SOC 2018 concordance is)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise PathwayDataError(f"{path}: cannot be read ({error.strerror}).") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [clean(cell) for cell in next(reader)]
    except StopIteration:
        raise PathwayDataError(f"{path}: the file is empty.") from None
    rows = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((reader.line_num, cells))
    return headers, rows


def column(headers: list[str], name: str, path: Path) -> int:
    """Index of a header, compared case-insensitively after cleaning."""
    wanted = clean(name).casefold()
    for index, header in enumerate(headers):
        if header.casefold() == wanted:
            return index
    raise PathwayDataError(f"{path}: no column {name!r} (columns: {', '.join(headers)}).")


def noc_code(value: str) -> str | None:
    """A NOC 2021 unit-group code as 5 digits (``10`` → ``00010``); None when the cell is not a code."""
    value = value.strip()
    if not value.isdigit() or len(value) > 5:
        return None
    return value.zfill(5)
