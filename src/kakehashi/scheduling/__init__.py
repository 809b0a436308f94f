"""The meeting scheduler: pure Python (no Django), on the JSON formats described in
docs/scheduling-format.md. Entry points: instance.parse_instance, solve.solve, check.check."""
