"""One set of findings that every reporter is tested on (tests/test_reporters.py), as ruff
tests its emitters: a check that holds, one that holds only within rounding, a failure
with a lost 亿 (a power-of-ten slip), an acknowledged discrepancy, a stale
acknowledgement, an input error, a check that cannot run, a warning, and an inferred
finding from ``scan`` whose claims carry the character offsets of their figures.

Built by hand as data (exact Decimal intervals, display units), not by running the
engine: a change in the engine's verdicts must not show up as a change in the reporters.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from tradecheck.checks.values import Display
from tradecheck.findings import (
    ERROR,
    FAILED,
    KNOWN,
    OK,
    STALE,
    WARNING,
    ClaimInfo,
    Finding,
    PowerOfTen,
    Report,
    Side,
)
from tradecheck.quantities.intervals import Interval

YI_YUAN = Display("亿元", Fraction(10**8))
YI_TONNES = Display("亿吨", Fraction(10**8))
TONNES = Display("tonnes", Fraction(1))
PERCENT = Display("%", Fraction(1, 100))
FILE = "claims/cq-2025.yaml"
TEXT = "releases/cq-2025.txt"
ZH = "2025年重庆市进出口情况新闻发布会"


def interval(lo: str, hi: str, scale: int = 1) -> Interval:
    low, high = Decimal(lo) * scale, Decimal(hi) * scale
    return Interval(low, high, (low + high) / 2)


def yi(lo: str, hi: str) -> Interval:
    return interval(lo, hi, 10**8)


TRADE = ClaimInfo("cq.trade.2025", "8006.8亿元", FILE, 12, "12%",
                  "2025年重庆外贸进出口总额8006.8亿元,同比增长12%。", ZH)
EXPORTS = ClaimInfo("cq.exports.2025", "5587.3亿元", FILE, 14, None,
                    "重庆出口总额5587.3亿元中,机电产品出口4962.4亿元,占比88.8%。", ZH)
IMPORTS = ClaimInfo("cq.imports.2025", "2419.5亿元", FILE, 15, None, "全年进口总额2419.5亿元。", ZH)
PRIVATE = ClaimInfo("cq.private.2025", "3841.9亿元", FILE, 16, "18.9%",
                    "其中民营企业进出口3841.9亿元,增长18.9%,占比提升2.8个百分点至48%。", ZH)
SHARE = ClaimInfo("cq.private.share.2025", "48%", FILE, 17, None,
                  "其中民营企业进出口3841.9亿元,增长18.9%,占比提升2.8个百分点至48%。", ZH)
BULK_EN = ClaimInfo("cn.bulk.2025.en", "nearly 30 tonnes", "claims/national.yaml", 40, "1.1%",
                    "Last year, China imported nearly 30 tonnes of bulk commodities, up 1.1% "
                    "year-on-year.", "SCIO press conference (English transcript)")
BULK = ClaimInfo("cn.bulk.2025", "近30亿吨", "claims/national.yaml", 38, "1.1%",
                 "去年我国进口了近30亿吨的大宗商品,增加了1.1%", "国新办新闻发布会")
SCAN_SENTENCE = "全市进出口总额8006.8亿元,其中出口5587.3亿元,进口2419.5亿元。"


def sum_sides(total: tuple[str, str], parts: tuple[str, str]) -> tuple[Side, Side]:
    return (Side("5587.3亿元 + 2419.5亿元", yi(*parts), YI_YUAN),
            Side("8006.8亿元", yi(*total), YI_YUAN))


def findings() -> list[Finding]:
    holds_actual, holds_expected = sum_sides(("8006.75", "8006.85"), ("8006.7", "8006.9"))
    return [
        Finding(ERROR, "", "input", "TC000", "claims/broken.yaml", 3,
                error="unknown unit '亿圆' in '5亿圆'", suggestion="亿元"),
        Finding(OK, "cq.trade.2025 == cq.exports.2025 + cq.imports.2025", "sum", "TC101",
                FILE, 30, None, [TRADE, EXPORTS, IMPORTS], "==", holds_actual, holds_expected,
                holds=True),
        Finding(OK, "cq.private.2025 / cq.trade.2025 == cq.private.share.2025", "share",
                "TC102", FILE, 31, "cq-private-share", [PRIVATE, TRADE, SHARE], "==",
                Side("3841.9亿元 / 8006.8亿元", interval("0.47982", "0.479839"), PERCENT),
                Side("48%", interval("0.475", "0.485"), PERCENT), holds=True,
                rounding_only=True, note="民营企业进出口…占比48%"),
        Finding(FAILED, "cq.trade.2025 == cq.exports.2025 + cq.imports.2025", "sum", "TC101",
                FILE, 32, "cq-trade-sum", [TRADE, EXPORTS, IMPORTS], "==",
                Side("5587.3亿元 + 2419.5亿元", yi("8006.7", "8006.9"), YI_YUAN),
                Side("8106.8亿元", yi("8106.75", "8106.85"), YI_YUAN),
                Decimal("99.85") * 10**8, holds=False),
        Finding(FAILED, "cn.bulk.2025.en == cn.bulk.2025", "same-figure", "TC001",
                "claims/national.yaml", 40, None, [BULK_EN, BULK], "==",
                Side("nearly 30 tonnes", interval("29.5", "30.5"), TONNES),
                Side("近30亿吨", yi("29.5", "30.5"), YI_TONNES),
                Decimal("2949999969.5"), holds=False, reasons=(PowerOfTen(8),)),
        Finding(KNOWN, "cn.bulk.2025.en == cn.bulk.2025", "same-figure", "TC001",
                "claims/national.yaml", 41, "cn-bulk-translation", [BULK_EN, BULK], "==",
                Side("nearly 30 tonnes", interval("29.5", "30.5"), TONNES),
                Side("近30亿吨", yi("29.5", "30.5"), YI_TONNES),
                Decimal("2949999969.5"), holds=False, reasons=(PowerOfTen(8),),
                known="the English text dropped 亿"),
        Finding(STALE, "cq.trade.2025 > cq.exports.2025", "relation", "TC199", FILE, 33, None,
                [TRADE, EXPORTS], ">", Side("8006.8亿元", yi("8006.75", "8006.85"), YI_YUAN),
                Side("5587.3亿元", yi("5587.25", "5587.35"), YI_YUAN), holds=True,
                known="was wrong in the draft"),
        Finding(ERROR, "cq.trade.2025 == cq.weight.2025", "relation", "TC199", FILE, 34, None,
                [TRADE], error="cannot compare yuan and tonnes"),
        Finding(WARNING, "growth(cq.trade.2025) == 3.5倍", "growth", "TC104", FILE, 35, None,
                [TRADE], "==", Side("12%", interval("0.115", "0.125"), PERCENT),
                Side("3.5倍", interval("2.45", "2.55"), PERCENT), Decimal("2.325"),
                holds=False),
        Finding(OK, "cq.trade.2025 == cq.exports.2025 + cq.imports.2025", "sum", "TC101",
                TEXT, 1, "cq.trade.2025-sum",
                [ClaimInfo("cq.trade.2025", "8006.8亿元", TEXT, 1, None, SCAN_SENTENCE,
                           "cq-2025", 7, 15),
                 ClaimInfo("cq.exports.2025", "5587.3亿元", TEXT, 1, None, SCAN_SENTENCE,
                           "cq-2025", 20, 28),
                 ClaimInfo("cq.imports.2025", "2419.5亿元", TEXT, 1, None, SCAN_SENTENCE,
                           "cq-2025", 31, 39)],
                "==", holds_actual, holds_expected, holds=True, derived=False, inferred=True),
    ]


def report() -> Report:
    return Report(findings(), [FILE, "claims/national.yaml", "claims/broken.yaml", TEXT])
