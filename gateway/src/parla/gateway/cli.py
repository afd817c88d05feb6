"""Operator commands: ``python -m parla.gateway.cli --help``."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from datetime import timedelta
from pathlib import Path

from parla.chassis.auth import SERVICE_SUBJECT_PREFIX
from parla.chassis.db import Database, make_engine
from parla.gateway.config import GatewaySettings
from parla.gateway.repository import AccountRepository
from parla.gateway.security import TokenIssuer, generate_keypair

PRIVATE_NAME = "jwt_private.pem"
PUBLIC_NAME = "jwt_public.pem"


def ensure_keys(folder: Path) -> tuple[Path, Path]:
    """Create the signing key pair in ``folder`` unless it exists; returns (private, public) paths."""
    folder.mkdir(parents=True, exist_ok=True)
    private, public = folder / PRIVATE_NAME, folder / PUBLIC_NAME
    if not (private.exists() and public.exists()):
        private_pem, public_pem = generate_keypair()
        # Created owner-only from the start: the key is never readable by others, not even briefly.
        descriptor = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(private_pem)
        public.write_bytes(public_pem)
    return private, public


async def _grant_role(email: str, role: str) -> int:
    """Uses the gateway's own settings (PARLA_DATABASE_URL or the SQLite file in PARLA_DATA_DIR)."""
    settings = GatewaySettings()
    db = Database(make_engine(settings.resolved_database_url()))
    try:
        async with db.transaction() as session:
            user = await AccountRepository(session).by_email(email)
            if user is None:
                print(f"no account with e-mail {email}; it must register first", file=sys.stderr)
                return 1
            if role not in user.roles:
                user.roles = [*user.roles, role]
    finally:
        await db.dispose()
    print(f"{email} now has the roles: {', '.join(user.roles)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parla.gateway.cli", description="Parla gateway operator commands")
    commands = parser.add_subparsers(dest="command", required=True)
    keys = commands.add_parser("generate-keys", help="create the Ed25519 token-signing key pair if absent")
    keys.add_argument("--out", type=Path, required=True, help="folder for jwt_private.pem and jwt_public.pem")
    token = commands.add_parser("issue-service-token", help="print a token an internal caller sends to services")
    token.add_argument("--name", required=True, help="the calling service or team, e.g. reporting")
    token.add_argument("--private-key", type=Path, required=True)
    token.add_argument("--issuer", default="parla")
    token.add_argument("--days", type=int, default=30)
    token.add_argument("--role", action="append", default=[], help="extra role; repeatable")
    grant = commands.add_parser(
        "grant-role", help="give an account a role (e.g. admin); it applies from the account's next sign-in or refresh"
    )
    grant.add_argument("--email", required=True)
    grant.add_argument("--role", required=True, choices=["admin"])
    options = parser.parse_args(argv)

    if options.command == "grant-role":
        return asyncio.run(_grant_role(options.email, options.role))

    if options.command == "generate-keys":
        private, public = ensure_keys(options.out)
        print(f"private key: {private}\npublic key:  {public}")
        return 0
    issuer = TokenIssuer(options.private_key.read_bytes(), issuer=options.issuer, access_minutes=1)
    print(
        issuer.access_token(SERVICE_SUBJECT_PREFIX + options.name, ["service", *options.role], ttl=timedelta(days=options.days))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
