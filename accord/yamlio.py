"""Reading accord's YAML data files.

YAML 1.1 reads the bare words ``on``, ``off``, ``yes``, ``no`` (and ``y``/``n``) as booleans, which
turns the particle in ``particle: off`` and the preposition in ``preps: [on]`` into ``False``/``True``.
Our data files are word lists, so only ``true``/``false`` are booleans here.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (the usual wheels are): the shipped dictionaries load
# about ten times faster, which is most of a worker's start-up time
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class WordLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A SafeLoader whose booleans are only ``true`` and ``false``."""


WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(text: str) -> Any:
    """Parse YAML text with :class:`WordLoader`."""
    return yaml.load(text, Loader=WordLoader)  # noqa: S506 — a SafeLoader subclass
