"""CLI commands over the store: ingest, stats. (foundation work)"""

COMMANDS: list = []
