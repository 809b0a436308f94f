"""The secret key: from the environment, or from a file that only this installation knows.

Django signs sessions, password-reset and e-mail confirmation links with it, so a key that
anyone can read (the development key, or one committed somewhere) lets anyone forge them. With
DEBUG off the platform refuses to start on such a key. `python -m kakehashi.config.secret_key`
writes a random key file for a machine that has none (`make demo` and the tests do it).

No Django import here: settings read it before Django is set up.
"""

import os
import secrets
import sys
from pathlib import Path

DEVELOPMENT_KEY = "insecure-dev-key-change-me-in-production"
# Django's own deploy check (security.W009) asks for at least 50 characters, 5 of them distinct.
MIN_LENGTH = 50
MIN_DISTINCT = 5


class SecretKeyError(Exception):
    """The configured key would let others forge signed links."""


def key_file(var_dir: Path) -> Path:
    return Path(os.environ.get("KAKEHASHI_SECRET_KEY_FILE", var_dir / "secret_key"))


def weakness(key: str) -> str | None:
    """Why this key must not sign anything in production, or None."""
    if key == DEVELOPMENT_KEY or key.startswith("django-insecure-"):
        return "it is the public development key"
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_DISTINCT:
        return (
            f"it is shorter than {MIN_LENGTH} characters "
            f"or has fewer than {MIN_DISTINCT} distinct ones"
        )
    return None


def load_secret_key(*, debug: bool, var_dir: Path) -> str:
    """KAKEHASHI_SECRET_KEY, else the key file; the development key only with DEBUG on."""
    key = os.environ.get("KAKEHASHI_SECRET_KEY", "").strip()
    source = "KAKEHASHI_SECRET_KEY"
    path = key_file(var_dir)
    if not key and path.is_file():
        key = path.read_text(encoding="utf-8").strip()
        source = str(path)
    if not key:
        if debug:
            return DEVELOPMENT_KEY
        raise SecretKeyError(
            "No secret key: set KAKEHASHI_SECRET_KEY (50 random characters or more), or write "
            f"one to {path} with `python -m kakehashi.config.secret_key`. Kakehashi does not "
            "start with DEBUG off on the public development key."
        )
    reason = weakness(key)
    if reason and not debug:
        raise SecretKeyError(
            f"The secret key from {source} is refused: {reason}. Generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
        )
    return key


def ensure_key_file(path: Path) -> bool:
    """Write a random key to `path` (readable by its owner only) unless one is there.
    Returns whether it wrote one."""
    if path.is_file() and path.read_text(encoding="utf-8").strip():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(64) + "\n")
    return True


def main() -> int:
    var_dir = Path(os.environ.get("KAKEHASHI_VAR_DIR", Path.cwd() / "var"))
    path = key_file(var_dir)
    if ensure_key_file(path):
        print(f"Wrote a new secret key to {path}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
