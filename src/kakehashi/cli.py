"""The `kakehashi` command: Django's management commands, with the project's settings;
`kakehashi schedule ...`, `kakehashi match ...` and `kakehashi news ...` run the pure-Python
engines without setting up Django."""

import os
import sys


def main(argv: list[str] | None = None) -> int | None:
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["schedule"]:
        from kakehashi.scheduling.cli import main as schedule

        return schedule(args[1:])
    if args[:1] == ["match"]:
        from kakehashi.matching.engine.cli import main as match

        return match(args[1:])
    if args[:1] == ["news"]:
        from kakehashi.news.engine.cli import main as news

        return news(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kakehashi.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kakehashi", *args])
    return None


if __name__ == "__main__":
    sys.exit(main())
