"""The JSON API against its own OpenAPI schema, with schemathesis, on loopback: requests generated from
``/openapi.json`` (valid ones and, in schemathesis's coverage phase, invalid ones) never get a 5xx, and
every response has a documented status, content type and body.

A small budget per operation keeps it well under 30 s in CI; ``benchmarks/RESULTS.md`` records the
longer run (``schemathesis run ... --max-examples 60``).
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from test_web_fixture import live, web_db  # noqa: E402,F401

from accord.web.openapi import spec  # noqa: E402

pytestmark = pytest.mark.model  # the live server's store is coded by the model
SCHEMA = schemathesis.openapi.from_dict(spec())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@SCHEMA.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_answers_every_schema_request_as_its_schema_says(case, live):  # noqa: F811 (the fixture)
    case.call_and_validate(base_url=live.url, checks=CHECKS, timeout=30)
