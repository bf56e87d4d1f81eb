"Chapter 90 — the compendium: figures, `make reproduce` and (in `gait_repro.cli`) the command line. Nothing in the library imports it."
