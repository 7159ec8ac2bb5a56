"""Turns the result files of a benchmark run (bench/out/*.json, see bench/CONTRACT.md) into
bench/results.md and bench/chart.png, or, with --smoke, only checks them:

    python bench/report.py --out bench/out [--smoke] [--results bench/results.md] [--chart bench/chart.png]

--smoke prints `bench smoke: N passed, M failed` (N = contenders that ran and answered correctly; a case
without a result file counts as a failure) and exits non-zero if anything failed. A real run also exits
non-zero when a case is missing or a contender answered wrongly, after writing the report, which says so.
Needs matplotlib only for the chart (bench/run.sh installs it into the SDK's venv).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Every case of the contract, in report order; each must have a result file.
CASES = [
    "python-sync",
    "python-async",
    "python-decode",
    "python-footprint",
    "node",
    "node-footprint",
    "rust",
    "limit",
]
CHART_CASES = ["python-async", "node", "rust"]


# ---- reading ----------------------------------------------------------------------------------------


def load(out: Path) -> tuple[dict[str, dict], dict]:
    """The result files by case id, and run.json (what bench/run.sh recorded about the run)."""
    docs = {}
    for path in sorted(out.glob("*.json")):
        if path.name == "run.json":
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs[doc["case"]] = doc
    run_file = out / "run.json"
    run = json.loads(run_file.read_text(encoding="utf-8")) if run_file.exists() else {}
    return docs, run


def unit_of(doc: dict, row: dict) -> str:
    return row.get("unit") or doc["unit"]


def median(row: dict) -> float | None:
    return statistics.median(row["samples"]) if row["samples"] else None


def groups(doc: dict) -> dict[str | None, list[dict]]:
    """Rows by metric (footprint cases have several; the others one, `None`), in file order."""
    out: dict[str | None, list[dict]] = {}
    for row in doc["rows"]:
        out.setdefault(row.get("metric"), []).append(row)
    return out


def sdk_row(doc: dict, rows: list[dict], concurrency) -> dict | None:
    return next(
        (
            r
            for r in rows
            if r["contender"] == doc["sdk"] and r.get("concurrency") == concurrency
        ),
        None,
    )


def ratio(doc: dict, sdk: dict | None, other: dict) -> float | None:
    """The SDK's median / `other`'s (same unit): above 1 is better for rates, below 1 for times and sizes."""
    if sdk is None or unit_of(doc, sdk) != unit_of(doc, other):
        return None
    a, b = median(sdk), median(other)
    return a / b if a and b else None


def limit_rates(docs: dict[str, dict]) -> dict[int, float]:
    """The limit row: the best native load generator's median at each concurrency."""
    best: dict[int, float] = {}
    for row in docs.get("limit", {}).get("rows", []):
        m = median(row)
        if m is not None and row["correct"]:
            best[row["concurrency"]] = max(m, best.get(row["concurrency"], 0.0))
    return best


# ---- checking ---------------------------------------------------------------------------------------


def check(docs: dict[str, dict]) -> tuple[int, list[str]]:
    """Contenders that ran and answered correctly, and what failed (missing cases included)."""
    passed, failed = 0, []
    for case in CASES:
        doc = docs.get(case)
        if doc is None:
            failed.append(f"{case}: no result file")
            continue
        contenders: dict[tuple, list[dict]] = {}
        for row in doc["rows"]:
            contenders.setdefault((row.get("metric"), row["contender"]), []).append(row)
        if not contenders:
            failed.append(f"{case}: no rows")
        for (metric, contender), rows in contenders.items():
            name = f"{case}: {metric + ': ' if metric else ''}{contender}"
            if not all(r["correct"] for r in rows):
                failed.append(f"{name}: wrong answers")
            elif not all(r["samples"] for r in rows):
                failed.append(f"{name}: no samples")
            else:
                passed += 1
    return passed, failed


def evaluate_targets(doc: dict) -> list[tuple[str, str, bool | None]]:
    """Each target of a case as (what, the measured value, met?); met is None when it cannot be told."""
    out = []
    for target in doc.get("targets", []):
        if "vs" in target:
            # A bound on SDK / vs: `at_least` for rates, `at_most` for times (python-decode).
            rows = groups(doc).get(target.get("metric"), [])
            c = target.get("concurrency")
            other = next(
                (
                    r
                    for r in rows
                    if r["contender"] == target["vs"] and r.get("concurrency") == c
                ),
                None,
            )
            value = ratio(doc, sdk_row(doc, rows, c), other) if other else None
            bound, at_least = (
                (target["at_least"], True)
                if "at_least" in target
                else (target["at_most"], False)
            )
            what = f"{doc['sdk']} / {target['vs']} {'≥' if at_least else '≤'} {bound:g}"
            what += f" at {c}" if c is not None else ""
            if value is None:
                out.append((what, "n/a", None))
            else:
                out.append(
                    (
                        what,
                        f"{value:.2f}",
                        value >= bound if at_least else value <= bound,
                    )
                )
        elif "at_most" in target:
            contender = target.get("contender", doc["sdk"])
            row = next(
                (
                    r
                    for r in doc["rows"]
                    if r["contender"] == contender
                    and ("metric" not in target or r.get("metric") == target["metric"])
                ),
                None,
            )
            m = median(row) if row else None
            unit = target.get("unit") or (unit_of(doc, row) if row else "")
            label = (
                f"{target['metric']}: {contender}" if "metric" in target else contender
            )
            what = f"{label} ≤ {target['at_most']:g} {unit}"
            if m is None:
                out.append((what, "n/a", None))
            else:
                out.append((what, f"{fmt(m, unit)} {unit}", m <= target["at_most"]))
    return out


# ---- writing results.md -----------------------------------------------------------------------------


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f}" if unit == "req/s" else f"{value:,.2f}"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**NOT met**", None: "unknown"}[met]


def case_table(doc: dict, limits: dict[int, float]) -> list[str]:
    lines = [f"## {doc['title']} (`{doc['case']}`)", ""]
    better = "higher" if doc["higher_is_better"] else "lower"
    alone = (
        len({r["contender"] for r in doc["rows"]}) == 1
    )  # the limit row: nothing to compare with
    legend = (
        f"Median of the rounds, {better} is better. *Spread*: (max − min) / median."
    )
    if not alone:
        legend += (
            f" *SDK / this*: the median of `{doc['sdk']}` over the row's (the SDK is better "
            f"{'above' if doc['higher_is_better'] else 'below'} 1)."
        )
    lines.append(legend)
    lines.append("")
    with_limit = any(
        unit_of(doc, r) == "req/s" and r.get("concurrency") in limits
        for r in doc["rows"]
    )
    head = ["metric"] if any("metric" in r for r in doc["rows"]) else []
    head += [
        "contender",
        "in flight",
        "median",
        "unit",
        "min – max",
        "spread",
        "rounds",
    ]
    head += [] if alone else ["SDK / this"]
    head += ["% of limit"] if with_limit and doc["case"] != "limit" else []
    head += ["answers"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for metric, rows in groups(doc).items():
        for row in sorted(rows, key=lambda r: r.get("concurrency") or 0):
            unit, m = unit_of(doc, row), median(row)
            samples = row["samples"]
            cells = [metric or ""] if head[0] == "metric" else []
            spread = (
                f"{(max(samples) - min(samples)) / m * 100:.1f} %"
                if samples and m
                else "n/a"
            )
            is_sdk = row["contender"] == doc["sdk"]
            adv = (
                None
                if is_sdk
                else ratio(doc, sdk_row(doc, rows, row.get("concurrency")), row)
            )
            name = f"**{row['contender']}**" if is_sdk else row["contender"]
            concurrency = row.get("concurrency")
            cells += [
                name,
                "" if concurrency is None else str(concurrency),
                fmt(m, unit),
                unit,
            ]
            cells += [
                f"{fmt(min(samples), unit)} – {fmt(max(samples), unit)}"
                if samples
                else "n/a",
                spread,
            ]
            cells += [str(len(samples))]
            cells += (
                []
                if alone
                else ["" if is_sdk else ("n/a" if adv is None else f"{adv:.2f}")]
            )
            if "% of limit" in head:
                lim = limits.get(concurrency) if unit == "req/s" else None
                cells.append(f"{m / lim * 100:.0f} %" if lim and m else "")
            cells.append("ok" if row["correct"] else "**WRONG**")
            lines.append("| " + " | ".join(cells) + " |")
    targets = evaluate_targets(doc)
    if targets:
        lines += [
            "",
            "Targets: "
            + "; ".join(
                f"{what}: {value}, {verdict(met)}" for what, value, met in targets
            )
            + ".",
        ]
    if doc.get("notes"):
        lines += ["", f"Notes: {doc['notes']}"]
    return lines + [""]


def summary(docs: dict[str, dict], limits: dict[int, float]) -> list[str]:
    lines = ["## Targets", "", "| case | target | measured | |", "|---|---|---|---|"]
    for case in CASES:
        if case in docs:
            for what, value, met in evaluate_targets(docs[case]):
                lines.append(f"| {case} | {what} | {value} | {verdict(met)} |")
    concurrencies = sorted(limits)
    if concurrencies:
        lines += [
            "",
            "## Each SDK as a share of the limit row (the native load generator's rate)",
            "",
        ]
        lines += [
            "| case | SDK | "
            + " | ".join(f"{c} in flight" for c in concurrencies)
            + " |"
        ]
        lines += ["|---|---|" + "---|" * len(concurrencies)]
        rates = " | ".join(f"{limits[c]:,.0f} req/s" for c in concurrencies)
        lines += [f"| limit | {docs['limit']['sdk']} | {rates} |"]
        for case in CASES:
            doc = docs.get(case)
            if not doc or case == "limit" or doc["unit"] != "req/s":
                continue
            shares = []
            for c in concurrencies:
                row = sdk_row(doc, doc["rows"], c)
                m = median(row) if row else None
                shares.append(f"{m / limits[c] * 100:.0f} %" if m else "")
            lines.append(f"| {case} | {doc['sdk']} | " + " | ".join(shares) + " |")
    return lines + [""]


def command(*args: str) -> str:
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, timeout=10, check=False
        )
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "n/a"


def lock_version(lock: Path, name: str) -> str:
    """A package's version in a Cargo.lock (`name = "x"` then `version = "y"`) or package-lock.json."""
    if not lock.exists():
        return "n/a"
    text = lock.read_text(encoding="utf-8")
    if lock.suffix == ".json":
        return (
            json.loads(text)
            .get("packages", {})
            .get(f"node_modules/{name}", {})
            .get("version", "n/a")
        )
    found = re.search(rf'name = "{re.escape(name)}"\nversion = "([^"]+)"', text)
    return found.group(1) if found else "n/a"


def pip_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "n/a"


def machine(run: dict) -> list[str]:
    cpuinfo = (
        Path("/proc/cpuinfo").read_text(encoding="utf-8")
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    meminfo = (
        Path("/proc/meminfo").read_text(encoding="utf-8")
        if Path("/proc/meminfo").exists()
        else ""
    )
    mem = re.search(r"MemTotal:\s*(\d+) kB", meminfo)
    os_release = (
        Path("/etc/os-release").read_text(encoding="utf-8")
        if Path("/etc/os-release").exists()
        else ""
    )
    distro = re.search(r'PRETTY_NAME="([^"]+)"', os_release)
    cargo_lock, npm_lock = ROOT / "Cargo.lock", HERE / "node" / "package-lock.json"
    python_contenders = ", ".join(
        f"{n} {pip_version(n)}" for n in ["requests", "httpx", "aiohttp", "pydantic"]
    )
    return [
        "## Machine and versions",
        "",
        (
            f"- Run: {run.get('finished', 'n/a')}, {run.get('duration_s', 'n/a')} s of measuring; "
            f"pinning: {run.get('pinning', 'n/a')}"
        ),
        (
            f"- CPU: {model.group(1) if model else platform.processor() or 'n/a'}, {os.cpu_count()} logical CPUs; "
            f"memory {f'{int(mem.group(1)) / 1024 / 1024:.1f} GiB' if mem else 'n/a'}"
        ),
        f"- OS: {distro.group(1) if distro else platform.platform()}, kernel {platform.release()}",
        (
            f"- Toolchains: {command('rustc', '--version')}; Node {command('node', '--version')}; "
            f"Python {platform.python_version()}; {command('wrk', '-v').split(' Copyright')[0]}"
        ),
        (
            f"- Rust: hamsa {lock_version(cargo_lock, 'hamsa')}, reqwest {lock_version(cargo_lock, 'reqwest')}, "
            f"hyper {lock_version(cargo_lock, 'hyper')}, tokio {lock_version(cargo_lock, 'tokio')} (Cargo.lock); "
            f"{'debug builds (smoke)' if run.get('mode') == 'smoke' else 'release builds'}"
        ),
        f"- Node: undici {lock_version(npm_lock, 'undici')} (bench/node/package-lock.json)",
        f"- Python: hamsa {pip_version('hamsa')}, {python_contenders}",
        "",
    ]


def results_md(docs: dict[str, dict], run: dict, failures: list[str]) -> str:
    limits = limit_rates(docs)
    lines = [
        "# Benchmark results",
        "",
        (
            "Written by `bench/run.sh` (bench/report.py); rerun it to refresh this file and `chart.png`. The canned "
            "server (`bench/server`) answers from prepared bytes on loopback; see bench/README.md for the method."
        ),
        "",
    ]
    if failures:
        lines += ["**Failures in this run:**", ""] + [f"- {f}" for f in failures] + [""]
    lines += summary(docs, limits)
    for case in CASES:
        if case in docs:
            lines += case_table(docs[case], limits)
    lines += machine(run)
    lines += ["![Requests per second by requests in flight](chart.png)", ""]
    return "\n".join(lines)


# ---- the chart --------------------------------------------------------------------------------------


def plot_curves(ax, doc: dict, is_limit: bool) -> None:
    """One line per contender: the median at each concurrency, with the rounds' min and max as error bars."""
    by_contender: dict[str, list[dict]] = {}
    for row in doc["rows"]:
        if row.get("concurrency") and row["samples"]:
            by_contender.setdefault(row["contender"], []).append(row)
    for contender, rows in by_contender.items():
        rows.sort(key=lambda r: r["concurrency"])
        x = [r["concurrency"] for r in rows]
        y = [median(r) for r in rows]
        below = [m - min(r["samples"]) for r, m in zip(rows, y)]
        above = [max(r["samples"]) - m for r, m in zip(rows, y)]
        if is_limit:
            style = {
                "linestyle": "--",
                "color": "grey",
                "label": f"{contender} (limit)",
            }
        else:
            style = {
                "linewidth": 2.5 if contender == doc["sdk"] else 1.2,
                "label": contender,
            }
        ax.errorbar(x, y, yerr=[below, above], marker="o", capsize=3, **style)


def chart(docs: dict[str, dict], path: Path) -> None:
    import matplotlib
    import matplotlib.ticker

    matplotlib.use("Agg")  # no display on a CI box
    import matplotlib.pyplot as plt

    cases = [c for c in CHART_CASES if c in docs]
    fig, axes = plt.subplots(
        1, max(len(cases), 1), figsize=(5 * max(len(cases), 1), 4.2), squeeze=False
    )
    for ax, case in zip(axes[0], cases):
        plot_curves(ax, docs[case], is_limit=False)
        if "limit" in docs:
            plot_curves(ax, docs["limit"], is_limit=True)
        ax.set_xscale("log", base=2)
        ax.set_xticks(
            sorted(
                {r["concurrency"] for r in docs[case]["rows"] if r.get("concurrency")}
            )
        )
        ax.xaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
        ax.set_yscale("log")
        ax.set_title(docs[case]["title"], fontsize=10)
        ax.set_xlabel("requests in flight")
        ax.set_ylabel("requests per second (median, min–max)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


# ---- main -------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE / "out",
        help="the directory of the result files",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="check the files only; write nothing"
    )
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("--chart", type=Path, default=HERE / "chart.png")
    args = parser.parse_args()

    docs, run = load(args.out)
    passed, failures = check(docs)
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    if args.smoke:
        print(f"bench smoke: {passed} passed, {len(failures)} failed")
        return 1 if failures else 0

    run["finished"] = run.get("finished") or datetime.now(UTC).strftime(
        "%Y-%m-%d %H:%M UTC"
    )
    args.results.write_text(results_md(docs, run, failures), encoding="utf-8")
    chart(docs, args.chart)
    print(
        f"wrote {args.results} and {args.chart}: {passed} contenders ok, {len(failures)} failed"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
