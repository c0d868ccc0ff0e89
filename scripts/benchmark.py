"""Benchmarks of the hub: build time against a baseline, check time, memory,
page weight in Chromium and Lighthouse performance. Run through scripts/bench.

Synthetic cases are generated into temporary copies of the project (never into
the repository) and validated by the real schema before anything is timed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

from hub.checks import project  # noqa: E402
from hub.model import case_schema, themes  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "hooks"))
WORDS = {
    "en": "council municipality women candidate election quota budget policy community trust law party family campaign finance project access information openness advocacy training mentoring network report decision mayor district service plan vote result".split(),
    "ar": "المجلس البلدية النساء المرشحة الانتخابات الكوتا الميزانية السياسة المجتمع الثقة القانون الحزب الأسرة الحملة التمويل المشروع الحصول المعلومات الانفتاح المناصرة التدريب الإرشاد الشبكة التقرير القرار رئيسة الحي الخدمة الخطة التصويت النتيجة".split(),
}
COUNTRIES = ["TN", "JO", "MA", "EG", "LB", "FR", "IT", "ES", "AT", "DE", "PS", "IQ"]


# ------------------------------------------------------------------ projects


def synthetic_case(index: int, lang: str, rng: random.Random) -> str:
    """One valid case file of about 600 words."""
    case_type = case_schema.TYPES[index % 2]
    theme_ids = [t.id for t in themes.load()]
    picked = sorted(random.Random(index).sample(theme_ids, 1 + index % 3))  # the same in both languages
    words = WORDS[lang]
    title = ("Synthetic case" if lang == "en" else "حالة اصطناعية") + f" {index}"
    front = (
        f'---\nid: synthetic-{index}\ntype: {case_type}\ntitle: "{title}"\nthemes: [{", ".join(picked)}]\n'
        f"country: {COUNTRIES[index % len(COUNTRIES)]}\nlevel: municipal\nperiod: {{start: {2000 + index % 25}}}\n"
        f'phase: {("election", "office", "both")[index % 3]}\nsummary: "{title}."\n'
        f"topics: [participation]\n"
        f"sources: [{{title: Synthetic source, publisher: Benchmark, year: 2020, language: en}}]\nreviewed: 2026-01-01\nreviewer: Benchmark\n---\n"
    )
    sections = []
    for names in case_schema.sections()[case_type]:
        paragraph = " ".join(rng.choice(words) for _ in range(600 // len(case_schema.sections()[case_type])))
        sections.append(f"## {names[lang]}\n\n{paragraph}.\n")
    return front + "\n" + "\n".join(sections)


# What a build reads besides mkdocs.yml (the folders its `watch` lists, docs and the theme).
CONTENT_FOLDERS = ("docs", "hooks", "overrides", "podcasts", "good_practices", "networks", "events", "country_cards", "solutions")


def project_copy(target: Path, cases: int) -> Path:
    """The project, with `cases` synthetic cases per language beside the real ones."""
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target)
    for folder in CONTENT_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    rng = random.Random(cases)
    for index in range(cases):
        for lang in ("en", "ar"):
            (target / "good_practices" / f"synthetic-{index}.{lang}.md").write_text(synthetic_case(index, lang, rng), encoding="utf-8")
    report = project.check(project.Layout(root=target))
    assert not report.errors, [p.text() for p in report.errors[:5]]
    return target


def baseline_copy(target: Path, cases: Path) -> Path:
    """The same Markdown pages built by plain Material + static-i18n with
    Material's own search: no hooks, no theme overrides, cases out of the
    navigation."""
    target.mkdir(parents=True)
    shutil.copytree(REPO / "docs", target / "docs")
    for source in sorted((cases / "good_practices").glob("*.*.md")):
        if source.name.startswith("_"):
            continue
        case_id, lang, _ = source.name.split(".")
        page = target / "docs" / lang / "good-practices" / f"{case_id}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"  custom_dir: overrides\n|  favicon: .*\n|  icon:\n    logo: .*\n", "", config)
    config = re.sub(r"\nextra_css:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    config = config.replace("  - Cases: good-practices/index.md\n", "").replace("  - Themes: themes/index.md\n", "")
    config = config.replace("\nplugins:\n", "\nplugins:\n  - search:\n      lang: [en, ar]\n", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


# ------------------------------------------------------------------ timing


def timed_build(folder: Path) -> tuple[float, int, float]:
    """Seconds, peak memory (MiB) and CPU seconds (user + system) of one strict
    build. CPU time is the steadier measure on a machine shared with other jobs."""
    out = folder / "site-out"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=folder,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {folder}:\n{proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def timed_serve(folder: Path, edits: int) -> tuple[float, list[float]]:
    """scripts/serve's server on the project copy: seconds until it serves (its
    first, whole build), and for each of `edits` saved case edits, seconds
    until the case's page is served with the edit (polling, as a reader reloading)."""
    import urllib.request

    server = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "static_server.py"), "--watch", "--port", "0", str(folder / "serve-out")],
        cwd=folder,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        start = time.perf_counter()
        for line in server.stdout:
            if line.startswith("Serving"):
                break
        first = time.perf_counter() - start
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)[0]
        seen = []
        for edit in range(edits):
            case = folder / "good_practices" / f"synthetic-{7 + edit}.en.md"
            title = f"Synthetic case {7 + edit}"
            mark = f"{title}, edited {time.time_ns()}"
            case.write_text(case.read_text(encoding="utf-8").replace(f'title: "{title}"', f'title: "{mark}"', 1), encoding="utf-8")
            saved = time.perf_counter()
            while mark not in urllib.request.urlopen(f"{url}good-practices/synthetic-{7 + edit}/").read().decode("utf-8"):
                time.sleep(0.05)
            seen.append(time.perf_counter() - saved)
        return first, seen
    finally:
        server.terminate()
        server.wait(timeout=30)


def timed_check(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "hub.cli", "--root", str(folder)], env=ENV, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def build_table(sizes, runs) -> list[dict]:
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            ours = project_copy(Path(tmp) / "ours", n)
            base = baseline_copy(Path(tmp) / "baseline", ours)
            ours_times, base_times, memory, ours_cpu, base_cpu = [], [], [], [], []
            for _ in range(runs):  # alternate, so both see the same machine state
                seconds, mib, cpu = timed_build(ours)
                ours_times.append(seconds)
                ours_cpu.append(cpu)
                memory.append(mib)
                seconds, _, cpu = timed_build(base)
                base_times.append(seconds)
                base_cpu.append(cpu)
            checks = [timed_check(ours) for _ in range(runs)]
            serve_start, serve_seen = timed_serve(ours, max(runs, 3))
            row = {
                "cases_per_language": n,
                "build_s": round(statistics.median(ours_times), 2),
                "baseline_s": round(statistics.median(base_times), 2),
                "ratio": round(statistics.median(ours_times) / statistics.median(base_times), 2),
                "build_cpu_s": round(statistics.median(ours_cpu), 2),
                "baseline_cpu_s": round(statistics.median(base_cpu), 2),
                "cpu_ratio": round(statistics.median(ours_cpu) / statistics.median(base_cpu), 2),
                "check_s": round(statistics.median(checks), 2),
                "peak_mib": max(memory),
                "serve_start_s": round(serve_start, 2),
                "serve_edit_seen_s": round(statistics.median(serve_seen), 2),
                "serve_edit_seen_max_s": round(max(serve_seen), 2),
            }
            row["search_first_query_kb"] = first_query(ours / "site-out")
            row["material_index_kb"] = material_index(base / "site-out")
            rows.append(row)
            print(
                f"  {n:>5} cases: build {row['build_s']} s, baseline {row['baseline_s']} s, ratio {row['ratio']}; CPU {row['build_cpu_s']} s against {row['baseline_cpu_s']} s, ratio {row['cpu_ratio']}; check {row['check_s']} s, peak {row['peak_mib']} MiB",
                flush=True,
            )
            print(
                f"         scripts/serve: serving after {row['serve_start_s']} s; an edited case shown {row['serve_edit_seen_s']} s after saving (median of {len(serve_seen)}, at most {row['serve_edit_seen_max_s']} s)",
                flush=True,
            )
            print(
                f"         first search, bytes transferred: {row['search_first_query_kb']} KB; Material's whole index per language: {row['material_index_kb']} KB",
                flush=True,
            )
    return rows


# ------------------------------------------------------------------ page weight


def key_pages(site: Path) -> list[str]:
    case = sorted(p.parent.name for p in (site / "good-practices").glob("*/index.html"))[0]
    pages = ["", "good-practices/", f"good-practices/{case}/", "assessment/"]
    episodes = sorted(p.parent.name for p in (site / "media").glob("*/index.html")) if (site / "media").exists() else []
    if episodes:
        pages.insert(3, f"media/{episodes[0]}/")
    return pages


def page_weights(server_url: str, pages: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from helpers import CHROMIUM, CHROMIUM_ARGS

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in ("", "ar/"):
            for path in pages:
                context = browser.new_context()
                page = context.new_page()
                finished = []
                page.on("requestfinished", lambda request, found=finished: found.append(request))
                page.goto(server_url + lang + path, wait_until="networkidle")
                total = 0
                index_fetched = False
                for request in finished:
                    sizes = request.sizes()
                    total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                    index_fetched |= "/search/" in request.url.split("?")[0]
                rows.append(
                    {
                        "page": "/" + lang + path,
                        "requests": len(finished),
                        "transferred_kb": round(total / 1024, 1),
                        "search_index_fetched": index_fetched,
                    }
                )
                context.close()
        browser.close()
    return rows


# ------------------------------------------------------------------ search

SEARCH_QUERIES = {"en": "women candidates", "ar": "النساء المرشحات"}


def first_query(site: Path) -> dict:
    """KB transferred (gzip) by a reader's first search, typed key by key into
    the header of the home page, from the first keystroke to the results."""
    from playwright.sync_api import sync_playwright

    from helpers import CHROMIUM, CHROMIUM_ARGS, Server

    out = {}
    with Server(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang, prefix in (("en", ""), ("ar", "ar/")):
            context = browser.new_context()
            page = context.new_page()
            finished = []
            page.goto(server.url + prefix, wait_until="networkidle")
            page.on("requestfinished", lambda request, found=finished: found.append(request))
            page.locator("body").press("/")
            page.keyboard.type(SEARCH_QUERIES[lang], delay=150)
            page.wait_for_function(
                "() => { const s = document.querySelector('.hub-search__status'); return s.textContent && !s.closest('form').hasAttribute('aria-busy'); }"
            )
            page.wait_for_load_state("networkidle")
            total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
            out[lang] = round(total / 1024, 1)
            context.close()
        browser.close()
    return out


def material_index(site: Path) -> dict:
    """KB (gzip) of Material's search index per language, as the site served it
    before its own search: the whole index of the reader's language, stored as
    UTF-8, fetched at the first search."""
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    out = {}
    for lang in ("en", "ar"):
        docs = [d for d in merged["docs"] if d["location"].startswith("ar/") == (lang == "ar")]
        data = json.dumps({"config": merged["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        out[lang] = round(len(gzip.compress(data, 6, mtime=0)) / 1024, 1)
    return out


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(prog="scripts/bench")
    parser.add_argument("--sizes", default="100,500,1000,2000", help="synthetic cases per language, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (the median is reported)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results.json")
    parser.add_argument("--no-builds", action="store_true", help="only page weight and Lighthouse")
    parser.add_argument("--builds-only", action="store_true", help="only the build times (no page weight, no Lighthouse)")
    args = parser.parse_args()
    results: dict = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    started = time.perf_counter()

    if not args.no_builds:
        print("Build time (median of %d alternate runs), our build vs the baseline:" % args.runs, flush=True)
        results["builds"] = build_table([int(n) for n in args.sizes.split(",")], args.runs)
    if args.builds_only:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return

    import lighthouse
    from helpers import Server, build

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        with Server(site) as server:
            build(REPO, site, env={"SITE_URL": server.url})
            pages = key_pages(site)
            print("\nFirst view in Chromium (gzip, bytes transferred, budget 100 KB):", flush=True)
            results["page_weight"] = page_weights(server.url, pages)
            for row in results["page_weight"]:
                print(
                    f"  {row['page']:<48} {row['transferred_kb']:>6} KB  {row['requests']:>2} requests  search index fetched: {row['search_index_fetched']}"
                )
            results["search_first_query_kb"] = first_query(site)
            print(
                "\nFirst search (nothing fetched before; own language only): "
                + ", ".join(f"{lang} {kb} KB" for lang, kb in results["search_first_query_kb"].items())
            )
            print("\nLighthouse performance, mobile preset:", flush=True)
            results["lighthouse_performance"] = []
            for lang in ("", "ar/"):
                for path in pages:
                    score = lighthouse.scores(server.url + lang + path, categories=("performance",))["performance"]
                    results["lighthouse_performance"].append({"page": "/" + lang + path, "performance": score})
                    print(f"  {'/' + lang + path:<48} {score}", flush=True)

    results["seconds"] = round(time.perf_counter() - started)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nWritten to {args.out} in {results['seconds']} s.")


if __name__ == "__main__":
    main()
