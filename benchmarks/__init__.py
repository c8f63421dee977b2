"""Benchmarks (not tests, not the package): the synthetic portal that scripts/bench builds."""
