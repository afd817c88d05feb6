"""Generate the gRPC Python code in parla.contracts from proto/ (the single source of truth).

    uv run python scripts/gen_protos.py          # regenerate
    uv run python scripts/gen_protos.py --check  # fail if the committed code has drifted

protoc names modules after the proto package (``parla.scenario.v1``), which would collide with the
service packages of the same name, so the generated modules live under ``parla.contracts.rpc`` and
their cross-imports are rewritten to match.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[1]
PROTO_ROOT = ROOT / "proto"
TARGET = ROOT / "libs" / "contracts" / "src" / "parla" / "contracts" / "rpc"
IMPORT = re.compile(r"^from parla\.(\w+)\.v(\d+) import", re.MULTILINE)


def generate(out: Path) -> None:
    protos = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.rglob("*.proto"))
    include = str(resources.files("grpc_tools") / "_proto")
    args = [
        "protoc",
        f"-I{PROTO_ROOT}",
        f"-I{include}",
        f"--python_out={out}",
        f"--pyi_out={out}",
        f"--grpc_python_out={out}",
        *protos,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed; see the message above")
    generated = out / "parla"
    for path in generated.rglob("*.py*"):
        text = IMPORT.sub(r"from parla.contracts.rpc.\1.v\2 import", path.read_text())
        path.write_text(text)
    for directory in [generated, *[d for d in generated.rglob("*") if d.is_dir()]]:
        (directory / "__init__.py").touch()


def differences(left: Path, right: Path) -> list[str]:
    left_files = {p.relative_to(left) for p in left.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    right_files = {p.relative_to(right) for p in right.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    changed = [str(p) for p in left_files & right_files if not filecmp.cmp(left / p, right / p, shallow=False)]
    return sorted(changed + [str(p) for p in left_files ^ right_files])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate(out)
        fresh = out / "parla"
        if options.check:
            drift = differences(fresh, TARGET)
            if drift:
                print("generated gRPC code is out of date with proto/:", *drift, sep="\n  ")
                print("run: uv run python scripts/gen_protos.py")
                return 1
            print("generated gRPC code matches proto/")
            return 0
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
