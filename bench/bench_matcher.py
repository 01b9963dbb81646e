"""Benchmark of the matching engine: prints figures, never asserts timings.

    python bench/bench_matcher.py                      # 10^4, 10^5, 10^6 workposts
    python bench/bench_matcher.py --sizes 10000 --quick

Per size: index build time and memory, p50/p95 latency of a warm top-10 ranking, how long
an added or changed workpost takes to show up in the next ranking. Once: caseload
assignment of 1,000 participants over 10^4 workposts, and a naive baseline (a Python loop
with geopy distances and per-pair text similarity) at 10^4 with the speed-up ratio.
"""
import argparse
import gc
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import flanders  # noqa: E402
import naive  # noqa: E402
from matcher import WorkpostIndex, assign  # noqa: E402


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def percentiles(seconds) -> str:
    ms = np.array(seconds) * 1e3
    return (f"p50 {np.percentile(ms, 50):7.2f} ms   p95 {np.percentile(ms, 95):7.2f} ms   "
            f"mean {ms.mean():7.2f} ms")


def latencies(index, people, warmup: int = 20) -> list[float]:
    for person in people[:warmup]:
        index.rank(person, top=10)
    return [timed(index.rank, person, top=10)[1] for person in people]


def update_visible(index, people, rng, trials: int) -> dict:
    """Add a workpost made for someone (right next door, what they like, every half-day),
    then rank: the time until it is in their top 10. Then change it and remove it."""
    template = flanders.workposts(rng, trials)
    added, changed, removed, seen = [], [], [], 0
    for i, person in enumerate(people[:trials]):
        post = replace(template[i], id=f"NEW-{i}", location=person.location,
                       activities=person.interests or ("other",),
                       offers=person.needs + person.wishes, description=person.interests_text,
                       schedule=person.availability, open_places=1, capacity=1)
        start = time.perf_counter()
        index.add(post)
        found = {m.workpost_id for m in index.rank(person, top=10)}
        added.append(time.perf_counter() - start)
        seen += post.id in found
        start = time.perf_counter()
        index.update(replace(post, open_places=0))
        gone = post.id not in {m.workpost_id for m in index.rank(person, top=10)}
        changed.append(time.perf_counter() - start)
        start = time.perf_counter()
        index.remove(post.id)
        index.rank(person, top=10)
        removed.append(time.perf_counter() - start)
        seen += gone
    return {"add": added, "update": changed, "remove": removed, "ok": seen == 2 * trials}


def bench_size(n: int, args, places) -> dict:
    rng = np.random.default_rng(args.seed)
    workposts, gen_s = timed(flanders.workposts, rng, n, places)
    people = flanders.participants(rng, args.queries, places)
    gc.collect()
    before = rss_mib()
    index, build_s = timed(WorkpostIndex.build, workposts)
    grown = rss_mib() - before
    print(f"\n== {n:,} workposts ==")
    print(f"generate          {gen_s:8.1f} s")
    print(f"index build       {build_s:8.1f} s")
    print(f"index memory      {index.nbytes() / 2**20:8.1f} MiB (arrays, trees, id map); "
          f"process RSS grew {grown:.0f} MiB during the build")
    times = latencies(index, people)
    print(f"rank top 10       {percentiles(times)}   ({len(times)} participants, warm)")
    counts = [len(index.rank(p, top=10)) for p in people[:50]]
    print(f"results per query median {statistics.median(counts)} (of 10)")
    changes = update_visible(index, people, rng, args.trials)
    for name in ("add", "update", "remove"):
        print(f"{name:6s} -> visible {percentiles(changes[name])}")
    print(f"changes visible in the very next ranking: {'yes' if changes['ok'] else 'NO'}")
    return {"index": index, "workposts": workposts, "people": people, "p50": times}


def bench_assign(index, places, args) -> None:
    rng = np.random.default_rng(args.seed + 1)
    people = flanders.participants(rng, args.caseload, places)
    proposals, seconds = timed(assign, people, index)
    placed = sum(p.match is not None for p in proposals)
    print(f"\n== caseload assignment: {len(people):,} participants x {len(index):,} workposts ==")
    print(f"assign            {seconds:8.2f} s   ({placed} proposals, "
          f"{len(people) - placed} without a free place on their list)")


def bench_naive(result, args) -> None:
    workposts, people, index = result["workposts"], result["people"], result["index"]
    model, prep_s = timed(naive.NaiveMatcher, workposts)
    sample = people[: args.naive]
    naive_s = [timed(model.rank, p, 10)[1] for p in sample]
    ours = [timed(index.rank, p, top=10)[1] for p in sample for _ in range(3)]
    agree = sum(naive.same_suitable(model, index, p) for p in sample)
    ratio = statistics.mean(naive_s) / statistics.mean(ours)
    print(f"\n== naive baseline at {len(workposts):,} workposts "
          f"(Python loop, geopy great_circle, per-pair tf-idf cosine) ==")
    print(f"naive rank        mean {statistics.mean(naive_s) * 1e3:9.1f} ms per participant "
          f"({len(sample)} participants; vectoriser fitted once in {prep_s:.1f} s)")
    print(f"index rank        mean {statistics.mean(ours) * 1e3:9.2f} ms per participant")
    print(f"speed-up          {ratio:8.0f} x   (same suitable set for {agree}/{len(sample)})")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="comma-separated workpost counts")
    parser.add_argument("--quick", action="store_true",
                        help="fewer queries, a smaller caseload and baseline (a smoke run)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--trials", type=int, default=20, help="update-visible trials")
    parser.add_argument("--caseload", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=5, help="participants for the baseline")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.quick:
        args.queries, args.trials, args.caseload, args.naive = 60, 5, 200, 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    places = flanders.flemish_places()
    print(f"matcher benchmark: sizes {sizes}, {args.queries} queries each, seed {args.seed}")
    results = {}
    for n in sizes:
        results[n] = bench_size(n, args, places)
        if n != min(sizes):
            del results[n]  # keep only the smallest index alive for the caseload and baseline
        gc.collect()
    smallest = results[min(sizes)]
    bench_assign(smallest["index"], places, args)
    bench_naive(smallest, args)


if __name__ == "__main__":
    main()
