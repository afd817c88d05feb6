"""One learner action, one trace: gateway -> scenario gRPC -> outbox relay -> Kafka -> consumers."""

from __future__ import annotations

import os

from opentelemetry.proto.trace.v1.trace_pb2 import Span

from parla.devstack.testing import eventually

from .conftest import new_learner


async def test_a_completion_is_one_trace_across_every_service_it_touches(api, otlp):
    receiver, _ = otlp
    learner = await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "clothes-shopping"}, headers=learner.headers)).json()
    trace_id = os.urandom(16).hex()
    traceparent = f"00-{trace_id}-{os.urandom(8).hex()}-01"
    done = await api.post(f"/api/v1/runs/{run['id']}/complete", headers={**learner.headers, "traceparent": traceparent})
    assert done.status_code == 200

    def find(spans, service, name, kind):
        return [s for s in spans if s.service == service and s.name == name and s.kind == kind]

    async def whole_trace():
        spans = receiver.trace(trace_id)
        wanted = [
            find(spans, "gateway", "POST /api/v1/runs/{run_id}/complete", Span.SPAN_KIND_SERVER),
            find(spans, "gateway", "/parla.scenario.v1.ScenarioService/CompleteRun", Span.SPAN_KIND_CLIENT),
            find(spans, "scenario", "/parla.scenario.v1.ScenarioService/CompleteRun", Span.SPAN_KIND_SERVER),
            find(spans, "scenario", "scenario.completed publish", Span.SPAN_KIND_PRODUCER),
            find(spans, "analytics", "scenario.completed process", Span.SPAN_KIND_CONSUMER),
            find(spans, "content", "scenario.completed process", Span.SPAN_KIND_CONSUMER),
        ]
        return wanted if all(wanted) else None

    (http, client, server, publish, analytics, content) = [group[0] for group in await eventually(whole_trace, timeout=45)]
    # The edges, not just the shared id: each hop is the child of the one before it.
    assert http.parent_span_id == traceparent.split("-")[2]
    assert client.parent_span_id == http.span_id
    assert server.parent_span_id == client.span_id
    assert publish.parent_span_id in {s.span_id for s in receiver.trace(trace_id) if s.service == "scenario"}
    assert analytics.parent_span_id == publish.span_id
    assert content.parent_span_id == publish.span_id

    # What an operator filters on is on the spans: the route and status, the gRPC method and
    # code, the topic, the consumer group and what became of the event...
    assert http.attributes["http.route"] == "/api/v1/runs/{run_id}/complete"
    assert http.attributes["http.response.status_code"] == 200
    assert server.attributes["rpc.method"] == "CompleteRun" and server.attributes["rpc.grpc.status_code"] == 0
    assert publish.attributes["messaging.destination.name"] == "scenario.completed"
    for consumer, group in ((analytics, "analytics"), (content, "content")):
        assert consumer.attributes["messaging.consumer.group.name"] == group
        assert consumer.attributes["parla.outcome"] == "applied"
    # ... and nothing that names the learner.
    values = [str(value) for span in receiver.trace(trace_id) for value in span.attributes.values()]
    assert not any(learner.email in value or learner.email.split("@")[0] in value for value in values)
