//! Differential tests: every program in `tests/programs/` (and `benches/programs/`) is run
//! through the `pyrun` binary and compared with the expectations recorded from CPython 3.11
//! by `tests/regen_expected.py`.
