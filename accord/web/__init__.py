"""The web dashboard and JSON API (``accord serve``): Starlette + Jinja2 pages, vendored ECharts.

Modules: :mod:`~accord.web.owner` (one process owns the store: reads on cursors in a bounded pool,
writes in one thread), :mod:`~accord.web.filters` (the shared filter bar), :mod:`~accord.web.queries`
(the SQL), :mod:`~accord.web.api` (the JSON twin of every page), :mod:`~accord.web.views` (the pages),
:mod:`~accord.web.app` (routes and security), :mod:`~accord.web.server` (``accord serve``).
Design: ``docs/web.md``.
"""
