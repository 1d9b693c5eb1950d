"""deploy/ checked without a cluster: every gRPC service in proto/ has a route
to the process that serves it (local nginx, systemd's nginx, the Kubernetes
Ingress); every Deployment has gRPC probes, resources, its config and keys;
the nginx configurations pass `nginx -t`."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from deploy.lokal.layout import Paths, Replica, env_for, parse_replicas, render_nginx
from services.registry import MODULES
from services.shared.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
nginx_ada = pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx tidak ada di PATH: apt-get install -y nginx-light (deploy/README.md)"
)


def proto_services() -> dict[str, str]:
    """Full gRPC service name → the ekinerja service (process) that serves it."""
    found = {}
    for proto in (ROOT / "proto" / "ekinerja").rglob("*.proto"):
        text = proto.read_text()
        package = re.search(r"^package ([\w.]+);", text, re.M)
        assert package, proto
        for name in re.findall(r"^service (\w+)", text, re.M):
            found[f"{package[1]}.{name}"] = package[1].split(".")[1]
    return found


def test_proto_dan_modul_menyebut_layanan_yang_sama():
    assert proto_services() == {n: m.name for m in MODULES.values() for n in m.service_names}


def nginx_routes(text: str, upstream_prefix: str = "") -> dict[str, str]:
    routes = dict(re.findall(r"location (\S+) \{ grpc_pass grpc://(\w+); \}", text))
    return {path: upstream.removeprefix(upstream_prefix) for path, upstream in routes.items()}


def expected_routes(trailing: str) -> dict[str, str]:
    return {f"/{name}{trailing}": owner for name, owner in proto_services().items()} | {"/": "profil"}


def test_nginx_lokal_dan_systemd_merutekan_setiap_layanan_ke_pemiliknya():
    assert nginx_routes((DEPLOY / "lokal" / "nginx.conf.template").read_text()) == expected_routes("/")
    systemd = (DEPLOY / "systemd" / "nginx-ekinerja.conf").read_text()
    assert nginx_routes(systemd, "ekinerja_") == expected_routes("/")


def test_proxy_meneruskan_alamat_klien_yang_dipercaya_replika(monkeypatch, tmp_path):
    """profil limits failed logins per client address: behind nginx that is
    x-real-ip, trusted from 127.0.0.1 only where configured; else every client is nginx."""
    for conf in (DEPLOY / "lokal" / "nginx.conf.template", DEPLOY / "systemd" / "nginx-ekinerja.conf"):
        assert "grpc_set_header x-real-ip $remote_addr;" in conf.read_text(), conf
    env = env_for(Paths(tmp_path), "postgresql+asyncpg://x@127.0.0.1/db", "127.0.0.1:1", Replica("profil", 1, 2), 5)
    monkeypatch.setenv("EKINERJA_PROXY_TEPERCAYA", env["EKINERJA_PROXY_TEPERCAYA"])
    assert Settings().proxy_tepercaya == ["127.0.0.1"]  # the one-machine test layout: nobody else runs there
    # The systemd layout trusts nobody's x-real-ip unless the operator decides:
    # 127.0.0.1 is every local process, not only nginx.
    contoh = dict(re.findall(r"^(EKINERJA_\w+)=(.*)$", (DEPLOY / "ekinerja.env.example").read_text(), re.M))
    assert "EKINERJA_PROXY_TEPERCAYA" not in contoh
    monkeypatch.delenv("EKINERJA_PROXY_TEPERCAYA")
    assert Settings().proxy_tepercaya == []
    # Instead nginx reaches each replica through its proxy socket, where x-real-ip is believed.
    nginx = (DEPLOY / "systemd" / "nginx-ekinerja.conf").read_text()
    for layanan in ("profil", "skp", "penilaian", "cetak"):
        unit = (DEPLOY / "systemd" / f"ekinerja-{layanan}@.service").read_text()
        assert f"Environment=EKINERJA_PROXY_SOKET=/run/ekinerja/{layanan}-%i.sock" in unit
        assert re.search(rf"server unix:/run/ekinerja/{layanan}-\d+\.sock;", nginx), layanan
    assert "server 127.0.0.1:" not in nginx


def test_batas_badan_proxy_sama_dengan_pesan_terbesar():
    """The proxies refuse a body the services would refuse anyway, before it
    reaches them: one 64 KiB message and its 5-byte gRPC prefix."""
    from services.shared import batas_pesan

    ingress, berkas = k8s_docs()["Ingress"]
    ukuran = [ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]]
    aliran = [berkas["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]]
    metode = list(batas_pesan.BADAN_ALIRAN)
    assert [p["path"] for r in berkas["spec"]["rules"] for p in r["http"]["paths"]] == metode
    for conf in (DEPLOY / "lokal" / "nginx.conf.template", DEPLOY / "systemd" / "nginx-ekinerja.conf"):
        teks = conf.read_text()
        # Each client stream its own, larger body; every other call one message.
        for method in metode:
            lokasi = re.search(r"location = " + re.escape(method) + r" \{\s*client_max_body_size (\w+);", teks)
            assert lokasi, (conf, method)
            aliran.append(lokasi[1])
            teks = teks.replace(lokasi[0], "")
        ukuran += re.findall(r"client_max_body_size (\w+);", teks)
    assert len(ukuran) == 3
    for u in ukuran:
        assert u.endswith("k") and batas_pesan.TERBESAR + 5 <= int(u[:-1]) * 1024 < 2 * batas_pesan.TERBESAR, u
    assert set(aliran) == {f"{n // 1024}k" for n in batas_pesan.BADAN_ALIRAN.values()}, aliran


def test_replika_per_layanan():
    assert parse_replicas([]) == {"profil": 1, "skp": 1, "penilaian": 1, "cetak": 1}
    assert parse_replicas(["2", "skp=3"]) == {"profil": 2, "skp": 3, "penilaian": 2, "cetak": 2}
    for salah in ("nol", "0", "skp=x", "laporan=2"):
        with pytest.raises(ValueError):
            parse_replicas([salah])


@nginx_ada
def test_konfigurasi_nginx_lulus_nginx_t(tmp_path):
    paths = Paths(tmp_path / "run")
    for folder in ("log", "pids", "nginx-temp"):
        (paths.run / folder).mkdir(parents=True)
    replicas = [Replica(s, i, 40000 + n) for n, (s, i) in enumerate((s, i) for s in MODULES for i in (1, 2))]
    paths.nginx_conf.write_text(render_nginx(paths, 40100, replicas))
    assert paths.nginx_conf.read_text().count("server 127.0.0.1:") == 8
    # systemd's snippet goes inside the http block of Debian's /etc/nginx/nginx.conf.
    wrapper = tmp_path / "systemd.conf"
    temp = " ".join(f"{k}_temp_path {tmp_path};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    wrapper.write_text(
        f"pid {tmp_path}/pid; events {{}} http {{ {temp} access_log off; "
        f"include {DEPLOY / 'systemd' / 'nginx-ekinerja.conf'}; }}\n"
    )
    for conf in (paths.nginx_conf, wrapper):
        out = subprocess.run(
            ["nginx", "-t", "-q", "-c", str(conf), "-p", str(paths.run), "-e", str(tmp_path / "error.log")],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert out.returncode == 0, out.stderr


def k8s_docs() -> dict[str, list[dict]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    applied = set(kustomization["resources"])
    assert applied == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    by_kind: dict[str, list[dict]] = {}
    for name in [*sorted(applied), "secret.example.yaml"]:
        for doc in yaml.safe_load_all((K8S / name).read_text()):
            by_kind.setdefault(doc["kind"], []).append(doc)
    return by_kind


def test_k8s_setiap_deployment_punya_probe_grpc_sumber_daya_konfigurasi_dan_kunci():
    docs = k8s_docs()
    config = {d["metadata"]["name"]: d["data"] for d in docs["ConfigMap"]}
    secrets = {d["metadata"]["name"] for d in docs["Secret"]}
    deployments = {d["metadata"]["name"]: d for d in docs["Deployment"]}
    assert set(deployments) == set(MODULES)
    for name, d in deployments.items():
        pod = d["spec"]["template"]["spec"]
        (c,) = pod["containers"]
        assert c["args"] == ["serve", name]
        ports = {p["name"]: p["containerPort"] for p in c["ports"]}
        port = ports["grpc"]
        # The probes ask the plaintext health-only port: the service port is mutual TLS.
        assert int(config[c["envFrom"][0]["configMapRef"]["name"]]["EKINERJA_PORT_SEHAT"]) == ports["sehat"]
        # Readiness asks the service's own name (its database and the services it
        # calls); liveness and startup ask "" (the process serves), so PostgreSQL
        # down takes pods out of the endpoints without restarting them.
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            grpc = c[probe]["grpc"]
            assert grpc["port"] == ports["sehat"], (name, probe)
            if probe == "readinessProbe":
                assert grpc["service"] in MODULES[name].service_names, (name, probe)
            else:
                assert grpc.get("service", "") == "", (name, probe)
        # Prometheus /metrics on the configured port, announced to annotation-based discovery.
        assert int(config[c["envFrom"][0]["configMapRef"]["name"]]["EKINERJA_METRICS_PORT"]) == ports["metrik"]
        anotasi = d["spec"]["template"]["metadata"]["annotations"]
        assert anotasi["prometheus.io/scrape"] == "true" and int(anotasi["prometheus.io/port"]) == ports["metrik"]
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(c["resources"][kind]), (name, kind)
        (cm,) = [e["configMapRef"]["name"] for e in c["envFrom"] if "configMapRef" in e]
        assert int(config[cm]["EKINERJA_PORT"]) == port
        assert {e["secretRef"]["name"] for e in c["envFrom"] if "secretRef" in e} - secrets <= {"ekinerja-smtp"}
        mounts = {m["name"]: m["mountPath"] for m in c["volumeMounts"]}
        volumes = {v["name"]: v.get("secret", {}).get("secretName") for v in pod["volumes"]}
        mounted = {volumes[n]: path for n, path in mounts.items()}
        assert mounted["ekinerja-token-publik"] == str(Path(config[cm]["EKINERJA_TOKEN_PUBLIC_KEY_FILE"]).parent)
        env = {e["name"]: e["value"] for e in c.get("env", [])}
        if name == "profil":  # only profil signs, so only profil holds the private key
            assert mounted["ekinerja-token-privat"] == str(Path(env["EKINERJA_TOKEN_KEY_FILE"]).parent)
        else:
            assert "ekinerja-token-privat" not in mounted and "EKINERJA_TOKEN_KEY_FILE" not in env
        assert set(volumes.values()) - {None} <= secrets | {"ekinerja-cetak-ttd"}
        assert mounted["ekinerja-tls-internal"] == str(Path(config[cm]["EKINERJA_TLS_CERT_FILE"]).parent)


def test_k8s_service_hpa_job_dan_alamat_antarlayanan():
    docs = k8s_docs()
    deployments = {d["metadata"]["name"]: d for d in docs["Deployment"]}
    services = {s["metadata"]["name"]: s for s in docs["Service"]}
    assert set(services) == set(deployments)
    for name, s in services.items():
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert s["spec"]["selector"].items() <= labels.items()
        assert s["spec"]["ports"][0]["name"] == "grpc"
    hpa = {h["spec"]["scaleTargetRef"]["name"]: h for h in docs["HorizontalPodAutoscaler"]}
    assert {"skp", "penilaian"} <= set(hpa) <= set(deployments)
    for name, h in hpa.items():
        assert "replicas" not in deployments[name]["spec"]  # the autoscaler owns it
        assert h["spec"]["metrics"][0]["resource"]["name"] == "cpu" and h["spec"]["minReplicas"] >= 2
    (job,) = docs["Job"]
    assert job["spec"]["template"]["spec"]["containers"][0]["args"] == ["migrate"]
    (config,) = [d["data"] for d in docs["ConfigMap"]]
    for service in ("profil", "skp", "penilaian"):
        host, port = config[f"EKINERJA_{service.upper()}_ADDRESS"].split(":")
        assert host == service and int(port) == services[service]["spec"]["ports"][0]["port"]


def test_k8s_ingress_merutekan_setiap_layanan_grpc_ke_pemiliknya():
    ingress, _berkas = k8s_docs()["Ingress"]  # the second: KirimBerkasSaya's body (test above)
    anotasi = ingress["metadata"]["annotations"]
    # TLS to the pods too, with a client certificate they verify, and theirs verified.
    assert anotasi["nginx.ingress.kubernetes.io/backend-protocol"] == "GRPCS"
    assert anotasi["nginx.ingress.kubernetes.io/proxy-ssl-verify"] == "on"
    namespace, secret = anotasi["nginx.ingress.kubernetes.io/proxy-ssl-secret"].split("/")
    assert secret in {d["metadata"]["name"] for d in k8s_docs()["Secret"]} and namespace == "ekinerja"
    (rule,) = ingress["spec"]["rules"]
    routes = {p["path"]: p["backend"]["service"]["name"] for p in rule["http"]["paths"]}
    assert all(p["pathType"] == "Prefix" for p in rule["http"]["paths"])
    assert routes == expected_routes("")


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl tidak ada di PATH")
def test_kustomize_membangun_manifest():
    out = subprocess.run(["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    kinds = [d["kind"] for d in yaml.safe_load_all(out.stdout)]
    assert kinds.count("Deployment") == 4 and "Secret" not in kinds


def test_k8s_setiap_hop_mutual_tls():
    (config,) = [d["data"] for d in k8s_docs()["ConfigMap"]]
    settings = Settings(
        **{k.removeprefix("EKINERJA_").lower(): v for k, v in config.items() if k.startswith("EKINERJA_TLS_")}
    )
    assert settings.tls_klien_wajib and settings.tls_cert_file and settings.tls_ca_file
    assert settings.tls_klien_cert_file and settings.tls_klien_key_file  # services call each other over TLS too
    for s in k8s_docs()["Service"]:
        assert "h2c" not in str(s["spec"]["ports"])


def test_k8s_networkpolicy_hanya_jalur_yang_dipakai():
    """Default deny; the ingress controller reaches the four services, and a
    service reaches another only where its module opens a channel to it
    (every one reaches profil: the session check)."""
    pols = k8s_docs()["NetworkPolicy"]
    (tolak,) = [p for p in pols if p["spec"]["podSelector"] == {}]
    assert tolak["spec"]["policyTypes"] == ["Ingress"] and "ingress" not in tolak["spec"]

    def nama(selector: dict) -> set[str]:
        if "matchLabels" in selector:
            return {selector["matchLabels"]["app.kubernetes.io/name"]}
        (expr,) = selector["matchExpressions"]
        assert expr["key"] == "app.kubernetes.io/name" and expr["operator"] == "In"
        return set(expr["values"])

    dari_ingress: set[str] = set()
    boleh: dict[str, set[str]] = {}
    for p in pols:
        for aturan in p["spec"].get("ingress", []):
            if [port["port"] for port in aturan["ports"]] == [9464]:  # /metrics: Prometheus' namespace only
                assert aturan["from"] == [
                    {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}
                ]
                assert nama(p["spec"]["podSelector"]) == set(MODULES)
                continue
            assert [port["port"] for port in aturan["ports"]] == [50051]
            for sumber in aturan["from"]:
                if "namespaceSelector" in sumber:
                    assert sumber["namespaceSelector"]["matchLabels"] == {
                        "kubernetes.io/metadata.name": "ingress-nginx"
                    }
                    dari_ingress |= nama(p["spec"]["podSelector"])
                else:
                    for tujuan in nama(p["spec"]["podSelector"]):
                        boleh.setdefault(tujuan, set()).update(nama(sumber["podSelector"]))
    assert dari_ingress == set(MODULES)
    dipakai: dict[str, set[str]] = {}
    for pemanggil in MODULES:
        kode = (ROOT / "services" / pemanggil / "module.py").read_text()
        for tujuan in re.findall(r'saluran\("(\w+)"\)', kode):
            dipakai.setdefault(tujuan, set()).add(pemanggil)
    dipakai.setdefault("profil", set()).update(set(MODULES) - {"profil"})  # CekSesi
    assert boleh == dipakai


def test_nginx_systemd_hanya_loopback():
    systemd = (DEPLOY / "systemd" / "nginx-ekinerja.conf").read_text()
    assert re.findall(r"^\s*listen (\S+)", systemd, re.M) == ["127.0.0.1:50051"]
    lokal = (DEPLOY / "lokal" / "nginx.conf.template").read_text()
    assert re.findall(r"^\s*listen (\S+)", lokal, re.M) == ["127.0.0.1:@PORT@"]
