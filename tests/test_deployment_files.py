"""docker-compose.yml and deploy/k8s are checked without a Docker engine or a cluster: against
their schemas (the compose specification; Kubernetes' own API types, from its Python client), and
against the code: every process, port, setting, probe and scrape target must match what the
processes really read and serve."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from kubernetes.client import models

from parla.analytics.config import AnalyticsSettings
from parla.chassis.settings import ServiceSettings
from parla.content.config import ContentSettings
from parla.devstack.observe import prometheus_config
from parla.devstack.stack import SERVICES
from parla.gateway.config import GatewaySettings
from parla.organization.config import OrganizationSettings
from parla.persona.config import PersonaSettings
from parla.scenario.config import ScenarioSettings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
K8S = ROOT / "deploy" / "k8s"
PROCESSES = (*SERVICES, "gateway")
SETTINGS: dict[str, type[ServiceSettings]] = {
    "scenario": ScenarioSettings,
    "content": ContentSettings,
    "persona": PersonaSettings,
    "organization": OrganizationSettings,
    "analytics": AnalyticsSettings,
    "gateway": GatewaySettings,
}
# Read by the OpenTelemetry SDK itself, not by Parla's settings.
STANDARD_ENV = {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME"}


def settings_field(process: str, name: str) -> bool:
    if name in STANDARD_ENV:
        return True
    return name.startswith("PARLA_") and name.removeprefix("PARLA_").lower() in SETTINGS[process].model_fields


def port_of(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


# --- docker-compose ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_the_compose_file_follows_the_compose_specification():
    checked = subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_compose_runs_every_process_with_settings_it_reads_and_a_health_check(compose):
    services = compose["services"]
    for process in PROCESSES:
        env = services[process]["environment"]
        unknown = [name for name in env if not settings_field(process, name)]
        assert not unknown, f"{process} is given settings it does not read: {unknown}"
        assert "healthcheck" in services[process], f"{process} has no health check"
        assert env["PARLA_DATABASE_URL"].endswith(f"/{process}"), f"{process} must have a database of its own"


def test_the_gateway_calls_each_service_where_compose_serves_it(compose):
    services, gateway = compose["services"], compose["services"]["gateway"]
    for service in SERVICES:
        address = gateway["environment"][f"PARLA_{service.upper()}_ADDR"]
        assert address == f"{service}:{services[service]['environment']['PARLA_GRPC_PORT']}"
        assert gateway["depends_on"][service]["condition"] == "service_healthy"
    assert (
        services["scenario"]["environment"]["PARLA_PERSONA_ADDR"]
        == f"persona:{services['persona']['environment']['PARLA_GRPC_PORT']}"
    )


def test_compose_prometheus_scrapes_every_process_where_it_serves_its_metrics(compose):
    services = compose["services"]
    targets = {process: f"{process}:{services[process]['environment']['PARLA_METRICS_PORT']}" for process in PROCESSES}
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.compose.yml").read_text())
    assert config == prometheus_config(targets, rules=Path("/etc/prometheus/alerts.yml"), every=15)
    mounted = {volume.split(":")[0] for volume in services["prometheus"]["volumes"] + services["grafana"]["volumes"]}
    for source in mounted - {"prometheus-data", "grafana-data"}:
        assert (ROOT / source).exists(), f"compose mounts {source}, which is not in the repository"


# --- Kubernetes ----------------------------------------------------------------------------------


def manifests() -> list[dict]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    documents = []
    for resource in kustomization["resources"]:
        documents += [doc for doc in yaml.safe_load_all((K8S / resource).read_text()) if doc]
    return documents


def strict(value: object, type_name: str, path: str) -> list[str]:
    """What in ``value`` does not fit the Kubernetes API type ``type_name``: unknown fields
    (a typo Kubernetes would silently drop, or refuse) and values of the wrong kind."""
    if type_name.startswith("List["):
        if not isinstance(value, list):
            return [f"{path}: a list is expected"]
        return [e for i, item in enumerate(value) for e in strict(item, type_name[5:-1], f"{path}[{i}]")]
    if type_name.startswith("Dict[str, "):
        if not isinstance(value, dict):
            return [f"{path}: a mapping is expected"]
        return [e for key, item in value.items() for e in strict(item, type_name[10:-1], f"{path}.{key}")]
    simple = {"str": str, "bytes": str, "datetime": str, "bool": bool, "int": int, "float": (int, float)}
    if type_name in simple:
        fits = isinstance(value, simple[type_name]) and not (type_name == "int" and isinstance(value, bool))
        return [] if fits else [f"{path}: {type_name} expected, not {value!r}"]
    if type_name == "object":  # int-or-string and free-form fields
        return []
    model = getattr(models, type_name)
    if not isinstance(value, dict):
        return [f"{path}: a {type_name} mapping is expected"]
    fields = {json_name: attribute for attribute, json_name in model.attribute_map.items()}
    errors = []
    for key, item in value.items():
        if key not in fields:
            errors.append(f"{path}.{key}: not a field of {type_name}")
        else:
            errors += strict(item, model.openapi_types[fields[key]], f"{path}.{key}")
    return errors


def api_type(document: dict) -> str:
    version = document["apiVersion"].rsplit("/", 1)[-1]
    return version[0].upper() + version[1:] + document["kind"]


@pytest.mark.parametrize("document", manifests(), ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_each_manifest_is_a_valid_kubernetes_object(document):
    assert strict(document, api_type(document), document["kind"]) == []


def test_strictness_catches_a_misspelt_field():
    deployment = next(d for d in manifests() if d["kind"] == "Deployment")
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    assert any("readinesProbe: not a field of V1Container" in e for e in strict(deployment, "V1Deployment", "Deployment"))


def by_kind(kind: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in manifests() if d["kind"] == kind}


def container_of(document: dict) -> dict:
    [container] = document["spec"]["template"]["spec"]["containers"]
    return container


def env_of(container: dict) -> dict[str, object]:
    return {item["name"]: item.get("value", item.get("valueFrom")) for item in container.get("env", [])}


def test_every_process_has_a_deployment_a_service_an_autoscaler_and_a_migrations_job():
    deployments, services, scalers, jobs = (by_kind(kind) for kind in ("Deployment", "Service", "HorizontalPodAutoscaler", "Job"))
    for process in PROCESSES:
        assert process in deployments and process in services, process
        assert scalers[process]["spec"]["scaleTargetRef"]["name"] == process
        assert "replicas" not in deployments[process]["spec"], f"{process}: its autoscaler owns the count"
        job = container_of(jobs[f"migrate-{process}"])
        assert job["command"] == ["python", "-m", f"parla.{process}.main", "migrate"]
        assert env_of(job)["PARLA_DATABASE_URL"] == {"secretKeyRef": {"name": "parla-database", "key": process}}


def test_the_settings_given_are_the_settings_each_process_reads():
    [common] = by_kind("ConfigMap").values()
    for name in common["data"]:
        assert all(settings_field(process, name) for process in PROCESSES), f"the shared ConfigMap sets {name}"
    assert common["data"]["PARLA_MIGRATE_ON_START"] == "false"
    for process, deployment in by_kind("Deployment").items():
        unknown = [name for name in env_of(container_of(deployment)) if not settings_field(process, name)]
        assert not unknown, f"{process} is given settings it does not read: {unknown}"


def test_ports_probes_and_scraping_match_what_each_process_serves():
    [common] = by_kind("ConfigMap").values()
    metrics_port = int(common["data"]["PARLA_METRICS_PORT"])
    deployments, services = by_kind("Deployment"), by_kind("Service")
    gateway_env = env_of(container_of(deployments["gateway"]))
    for process, deployment in deployments.items():
        container = container_of(deployment)
        ports = {port["name"]: port["containerPort"] for port in container["ports"]}
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert ports["metrics"] == metrics_port == int(annotations["prometheus.io/port"])
        if process == "gateway":
            assert ports["http"] == int(env_of(container)["PARLA_HTTP_PORT"])
            continue
        grpc_port = int(env_of(container)["PARLA_GRPC_PORT"])
        assert ports["grpc"] == grpc_port
        assert all(container[probe]["grpc"]["port"] == grpc_port for probe in ("startupProbe", "readinessProbe", "livenessProbe"))
        assert port_of(gateway_env[f"PARLA_{process.upper()}_ADDR"]) == grpc_port
        assert gateway_env[f"PARLA_{process.upper()}_ADDR"].startswith(f"{process}:")
        assert [p["port"] for p in services[process]["spec"]["ports"]] == [grpc_port]


def test_every_image_used_is_named_in_the_kustomization():
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    named = {image["name"] for image in kustomization["images"]}
    used = {
        c["image"] for d in manifests() if d["kind"] in ("Deployment", "Job") for c in d["spec"]["template"]["spec"]["containers"]
    }
    assert used <= named
    [secret] = [d for d in manifests() if d["kind"] == "Secret" and d["metadata"]["name"] == "parla-database"]
    assert set(secret.get("stringData", secret.get("data", {}))) == set(PROCESSES)


def test_the_topics_are_created_by_the_code_that_lists_them_in_compose_and_in_kubernetes(compose):
    # One topic map (parla.contracts.topics), applied by one module: neither file lists a topic.
    assert compose["services"]["topics"]["command"][:3] == ["python", "-m", "parla.devstack.topics"]
    assert container_of(by_kind("Job")["topics"])["args"][:3] == ["python", "-m", "parla.devstack.topics"]
    assert "kafka:9092" in compose["services"]["topics"]["command"]
    assert all(env["PARLA_KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092" for env in _process_envs(compose))


def _process_envs(compose: dict) -> list[dict]:
    return [compose["services"][process]["environment"] for process in PROCESSES]
