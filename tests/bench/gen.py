#!/usr/bin/env python3
"""Synthetic campaign generator for the jobmix planner benchmarks.

Writes OUT/channels.csv (channel catalogue) and OUT/audience.json
(campaign + personas) and OUT/meta.json (what was generated; read by
run.sh). Python 3 standard library only; the output is a pure function
of the arguments (same seed, same bytes).

Every (persona, location) pair becomes one planner persona with a single
location (id "p12-l3"); each is reachable on a random 70-100 % subset of
the channels. The planner makes one LP column per persona x channel x
segment (8 segments by default), so

    columns ~= personas * locations * channels_per_persona * segments

Presets (sizes in columns):  10k  ->  10 x 10 x 15 channels  (~10,200)
                             100k ->  25 x 20 x 30 channels  (~102,000)
                             1m   -> 100 x 50 x 30 channels  (~1,020,000)
                             100kp -> 100,000 x 1 x 1 channel (~800,000),
                                      an audience of 100,000 personas

    python3 tests/bench/gen.py --preset 10k --seed 1 --out tests/bench/out/10k
    python3 tests/bench/gen.py --personas 4 --channels 6 --locations 3 \\
        --seed 7 --out /tmp/small --mip
"""

import argparse
import json
import math
import os
import random
import sys

PRESETS = {
    # name: (personas, locations, channels)
    "10k": (10, 10, 15),
    "100k": (25, 20, 30),
    "1m": (100, 50, 30),
    # 100 000 planner personas, one channel each (~800k columns): the
    # size of the audience file, not of the model, is what it measures
    "100kp": (100000, 1, 1),
}

HEADER = ("id,name,platform,pricing,price,currency,ctr,ctr_basis,"
          "ref_frequency,apply_rate,hire_rate,precision,frequency_cap,"
          "min_daily,min_spend,max_spend,max_share,impressions,source")

CURRENCY = "EUR"
START, END, DAYS = "2027-01-01", "2027-01-31", 31
COUNTRIES = ["FI", "SE", "NO", "DK", "DE", "NL", "EE", "PL"]
PLATFORM_LABEL = {"meta": "Meta", "linkedin": "LinkedIn",
                  "tiktok": "TikTok", "offline": "Job board"}
# Minimum daily budgets used with --mip (campaign currency, major units).
MIN_DAILY = {"meta": 1, "linkedin": 10, "tiktok": 20, "offline": 5}


def fmt(x, digits=6):
    """Stable short decimal text for a float (no exponent)."""
    s = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def pick_platform(rng):
    r = rng.random()
    if r < 0.40:
        return "meta"
    if r < 0.65:
        return "linkedin"
    if r < 0.85:
        return "tiktok"
    return "offline"


def make_channels(rng, n, mip):
    """The catalogue rows, as dicts with the CSV fields plus 'cpm' (the
    effective price per 1000 impressions, for the budget estimate)."""
    chans = []
    n_flat = 0
    if mip:
        n_flat = 1 if n < 6 else 2
    n_lp = max(1, n - n_flat)
    for i in range(n_lp):
        cid = f"c{i + 1:02d}"
        plat = pick_platform(rng)
        pricing = "cpc" if rng.random() < 0.35 else "cpm"
        if plat == "offline":
            pricing = "cpc"  # job boards sell clicks
        ctr = rng.uniform(0.002, 0.02)
        basis, ref_f = "impression", fmt(rng.uniform(1.5, 4.0), 2)
        if pricing == "cpc":
            price = rng.uniform(0.5, 8.0)
            cpm = price * ctr * 1000.0
        else:
            price = rng.uniform(5.0, 40.0)
            cpm = price
            if rng.random() < 0.2:
                # a measured unique CTR: share of reached who click
                basis, ref_f = "unique", ""
                ctr = rng.uniform(0.01, 0.05)
        row = {
            "id": cid,
            "name": f"{PLATFORM_LABEL[plat]} {pricing.upper()} {i + 1:02d}",
            "platform": plat,
            "pricing": pricing,
            "price": fmt(price, 2),
            "currency": CURRENCY,
            "ctr": fmt(ctr, 5),
            "ctr_basis": basis,
            "ref_frequency": ref_f,
            "apply_rate": fmt(rng.uniform(0.02, 0.15), 4),
            "hire_rate": fmt(rng.uniform(0.02, 0.20), 4),
            "precision": fmt(rng.uniform(0.3, 0.9), 3),
            "frequency_cap": str(rng.randint(3, 12)),
            "min_daily": "",
            "min_spend": "",
            "max_spend": "",
            "max_share": "",
            "impressions": "",
            "source": "synthetic benchmark data (tests/bench/gen.py)",
            "cpm": cpm,
        }
        if rng.random() < 0.15:
            row["max_share"] = fmt(rng.uniform(0.15, 0.5), 2)
        chans.append(row)
    if mip:
        # semi-continuous cells: a platform minimum daily budget on two
        # channels (keeps the number of binaries small)
        cand = [c for c in chans if c["platform"] != "offline"]
        cand.sort(key=lambda c: -MIN_DAILY[c["platform"]])  # stable
        for c in cand[:2]:
            c["min_daily"] = str(MIN_DAILY[c["platform"]])
        # flat-fee buy/not-buy channels (newspaper, job-fair stand)
        for k in range(n_flat):
            cid = f"c{n_lp + k + 1:02d}"
            fee = rng.randint(5, 30) * 100
            impressions = rng.randint(2, 20) * 10000
            chans.append({
                "id": cid,
                "name": f"Flat package {k + 1:02d}",
                "platform": "offline",
                "pricing": "flat",
                "price": str(fee),
                "currency": CURRENCY,
                "ctr": fmt(rng.uniform(0.002, 0.01), 5),
                "ctr_basis": "impression",
                "ref_frequency": "1",
                "apply_rate": fmt(rng.uniform(0.02, 0.10), 4),
                "hire_rate": fmt(rng.uniform(0.02, 0.15), 4),
                "precision": fmt(rng.uniform(0.2, 0.6), 3),
                "frequency_cap": "",
                "min_daily": "",
                "min_spend": "",
                "max_spend": "",
                "max_share": "",
                "impressions": str(impressions),
                "source": "synthetic benchmark data (tests/bench/gen.py)",
                "cpm": fee * 1000.0 / impressions,
            })
    return chans


def make_personas(rng, n_personas, n_locations, chans):
    cities = []
    for l in range(n_locations):
        cities.append({
            "city": f"City{l + 1:03d}",
            "country": COUNTRIES[l % len(COUNTRIES)],
            # >= 25 km: Meta's employment special ad category needs 15 mi
            "radius_km": rng.randint(25, 60),
        })
    personas = []
    cells = 0
    capacity = 0.0  # spend at which every cell hits its frequency cap
    n_ch = len(chans)
    for p in range(n_personas):
        for l in range(n_locations):
            size = int(round(math.exp(rng.uniform(math.log(500),
                                                  math.log(50000)))))
            frac = rng.uniform(0.7, 1.0)
            k = min(n_ch, max(1, int(round(frac * n_ch))))
            chosen = sorted(rng.sample(range(n_ch), k))
            pch = {}
            for j in chosen:
                ch = chans[j]
                share = rng.uniform(0.05, 0.9)
                pch[ch["id"]] = {"share": float(fmt(share, 3)),
                                 "affinity": float(fmt(rng.uniform(0.6, 1.5),
                                                       2))}
                cells += 1
                if ch["frequency_cap"]:
                    reach = size * share
                    imps = float(ch["frequency_cap"]) * reach / float(
                        ch["precision"])
                    capacity += imps * ch["cpm"] / 1000.0
            personas.append({
                "id": f"p{p + 1}-l{l + 1}",
                "name": f"Persona {p + 1} in {cities[l]['city']}",
                "size": size,
                "locations": [dict(cities[l])],
                "channels": pch,
            })
    return personas, cells, capacity


def write_csv(path, chans, args):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        f.write(f"# synthetic catalogue: gen.py --channels {len(chans)} "
                f"--seed {args.seed}{' --mip' if args.mip else ''}\n")
        cols = HEADER.split(",")
        for c in chans:
            f.write(",".join(str(c[k]) for k in cols) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Generate a synthetic jobmix campaign for benchmarks.")
    ap.add_argument("--preset", choices=sorted(PRESETS),
                    help="size preset (explicit flags override it)")
    ap.add_argument("--personas", type=int)
    ap.add_argument("--channels", type=int)
    ap.add_argument("--locations", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--budget", type=int,
                    help="campaign budget, major units (default: about a "
                    "quarter of what all cells could absorb)")
    ap.add_argument("--mip", action="store_true",
                    help="add min_daily on 2 channels and 1-2 flat channels")
    ap.add_argument("--segments", type=int, default=8,
                    help="planner segments per cell, for the column estimate")
    args = ap.parse_args(argv)

    pp, ll, cc = PRESETS.get(args.preset, (None, None, None))
    P = args.personas if args.personas is not None else pp
    L = args.locations if args.locations is not None else ll
    C = args.channels if args.channels is not None else cc
    if P is None or L is None or C is None:
        ap.error("give --preset or all of --personas --channels --locations")
    if P < 1 or L < 1 or C < 1 or (args.mip and C < 2):
        ap.error("personas, locations, channels must be >= 1 "
                 "(channels >= 2 with --mip)")

    rng = random.Random(args.seed)
    chans = make_channels(rng, C, args.mip)
    personas, cells, capacity = make_personas(rng, P, L, chans)
    if args.budget is not None:
        budget = args.budget
    else:
        # a binding budget: about a quarter of the frequency-capped spend,
        # a multiple of 7600 so that run.sh's 20-point frontier from
        # budget/4 to 2*budget has integer steps (7 * budget / 76)
        budget = max(7600, int(round(capacity * 0.25 / 7600.0)) * 7600)

    audience = {
        "campaign": {
            "name": f"Synthetic benchmark seed {args.seed}",
            "currency": CURRENCY,
            "budget": budget,
            "start": START,
            "end": END,
            "objective": "applications",
        },
        "personas": personas,
    }
    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "channels.csv"), chans, args)
    with open(os.path.join(args.out, "audience.json"), "w",
              encoding="utf-8") as f:
        json.dump(audience, f, indent=1, sort_keys=False)
        f.write("\n")
    columns = cells * args.segments
    meta = {
        "preset": args.preset,
        "seed": args.seed,
        "personas": P,
        "locations": L,
        "channels": len(chans),
        "planner_personas": len(personas),
        "cells": cells,
        "segments": args.segments,
        "expected_columns": columns,
        "budget": budget,
        "mip": args.mip,
        "min_daily_channels": [c["id"] for c in chans if c["min_daily"]],
        "flat_channels": [c["id"] for c in chans if c["pricing"] == "flat"],
    }
    with open(os.path.join(args.out, "meta.json"), "w",
              encoding="utf-8") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    print(f"gen.py: {len(personas)} personas ({P} x {L} locations), "
          f"{len(chans)} channels, {cells} cells, "
          f"~{columns} columns at {args.segments} segments, "
          f"budget {budget} {CURRENCY}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
