"""A stand-in for the month report's rows, to try the baseline without the Rust bench:
a few small summary sheets and one detail sheet, ROWS rows in all, 15 columns of Chinese text,
numbers and empty cells. Deterministic (fixed seed).

Usage: python3 make_sample.py OUT.json [ROWS]   (default 8000)
"""

import json
import random
import sys

WORDS = "厨房 卫生间 水管 漏水 电梯 停运 楼道 灯 不亮 门禁 故障 业主 投诉 噪音 维修 完成 回访 满意 物业费 车位".split()
PEOPLE = "张丽 王超 周敏 何娜 李强 刘洋 陈静 杨帆 赵红 孙伟".split()


def detail_row(r, i):
    day = 1 + i % 28
    return [
        f"PG-202611-{i + 1:04d}",
        f"2026-11-{day:02d} {8 + i % 12:02d}:{i % 60:02d}",
        f"{1 + i % 25}-{1 + i % 2}-{100 * (1 + i % 18) + 1 + i % 4}",
        r.choice(PEOPLE),
        "".join(r.choice(WORDS) for _ in range(r.randint(4, 12))),
        r.choice(["给排水", "配电/照明", "电梯", "门窗", "公共设施"]),
        r.choice(["工程部", "秩序部", "环境部"]),
        r.choice(PEOPLE),
        r.choice(["已完工", "已关闭", "已派工", "待派工"]),
        r.choice([None, f"2026-11-{day:02d} {9 + i % 12:02d}:30"]),
        r.randint(0, 72),
        round(r.random() * 200, 2),
        r.choice(["满意", "基本满意", "不满意", None]),
        r.choice(["是", "否"]),
        "".join(r.choice(WORDS) for _ in range(r.randint(0, 6))) or None,
    ]


def main(argv):
    if not argv:
        sys.exit("usage: make_sample.py OUT.json [ROWS]")
    total = int(argv[1]) if len(argv) > 1 else 8000
    r = random.Random(1)
    head = ["单号", "受理时间", "房号", "联系人", "内容", "类别", "部门", "维修人", "状态", "完工时间", "用时（小时）", "收费（元）", "满意度", "按时", "备注"]
    small = [
        {"name": name, "rows": [head] + [detail_row(r, i) for i in range(n)]}
        for name, n in [("汇总", 20), ("报修分析", 60), ("投诉分析", 40), ("回访与满意度", 60), ("人员工作量", 30), ("值班统计", 60)]
    ]
    used = sum(len(s["rows"]) for s in small)
    detail = {"name": "明细", "rows": [head] + [detail_row(r, i) for i in range(max(0, total - used - 1))]}
    with open(argv[0], "w", encoding="utf-8") as f:
        json.dump({"sheets": small + [detail]}, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
