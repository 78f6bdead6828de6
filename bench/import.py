"""Import 10,000 rows from CSV and from XLSX, against only reading the same file (csv module / openpyxl read-only).

    .venv/bin/python bench/import.py [ROWS]

Prints seconds and the ratio import / read: how much our detection, mapping, validation and storage cost on top of
reading the file at all. Both are measured in this run, on this machine.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from onboard.core.importing import run_import
from onboard.core.project import Project
from onboard.core.seller import SellerProfile

HEADER = [
    "SKU",
    "Parent SKU",
    "商品名称",
    "商品描述",
    "价格",
    "库存",
    "重量",
    "重量单位",
    "条码",
    "颜色",
    "尺码",
    "图片",
]


def rows(count: int):
    for n in range(count):
        parent = f"P-{n - n % 5}" if n % 5 else ""
        title = f"LED 台灯 {n} 型号 BW-{n:05d}"
        description = "<p>三档调光，USB-C 供电 5 V / 2 A。</p>" * 3
        colour = "白色" if n % 2 else "黑色"
        yield [f"P-{n}", parent, title, description, f"{n % 300}.90", str(n % 50), "650", "g", "", colour, "M",
               f"https://example.com/{n}.jpg"]  # fmt: skip


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def read_csv(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as file:
        for _row in csv.reader(file):
            pass


def read_xlsx(path: Path) -> None:
    workbook = load_workbook(path, read_only=True, data_only=True)
    for _row in workbook.active.iter_rows(values_only=True):
        pass
    workbook.close()


def import_into_new_project(folder: Path, path: Path) -> None:
    project_path = folder / f"bench-{time.perf_counter_ns()}.onboard"
    Project.create(project_path, SellerProfile(name="Bench", origin="CN", currency="CNY", markets=("US",))).close()
    with Project.open(project_path) as project:
        result = run_import(project, path)
    assert result.imported == COUNT, result.imported


COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        csv_path = folder / "products.csv"
        with csv_path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(HEADER)
            writer.writerows(rows(COUNT))
        xlsx_path = folder / "products.xlsx"
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("商品")
        sheet.append(HEADER)
        for row in rows(COUNT):
            sheet.append(row)
        workbook.save(xlsx_path)

        print(
            f"{COUNT:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB CSV, {xlsx_path.stat().st_size / 1e6:.1f} MB XLSX"
        )
        for label, path, baseline, name in (
            ("CSV ", csv_path, read_csv, "csv module"),
            ("XLSX", xlsx_path, read_xlsx, "openpyxl read-only"),
        ):
            read = best_of(3, lambda p=path, b=baseline: b(p))
            imported = best_of(3, lambda p=path: import_into_new_project(folder, p))
            print(f"{label}: import {imported:.2f} s, read with {name} {read:.2f} s, ratio {imported / read:.1f}x")
