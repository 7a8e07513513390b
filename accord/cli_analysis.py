"""CLI commands for analysis and exports. (analysis work)"""

COMMANDS: list = []
