"""Readers: files, directories, archives and streams → Articles or InputErrors. (foundation work)"""

from __future__ import annotations

import json

from accord.errors import InputError
from accord.types import Article


def article_from_json_line(line: str, default_date: str | None, source: str, line_no: int) -> Article | InputError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source, str(line_no), f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return InputError(source, str(line_no), "JSON line is not an object")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(source, str(line_no), f"field 'text' is {type(text).__name__}, not a string")
    ident = str(obj.get("id") or f"{source}:{line_no}")
    return Article(id=ident, text=text, date=obj.get("date") or default_date, title=obj.get("title"),
                  url=obj.get("url"), source=source)
