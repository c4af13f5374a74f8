"""The command-line fixtures of test_cli.py, shared with the other CLI test modules."""

from tests.cli.test_cli import _clean_env, data, office, run  # noqa: F401
