#!/usr/bin/env python3
"""Regenerates dict/cameo/codes.tsv from ../shared/reference/cameo_event_codes.csv.

Keeps the facts Redline needs per CAMEO code: name, Goldstein value (GDELT's lookup; the ICEWS
value where GDELT has none), QuadClass in the GDELT convention, PLOVER event and mode.
Run from the repository root: python3 scripts/cameo_codes.py
"""
import csv
import pathlib

src = pathlib.Path("../shared/reference/cameo_event_codes.csv")
dst = pathlib.Path("dict/cameo/codes.tsv")
rows = list(csv.DictReader(src.open()))
with dst.open("w") as f:
    f.write("# CAMEO event codes: code, name, Goldstein value (GDELT lookup; ICEWS where GDELT has none),\n")
    f.write("# QuadClass (GDELT convention), PLOVER event and mode. Facts from\n")
    f.write("# ../shared/reference/cameo_event_codes.csv; regenerate with `python3 scripts/cameo_codes.py`.\n")
    f.write("code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\n")
    for r in rows:
        event = r["plover_event"].strip()
        if event in ("dropped", ""):
            event = "-"
        mode = r["plover_mode"].strip() or "-"
        goldstein = r["goldstein_gdelt"].strip() or r["goldstein_icews"].strip()
        f.write(f"{r['cameo_code']}\t{r['name']}\t{goldstein}\t{r['quadclass_gdelt']}\t{event}\t{mode}\n")
