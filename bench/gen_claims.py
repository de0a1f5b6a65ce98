"""Generate a synthetic claim set with injected discrepancies, for benchmarks.

    python bench/gen_claims.py --claims 100000 [--out bench/out/claims-100k] [--seed 2026]

Writes N claims (contract v1, DESIGN.md) split over several YAML files, plus
``manifest.json`` in the same folder (``verify`` reads only ``*.yaml``). The
set reads like the shipped ``claims/``: one national file (``cn.*``) and files
of cities, each city with five years (2021-2025) of a customs release in
Chinese and its English article:

- trade, exports, imports in 亿元 with growth (下降2.5% / -2.5%), ``entity``,
  ``indicator`` and ``period`` fields (derived trade = exports + imports and
  prior-year balance), English twins (``800.68 billion yuan``, ``RMB 558.73
  billion``) with ``same_as``;
- trade by mode, private enterprises with their share and its change in
  个百分点, per-day averages (365 or 366 days), a headline repeat (超8000亿元,
  ``more than 800 billion yuan``), trader counts (5123家, 超过5000家,
  ``5,123 enterprises``), tonnes (近1.2亿吨 / ``nearly 120 million tonnes``), a
  dollar figure (亿美元, with the file's exchange rate);
- written checks of every kind: sum, share, share change, point gaps against
  the national growth (claim and ``4.1pp`` literal), per-day average,
  contribution (拉动), contribution rate (贡献率), prior and change, cagr, and
  relations; about one written check per two claims, plus derived ones.

Every printed figure is an exact underlying value (a Fraction) rounded to its
printed precision, or bounded the way its qualifier says, so every check holds.
Then about 1% of the figures are corrupted (at most one corruption per city and
year, each far outside rounding): a lost magnitude word or a wrong growth in an
English twin, a changed leading digit in a part, an import level, a per-day
average or a headline, a wrong share, pp gap, change, contribution, cagr or
contribution rate; a few lost magnitudes come with a ``known:`` check. The
manifest lists, for each corruption, every check it breaks (file, line, check),
derived checks included: ``expected_failed`` and ``expected_known``, with file
paths relative to the output folder.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction as F
from itertools import product
from pathlib import Path

YEARS = (2021, 2022, 2023, 2024, 2025)
BASE_YEAR = 2020
DAYS = {2021: 365, 2022: 365, 2023: 365, 2024: 366, 2025: 365}
USD_RATE = F(71_884, 10_000)  # the "true" yearly average rate behind every dollar figure
USD_RATE_PRINTED = "7.1884"

PROVINCES = [
    ("bj", "北京"), ("tj", "天津"), ("he", "河北"), ("sx", "山西"), ("nm", "内蒙古"),
    ("ln", "辽宁"), ("jl", "吉林"), ("hl", "黑龙江"), ("sh", "上海"), ("js", "江苏"),
    ("zj", "浙江"), ("ah", "安徽"), ("fj", "福建"), ("jx", "江西"), ("sd", "山东"),
    ("ha", "河南"), ("hb", "湖北"), ("hn", "湖南"), ("gd", "广东"), ("gx", "广西"),
    ("hi", "海南"), ("cq", "重庆"), ("sc", "四川"), ("gz", "贵州"), ("yn", "云南"),
    ("xz", "西藏"), ("sn", "陕西"), ("gs", "甘肃"), ("qh", "青海"), ("nx", "宁夏"),
    ("xj", "新疆"),
]
SYLLABLE_A = [("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"), ("新", "xin"),
              ("安", "an"), ("永", "yong"), ("长", "chang"), ("平", "ping"), ("宁", "ning")]
SYLLABLE_B = [("川", "chuan"), ("阳", "yang"), ("州", "zhou"), ("江", "jiang"), ("山", "shan"),
              ("城", "cheng"), ("海", "hai"), ("林", "lin"), ("原", "yuan"), ("丰", "feng")]

# --- exact values printed ------------------------------------------------------------------


def rounded(x: F, decimals: int) -> F:
    """x rounded half-even to ``decimals`` places, exactly."""
    return F(round(x * 10**decimals), 10**decimals)


def digits(x: F, decimals: int, commas: bool = False) -> str:
    """A printed decimal of the exact value x (already rounded to ``decimals``)."""
    n = round(x * 10**decimals)
    sign, n = ("-" if n < 0 else ""), abs(n)
    whole, frac = divmod(n, 10**decimals)
    text = f"{whole:,}" if commas else str(whole)
    if decimals:
        text += "." + str(frac).rjust(decimals, "0")
    return sign + text


def ceil_to(x: F, step: F) -> F:
    return -((-x) // step) * step


def floor_to(x: F, step: F) -> F:
    return (x // step) * step


@dataclass
class Printed:
    """A printed growth or rate: its text, and the values the engine allows for it."""

    text: str
    value: F  # in percent or pp
    step: F


def percent(x: F, rng: random.Random, zh: bool = True, plain_ok: bool = True) -> Printed:
    """A growth rate x (a ratio) printed like a release: 12%, 9.1%, 下降2.5%, -2.5%."""
    pct = rounded(x * 100, 1)
    step = F(1, 10)
    text = digits(abs(pct), 1)
    if plain_ok and text.endswith(".0"):  # releases print 12%, not 12.0%
        text, step = text[:-2], F(1)
    if pct < 0:
        text = (f"下降{text}%" if rng.random() < 0.6 else f"-{text}%") if zh else f"-{text}%"
    else:
        text += "%"
    return Printed(text, pct, step)


def grow_zh(p: Printed) -> str:
    return p.text.replace("下降", "同比下降") if "下降" in p.text else (
        f"同比下降{p.text[1:]}" if p.text.startswith("-") else f"同比增长{p.text}")


def grow_en(p: Printed) -> str:
    return f"down {p.text.lstrip('-').replace('下降', '')}" if p.value < 0 else f"up {p.text}"


def yuan_zh(x: F) -> tuple[str, F]:
    """亿元 with one decimal: 8006.8亿元."""
    v = rounded(x / 10**8, 1)
    return f"{digits(v, 1)}亿元", v


def yuan_en(printed_yi: F, rng: random.Random) -> str:
    """The English twin of a printed 亿元 figure: 800.68 billion yuan, RMB 558.73 billion."""
    if printed_yi >= 100:
        number = digits(printed_yi / 10, 2)
        word = "billion"
    else:
        number = digits(printed_yi * 100, 0, commas=True)
        word = "million"
    return f"RMB {number} {word}" if rng.random() < 0.3 else f"{number} {word} yuan"


def change_leading_digit(text: str) -> str:
    """5587.3亿元 -> 8587.3亿元: the leading digit moved by 3 (never to 0)."""
    m = re.search(r"[1-9]", text)
    assert m, text
    d = int(m.group())
    new = d + 3 if d <= 3 else d - 3
    return text[: m.start()] + str(new) + text[m.end():]


# --- the claim set model -------------------------------------------------------------------


@dataclass
class Claim:
    id: str
    value: str
    growth: str | None = None
    entity: str | None = None
    indicator: str | None = None
    period: str | None = None
    source: str | None = None
    same_as: str | None = None
    quote: str | None = None
    flow: bool = False
    file: str = ""
    line: int = 0
    same_as_line: int = 0


@dataclass
class Check:
    template: str  # the expression, with {lit} where a literal may be corrupted
    levels: set[str]  # claims whose printed value the check uses
    growths: set[str] = field(default_factory=set)  # claims whose printed growth it uses
    literal: str = ""
    id: str | None = None
    note: str | None = None
    known: str | None = None
    derived: str | None = None  # same_as, duplicate, trade-balance, prior-balance
    file: str = ""
    line: int = 0

    @property
    def expression(self) -> str:
        return self.template.replace("{lit}", self.literal)


@dataclass
class Injection:
    kind: str
    target: str  # a claim id, or a check's id/line for literal corruptions
    before: str
    after: str
    checks: list[Check] = field(default_factory=list)
    known: bool = False


@dataclass
class Block:
    """One city and year: its claims, its written checks, and what can be corrupted."""

    entity: str
    year: int
    claims: list[Claim]
    checks: list[Check]
    targets: dict[str, Callable[[], Injection]]


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.check_count = 0

    # national figures: 万亿元 with two decimals -------------------------------------------------

    def national(self) -> tuple[list[Claim], list[Check], dict]:
        rng = self.rng
        trade = {BASE_YEAR: F(32_160_000_000_000)}
        exports = {BASE_YEAR: F(17_930_000_000_000)}
        claims, growth = [], {}
        for year in YEARS:
            gx = F(rng.randint(-20_000, 200_000), 1_000_000)
            gm = F(rng.randint(-60_000, 180_000), 1_000_000)
            imports_prior = trade[year - 1] - exports[year - 1]
            exports[year] = exports[year - 1] * (1 + gx)
            trade[year] = exports[year] + imports_prior * (1 + gm)
            values = {"trade": trade[year], "exports": exports[year],
                      "imports": trade[year] - exports[year]}
            priors = {"trade": trade[year - 1], "exports": exports[year - 1],
                      "imports": imports_prior}
            for indicator, value in values.items():
                g = percent(value / priors[indicator] - 1, rng)
                growth[(indicator, year)] = g
                v = rounded(value / 10**12, 2)
                cid = f"cn.{indicator}.{year}"
                zh_name = {"trade": "货物贸易进出口", "exports": "出口",
                           "imports": "进口"}[indicator]
                claims.append(Claim(
                    cid, f"{digits(v, 2)}万亿元", g.text, "cn", indicator, str(year), "zh",
                    quote=f"{year}年，我国{zh_name}{digits(v, 2)}万亿元，{grow_zh(g)}。"))
                en_g = percent(value / priors[indicator] - 1, rng, zh=False)
                claims.append(Claim(
                    f"{cid}.en", f"{digits(v, 2)} trillion yuan", en_g.text, source="en",
                    same_as=cid, quote=f"China's {indicator} reached {digits(v, 2)} trillion "
                    f"yuan in {year}, {grow_en(en_g)} year on year."))
        checks = [Check(f"prior(cn.trade.{y}) == cn.trade.{y - 1}", {f"cn.trade.{y}",
                        f"cn.trade.{y - 1}"}, {f"cn.trade.{y}"}) for y in YEARS[1:]]
        return claims, checks, growth

    # one city ------------------------------------------------------------------------------

    def city(self, entity: str, zh: str, en: str, national: dict) -> list[Block]:
        rng = self.rng
        size = 10 ** rng.uniform(9.7, 12.3)  # 50亿 to 2万亿 yuan of trade a year
        trade = {BASE_YEAR: F(round(size))}
        imports = {BASE_YEAR: trade[BASE_YEAR] * F(rng.randint(150, 500), 1000)}
        private = {BASE_YEAR: trade[BASE_YEAR] * F(rng.randint(300, 800), 1000)}
        traders = {BASE_YEAR: max(120, round(size / 10**8 * rng.uniform(3, 12)))}
        bulk = {BASE_YEAR: F(round(size / 10**4 * rng.uniform(0.5, 4)))}
        for year in YEARS:
            t = trade[year - 1] * (1 + F(rng.randint(-60_000, 220_000), 1_000_000))
            m = t * F(rng.randint(150, 500), 1000)
            trade[year], imports[year] = t, m
            private[year] = t * F(rng.randint(300, 800), 1000)
            traders[year] = round(traders[year - 1] * rng.uniform(0.95, 1.15))
            bulk[year] = F(round(float(bulk[year - 1]) * rng.uniform(0.9, 1.2)))
        blocks = []
        for year in YEARS:
            blocks.append(self.block(entity, zh, en, year, trade, imports, private, traders,
                                     bulk, national))
        return blocks

    def block(self, e: str, zh: str, en: str, y: int, trade: dict, imports: dict,
              private: dict, traders: dict, bulk: dict, national: dict) -> Block:
        rng = self.rng
        claims: list[Claim] = []
        checks: list[Check] = []
        targets: dict[str, Callable[[], Injection]] = {}
        by_id: dict[str, Claim] = {}

        def claim(c: Claim) -> Claim:
            claims.append(c)
            by_id[c.id] = c
            return c

        def check(template: str, levels: set[str], growths: set[str] | None = None,
                  literal: str = "", note: str | None = None) -> Check:
            self.check_count += 1
            ident = f"{e}-{y}-{self.check_count}" if rng.random() < 0.5 else None
            c = Check(template, levels, growths or set(), literal, ident, note)
            checks.append(c)
            return c

        p = f"{e}.{{}}.{y}"
        ids = {k: p.format(k) for k in (
            "trade", "exports", "imports", "trade.general", "trade.processing", "trade.other",
            "private", "private.share", "private.share_change", "trade.daily", "trade.headline",
            "traders", "traders.private", "trade.gap_cn", "imports.bulk", "imports.grain",
            "trade.usd")}
        period = str(y)
        # -- headline totals: trade, exports, imports, with growth
        t, m = trade[y], imports[y]
        x = t - m
        t0, m0 = trade[y - 1], imports[y - 1]
        x0 = t0 - m0
        gt, gx, gm = (percent(a / b - 1, rng) for a, b in ((t, t0), (x, x0), (m, m0)))
        t_text, t_p = yuan_zh(t)
        x_text, x_p = yuan_zh(x)
        m_text, m_p = yuan_zh(m)
        sentence = f"据海关统计，{y}年{zh}外贸进出口总值{t_text}，{grow_zh(gt)}。"
        parts = f"其中，出口{x_text}，{grow_zh(gx)}；进口{m_text}，{grow_zh(gm)}。"
        claim(Claim(ids["trade"], t_text, gt.text, e, "trade", period, "zh", quote=sentence))
        claim(Claim(ids["exports"], x_text, gx.text, e, "exports", period, "zh", quote=parts))
        claim(Claim(ids["imports"], m_text, gm.text, e, "imports", period, "zh", quote=parts,
                    flow=rng.random() < 0.3))
        twins = [("trade", t_p, gt), ("exports", x_p, gx)] + (
            [("imports", m_p, gm)] if rng.random() < 0.5 else [])
        for name, printed, g in twins:
            en_g = Printed(g.text.replace("下降", "-"), g.value, g.step)
            value = yuan_en(printed, rng)
            words = {"trade": "total foreign trade", "exports": "exports", "imports": "imports"}
            claim(Claim(f"{ids[name]}.en", value, en_g.text, source="en", same_as=ids[name],
                        quote=f"In {y}, {en}'s {words[name]} reached {value}, {grow_en(en_g)} "
                        "year on year."))
        # -- trade by mode: a written sum
        general = t * F(rng.randint(450, 700), 1000)
        processing = t * F(rng.randint(120, 300), 1000)
        other = t - general - processing
        mode_texts = [yuan_zh(v)[0] for v in (general, processing, other)]
        for key, text in zip(("trade.general", "trade.processing", "trade.other"), mode_texts,
                             strict=True):
            claim(Claim(ids[key], text, source="zh", flow=True,
                        quote=f"一般贸易进出口{mode_texts[0]}，加工贸易进出口{mode_texts[1]}，"
                        f"保税物流等其他方式进出口{mode_texts[2]}。"))
        check(f"{ids['trade']} == {ids['trade.general']} + {ids['trade.processing']}"
                          f" + {ids['trade.other']}", {ids["trade"], ids["trade.general"],
                          ids["trade.processing"], ids["trade.other"]},
                          note="一般贸易 + 加工贸易 + 其他方式 = 进出口总值")
        # -- private enterprises: level, growth, share, share change
        v, v0 = private[y], private[y - 1]
        gv = percent(v / v0 - 1, rng)
        v_text, _ = yuan_zh(v)
        share = rounded(v / t * 100, 1)
        share_change = rounded((v / t - v0 / t0) * 100, 1)
        change_text = (f"提升{digits(share_change, 1)}个百分点" if share_change >= 0
                       else f"下降{digits(-share_change, 1)}个百分点")
        sentence = (f"民营企业进出口{v_text}，{grow_zh(gv)}，占全市外贸总值的{digits(share, 1)}%，"
                    f"比重{change_text}。")
        claim(Claim(ids["private"], v_text, gv.text, e, "private_trade", period, "zh",
                    quote=sentence))
        claim(Claim(ids["private.share"], f"{digits(share, 1)}%", source="zh", quote=sentence))
        claim(Claim(ids["private.share_change"], (
            f"{digits(share_change, 1)}个百分点" if share_change >= 0 else change_text[:2]
            + f"{digits(-share_change, 1)}个百分点"), source="zh", quote=sentence))
        check(f"{ids['private']} / {ids['trade']} == {ids['private.share']}",
              {ids["private"], ids["trade"], ids["private.share"]}, note="民营企业占比")
        check(f"prior({ids['private']}) / prior({ids['trade']}) == {ids['private.share']} - "
                  f"{ids['private.share_change']}", {ids["private"], ids["trade"],
                  ids["private.share"], ids["private.share_change"]}, {ids["private"],
                  ids["trade"]}, note=f"比重{change_text}: last year's share from two growths")
        op = ">" if v / v0 > t / t0 else "<"
        check(f"growth({ids['private']}) {op} growth({ids['trade']})", set(),
              {ids["private"], ids["trade"]})
        if abs(t / t0 - 1) >= F(3, 100):
            rate = rounded((v - v0) / (t - t0) * 100, 1)
            rate_lo, rate_hi = _contribution_rate_range(v_text, gv, t_text, gt)
            rate_check = check(f"contribution_rate({ids['private']}, {ids['trade']}) == {{lit}}",
                               {ids["private"], ids["trade"]}, {ids["private"], ids["trade"]},
                               _signed(rate, "%"), note="民营企业对外贸增长的贡献率")
            targets["wrong_contribution_rate"] = lambda: self.literal_injection(
                "wrong_contribution_rate", rate_check, rate, "%", rate_lo, rate_hi, F(10), F(10))
        # -- per-day average
        daily = t / DAYS[y]
        if daily >= 10**8:
            daily_text = f"{digits(rounded(daily / 10**8, 2), 2)}亿元"
        else:
            daily_text = f"{digits(rounded(daily / 10**4, 0), 0)}万元"
        claim(Claim(ids["trade.daily"], daily_text, source="zh", flow=True,
                    quote=f"平均每天进出口{daily_text}。"))
        check(f"{ids['trade']} / {DAYS[y]} == {ids['trade.daily']}",
                            {ids["trade"], ids["trade.daily"]})
        # -- headline repeat: same entity, indicator, period, with a qualifier
        head = floor_to(t_p, F(10) ** (len(str(int(t_p))) - 2))
        head_text = f"超{digits(head, 0)}亿元"
        claim(Claim(ids["trade.headline"], head_text, None, e, "trade", period, "zh",
                    quote=f"{zh}外贸规模{head_text}，创历史新高。"))
        head_en = (f"more than {digits(head / 10, 1 if head % 10 else 0)} billion yuan"
                   if head >= 100 else f"more than {digits(head * 100, 0, True)} million yuan")
        claim(Claim(f"{ids['trade.headline']}.en", head_en, source="en",
                    same_as=ids["trade.headline"],
                    quote=f"{en}'s foreign trade topped {head_en[10:]} for the first time."))
        # -- traders: an exact count with growth, or a qualified one
        n, n0 = traders[y], traders[y - 1]
        n_private = round(n * rng.uniform(0.6, 0.9))
        if rng.random() < 0.6:
            gn = percent(F(n, n0) - 1, rng)
            n_text, n_en, n_growth = f"{n}家", f"{n:,} enterprises", gn.text
            n_sentence = f"{y}年，{zh}有进出口实绩的外贸经营主体{n}家，{grow_zh(gn)}。"
        else:
            lead = 10 ** (len(str(n)) - 1) if n >= 1000 else 100
            floor = n // lead * lead
            n_text, n_en, n_growth = f"超过{floor}家", f"more than {floor:,} enterprises", None
            n_sentence = f"{y}年，{zh}有进出口实绩的外贸经营主体超过{floor}家。"
        claim(Claim(ids["traders"], n_text, n_growth, source="zh", quote=n_sentence))
        en_growth = n_growth.replace("下降", "-") if n_growth else None
        claim(Claim(f"{ids['traders']}.en", n_en, en_growth, source="en", same_as=ids["traders"],
                    quote=f"The number of foreign trade enterprises with actual performance "
                    f"was {n_en.replace(' enterprises', '')}."))
        claim(Claim(ids["traders.private"], f"{n_private}家", source="zh", flow=True,
                    quote=f"其中民营企业{n_private}家。"))
        check(f"{ids['traders.private']} < {ids['traders']}", set())
        # -- point gaps against the national growth: a claim and a literal
        gap = gt.value - national[("trade", y)].value
        gap_half = (gt.step + national[("trade", y)].step) / 2 + F(1, 20)
        gap_text = f"{digits(abs(gap), 1)}个百分点"
        claim(Claim(ids["trade.gap_cn"], gap_text, source="zh", flow=True,
                    quote=f"增速{'高于' if gap >= 0 else '低于'}全国{gap_text}。"))
        a, b = ids["trade"], f"cn.trade.{y}"
        a, b = (a, b) if gap >= 0 else (b, a)
        check(f"growth({a}) - growth({b}) == {ids['trade.gap_cn']}", {ids["trade.gap_cn"]},
              {ids["trade"]})
        gap_x = gx.value - national[("exports", y)].value
        gap_x_half = (gx.step + national[("exports", y)].step) / 2
        a, b = ids["exports"], f"cn.exports.{y}"
        a, b = (a, b) if gap_x >= 0 else (b, a)
        gap_x_check = check(f"growth({a}) - growth({b}) == {{lit}}", set(), {ids["exports"]},
                            f"{digits(abs(gap_x), 1)}pp", note="出口增速与全国之差")
        # -- contribution of exports to trade growth (拉动), change of exports
        contribution = rounded((x - x0) / t0 * 100, 1)
        contribution_lo, contribution_hi = _contribution_range(x_text, gx, t_text, gt)
        contribution_check = check(f"contribution({ids['exports']}, {ids['trade']}) == {{lit}}",
                                   {ids["exports"], ids["trade"]}, {ids["exports"], ids["trade"]},
                                   _signed(contribution, "个百分点"),
                                   note="出口拉动外贸增长")
        change = rounded((x - x0) / 10**8, 1)
        c_lo, c_hi = _change_range(x_text, gx)
        change_check = check(f"change({ids['exports']}) == {{lit}}", {ids["exports"]},
                             {ids["exports"]}, _signed(change, "亿元"), note="出口比上年增加")
        # -- prior year: the chain between releases, and cagr over the plan
        if y > YEARS[0]:
            check(f"prior({ids['trade']}) == {e}.trade.{y - 1}", {ids["trade"],
                  f"{e}.trade.{y - 1}"}, {ids["trade"]}, note="上年发布的进出口总值")
        cagr_check = None
        if y == YEARS[-1]:
            first = YEARS[0]
            cagr = _cagr_printed(t, trade[first], y - first)
            cagr_check = check(f"cagr({ids['trade']}, {e}.trade.{first}, {y - first}) == {{lit}}",
                               {ids["trade"], f"{e}.trade.{first}"}, set(), _signed(cagr, "%"),
                               note=f"{first}-{y}年均增长")
        # -- tonnes, qualified or not, with an English twin
        q = bulk[y]
        if q >= 10**8:
            up = ceil_to(q / 10**8, F(1, 10))
            q_zh, q_en = f"{digits(up, 1)}亿吨", f"{digits(up * 100, 0)} million tonnes"
        else:
            up = ceil_to(q / 10**4, F(1))
            q_zh, q_en = f"{digits(up, 0)}万吨", f"{digits(up * 10**4, 0, True)} tonnes"
        if rng.random() < 0.5:
            q_zh, q_en = "近" + q_zh, "nearly " + q_en
        else:
            exact = rounded(q / 10**4, 0)
            q_zh, q_en = f"{digits(exact, 0)}万吨", f"{digits(exact * 10**4, 0, True)} tonnes"
        claim(Claim(ids["imports.bulk"], q_zh, source="zh", quote=f"进口大宗商品{q_zh}。"))
        bulk_en = claim(Claim(f"{ids['imports.bulk']}.en", q_en, source="en",
                              same_as=ids["imports.bulk"],
                              quote=f"Imports of bulk commodities were {q_en}."))
        if rng.random() < 0.5:
            grain = rounded(q * F(rng.randint(50, 400), 1000) / 10**4, 1)
            claim(Claim(ids["imports.grain"], f"{digits(grain, 1)}万吨", source="zh", flow=True,
                        quote=f"其中粮食{digits(grain, 1)}万吨。"))
            check(f"{ids['imports.grain']} <= {ids['imports.bulk']}", set())
        # -- a dollar figure, checked through the file's exchange rate
        if rng.random() < 0.5:
            usd = rounded(t / USD_RATE / 10**8, 1)
            claim(Claim(ids["trade.usd"], f"{digits(usd, 1)}亿美元", source="zh", flow=True,
                        quote=f"以美元计，进出口{digits(usd, 1)}亿美元。"))
            check(f"{ids['trade.usd']} == {ids['trade']}", set(), note="at the file's USD rate")

        # -- what can be corrupted in this block
        trade_en = by_id[f"{ids['trade']}.en"]
        targets["lost_magnitude"] = lambda: self.lost_magnitude(trade_en)
        targets["twin_growth"] = lambda: self.twin_growth(by_id[f"{ids['exports']}.en"])
        part = max((ids["trade.general"], ids["trade.processing"]), key=lambda k: rng.random())
        targets["part_digit"] = lambda: self.digit(by_id[part], "part_digit")
        targets["import_level"] = lambda: self.digit(by_id[ids["imports"]], "import_level")
        targets["daily_digit"] = lambda: self.digit(by_id[ids["trade.daily"]], "daily_digit")
        targets["wrong_share"] = lambda: self.shift(by_id[ids["private.share"]], "wrong_share",
                                                    share, "%", F(3), F(8))
        targets["wrong_gap"] = lambda: self.shift(by_id[ids["trade.gap_cn"]], "wrong_gap",
                                                  abs(gap), "个百分点",
                                                  gap_half + 1, gap_half + 3)
        targets["wrong_gap_literal"] = lambda: self.literal_injection(
            "wrong_gap_literal", gap_x_check, abs(gap_x), "pp", abs(gap_x) - gap_x_half,
            abs(gap_x) + gap_x_half, F(1), F(3))
        targets["wrong_contribution"] = lambda: self.literal_injection(
            "wrong_contribution", contribution_check, contribution, "个百分点", contribution_lo,
            contribution_hi,
            F(8, 10), F(2))
        targets["wrong_change"] = lambda: self.literal_injection(
            "wrong_change", change_check, change, "亿元", c_lo, c_hi,
            max(F(1), abs(change) / 5), max(F(2), abs(change) / 2))
        if cagr_check is not None:
            targets["wrong_cagr"] = lambda: self.literal_injection(
                "wrong_cagr", cagr_check, cagr, "%", cagr - F(1, 10), cagr + F(1, 10), F(1),
                F(2))
        targets["headline"] = lambda: self.headline(by_id[ids["trade.headline"]], head)
        targets["known_lost_magnitude"] = lambda: self.known_lost_magnitude(
            bulk_en, checks, by_id[ids["imports.bulk"]])
        return Block(e, y, claims, checks, targets)

    # corruptions ---------------------------------------------------------------------------

    def lost_magnitude(self, twin: Claim) -> Injection:
        before = twin.value
        twin.value = re.sub(r"\s*\b(billion|million)\b", "", before).strip()
        if twin.value.startswith("RMB"):
            twin.value = twin.value.replace("RMB ", "") + " yuan"
        return Injection("lost_magnitude", twin.id, before, twin.value)

    def twin_growth(self, twin: Claim) -> Injection:
        before = twin.growth or ""
        number = F(re.search(r"[\d.]+", before).group()) * (-1 if "-" in before else 1)
        new = number + (3 if self.rng.random() < 0.5 else -3)
        twin.growth = f"{digits(new, 1)}%"
        return Injection("twin_growth", twin.id, before, twin.growth)

    def digit(self, target: Claim, kind: str) -> Injection:
        before = target.value
        target.value = change_leading_digit(before)
        return Injection(kind, target.id, before, target.value)

    def shift(self, target: Claim, kind: str, value: F, unit: str, least: F, most: F
              ) -> Injection:
        before = target.value
        delta = F(self.rng.randint(int(least * 10) + 1, int(most * 10)), 10)
        new = value + delta if value - delta < 0 or self.rng.random() < 0.5 else value - delta
        target.value = f"{digits(new, 1)}{unit}"
        return Injection(kind, target.id, before, target.value)

    def literal_injection(self, kind: str, target: Check, value: F, unit: str, lo: F, hi: F,
                          least: F, most: F) -> Injection:
        """Move a literal at least ``least`` and 3 widths of its check's interval beyond it."""
        before = target.literal
        width = hi - lo
        delta = max(least, 3 * width) + F(self.rng.randint(0, int((most - least) * 10)), 10)
        new = hi + delta if self.rng.random() < 0.5 else lo - delta
        target.literal = _signed(rounded(new, 1), unit)
        target.levels.add(f"literal:{id(target)}")
        return Injection(kind, f"literal:{id(target)}", before, target.literal)

    def headline(self, target: Claim, head: F) -> Injection:
        before = target.value
        target.value = f"超{digits(head * F(13, 10) // 1, 0)}亿元"
        return Injection("headline", target.id, before, target.value)

    def known_lost_magnitude(self, twin: Claim, checks: list[Check], original: Claim
                             ) -> Injection:
        before = twin.value
        if "million" in before:
            twin.value = before.replace(" million", "")
        else:  # 35万吨 -> 35 tonnes
            twin.value = re.sub(r"[\d,]+", lambda m: digits(F(m.group().replace(",", "")) / 10**4,
                                                               0), before, count=1)
        written = Check(f"{twin.id} == {original.id}", {twin.id, original.id},
                        known="the English text dropped the magnitude word")
        checks.append(written)
        return Injection("known_lost_magnitude", twin.id, before, twin.value, [written], True)


def _signed(value: F, unit: str) -> str:
    text = f"{digits(abs(value), 1)}{unit}"
    return f"-{text}" if value < 0 else text


def _intervals(text: str, g: Printed) -> tuple[tuple[F, F], tuple[F, F]]:
    """(value interval in 亿, growth ratio interval) of a printed 亿元 figure and its growth."""
    v = F(re.search(r"-?[\d.]+", text).group())
    half_v = F(1, 20)
    half_g = g.step / 2
    return (v - half_v, v + half_v), ((g.value - half_g) / 100, (g.value + half_g) / 100)


def _corners(fn: Callable[..., F], *ranges: tuple[F, F]) -> tuple[F, F]:
    values = [fn(*point) for point in product(*ranges)]
    return min(values), max(values)


def _change_range(x_text: str, gx: Printed) -> tuple[F, F]:
    xr, gr = _intervals(x_text, gx)
    return _corners(lambda x, g: x * g / (1 + g), xr, gr)


def _contribution_range(x_text: str, gx: Printed, t_text: str, gt: Printed) -> tuple[F, F]:
    xr, gxr = _intervals(x_text, gx)
    tr, gtr = _intervals(t_text, gt)
    return _corners(lambda x, g, t, h: x * g / (1 + g) / (t / (1 + h)) * 100, xr, gxr, tr, gtr)


def _contribution_rate_range(v_text: str, gv: Printed, t_text: str, gt: Printed
                             ) -> tuple[F, F]:
    vr, gvr = _intervals(v_text, gv)
    tr, gtr = _intervals(t_text, gt)
    return _corners(lambda v, g, t, h: (v * g / (1 + g)) / (t * h / (1 + h)) * 100,
                    vr, gvr, tr, gtr)


def _cagr_printed(end: F, start: F, years: int) -> F:
    """The average annual growth in percent, one decimal, from exact levels (float root)."""
    ratio = float(end / start) ** (1 / years)
    return rounded(F(ratio - 1) * 100, 1)


# --- writing YAML with known lines ---------------------------------------------------------

_PLAIN = re.compile(r"[^\s'\"#:,\[\]{}&*!|>%@`?\-][^#:,\[\]{}'\"]*(?<!\s)")


def scalar(text: str) -> str:
    if _PLAIN.fullmatch(text) and ": " not in text and " #" not in text:
        return text
    return "'" + text.replace("'", "''") + "'"


class Document:
    def __init__(self, name: str) -> None:
        self.name, self.lines = name, []

    def add(self, text: str) -> int:
        self.lines.append(text)
        return len(self.lines)

    def claim(self, c: Claim) -> None:
        c.file = self.name
        fields = [("value", c.value), ("growth", c.growth), ("entity", c.entity),
                  ("indicator", c.indicator), ("period", c.period), ("source", c.source),
                  ("same_as", c.same_as), ("quote", c.quote)]
        fields = [(k, v) for k, v in fields if v is not None]
        if c.flow:
            body = ", ".join(f"{k}: {scalar(v) if k != 'period' else repr(v)}"
                             for k, v in fields)
            c.line = c.same_as_line = self.add(f"  {c.id}: {{{body}}}")
            return
        c.line = self.add(f"  {c.id}:")
        for key, value in fields:
            text = f'"{value}"' if key == "period" else scalar(value)
            line = self.add(f"    {key}: {text}")
            if key == "same_as":
                c.same_as_line = line

    def check(self, c: Check) -> None:
        c.file = self.name
        if c.id is None and c.note is None and c.known is None:
            c.line = self.add(f"  - {scalar(c.expression)}")
            return
        first = True
        for key, value in (("id", c.id), ("check", c.expression), ("note", c.note),
                           ("known", c.known)):
            if value is None:
                continue
            line = self.add(f"  {'- ' if first else '  '}{key}: {scalar(value)}")
            first = False
            if key == "check":
                c.line = line

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def header(doc: Document, title: str, rates: bool) -> None:
    doc.add(f"# Synthetic claim set for benchmarks (bench/gen_claims.py): {doc.name}")
    doc.add(f"title: {scalar(title)}")
    doc.add("sources:")
    doc.add("  zh: {title: 海关统计快讯（合成）, lang: zh, date: 2026-01-20}")
    doc.add("  en: {title: Customs statistics in English (synthetic), lang: en, "
            "date: 2026-01-21}")
    if rates:
        doc.add("rates:")
        doc.add(f"  - {{from: USD, to: CNY, rate: '{USD_RATE_PRINTED}', period: 2021-2025, "
                "source: synthetic yearly average}")


# --- derived checks, as the loader derives them ---------------------------------------------


def derived_checks(claims: list[Claim], written: list[Check]) -> list[Check]:
    """same_as pairs, duplicate figures, trade balance and prior balance (DESIGN.md)."""
    by_id = {c.id: c for c in claims}
    linked = {frozenset(c.levels) for c in written if c.known}  # written a == b, linked pairs
    found: list[Check] = []
    for c in claims:
        if c.same_as and frozenset((c.id, c.same_as)) not in linked:
            found.append(Check(f"{c.id} == {c.same_as}", {c.id, c.same_as},
                               {c.id, c.same_as}, derived="same_as", file=c.file,
                               line=c.same_as_line))
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for c in claims:
        if c.entity and c.indicator and c.period:
            groups.setdefault((c.entity, c.indicator, c.period), []).append(c)
    for group in groups.values():
        for other in group[1:]:
            found.append(Check(f"{other.id} == {group[0].id}", {other.id, group[0].id},
                               derived="duplicate", file=other.file, line=other.line))
    for (entity, indicator, period), group in groups.items():
        if indicator != "trade":
            continue
        t, x, m = group[0], groups[(entity, "exports", period)][0], groups[
            (entity, "imports", period)][0]
        found.append(Check(f"{t.id} == {x.id} + {m.id}", {t.id, x.id, m.id},
                           derived="trade-balance", file=t.file, line=t.line))
        if all(by_id[c.id].growth for c in (t, x, m)):
            found.append(Check(f"prior({t.id}) == prior({x.id}) + prior({m.id})",
                               {t.id, x.id, m.id}, {t.id, x.id, m.id},
                               derived="prior-balance", file=t.file, line=t.line))
    return found


# --- the run -------------------------------------------------------------------------------


def entities() -> Iterator[tuple[str, str, str]]:
    for i in itertools.count():
        code, province = PROVINCES[i % len(PROVINCES)]
        k = i // len(PROVINCES)
        (a_zh, a_en), (b_zh, b_en) = SYLLABLE_A[k % 10], SYLLABLE_B[k // 10 % 10]
        suffix = str(k // 100 + 1) if k >= 100 else ""
        en = (a_en + b_en).capitalize() + suffix
        yield f"{code}.{a_en}{b_en}{suffix}", f"{province}{a_zh}{b_zh}{suffix}市", en


KINDS = ["lost_magnitude", "twin_growth", "part_digit", "import_level", "daily_digit",
         "wrong_share", "wrong_gap", "wrong_gap_literal", "wrong_contribution", "wrong_change",
         "wrong_cagr", "wrong_contribution_rate", "headline", "known_lost_magnitude"]


def generate(total: int, out: Path, seed: int, rate: float, per_file: int) -> dict:
    builder = Builder(seed)
    rng = random.Random(seed + 1)
    national_claims, national_checks, national = builder.national()
    blocks: list[Block] = []
    count = len(national_claims)
    names = entities()
    while True:
        code, zh, en = next(names)
        city_blocks = builder.city(code, zh, en, national)
        size = sum(len(b.claims) for b in city_blocks)
        if count + size > total:
            break
        blocks.extend(city_blocks)
        count += size
    filler = total - count  # ports' container throughput: claimed, not checked
    # corruptions: about `rate` of the figures, at most one per block
    wanted = round(total * rate)
    order = blocks[:]
    rng.shuffle(order)
    injections: list[tuple[Block, Injection]] = []
    for kind in itertools.cycle(KINDS):  # kinds in turn, each in the next block that has it
        if len(injections) >= wanted or not order:
            break
        block = next((b for b in order if kind in b.targets), None)
        if block is not None:
            order.remove(block)
            injections.append((block, block.targets[kind]()))
    # files: the national figures, then cities in files of about `per_file` claims
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    documents: list[tuple[Document, list[Claim], list[Check]]] = []
    doc = Document("00-national.yaml")
    documents.append((doc, national_claims, national_checks))
    current: tuple[Document, list[Claim], list[Check]] | None = None
    for block in blocks:
        if current is None or (len(current[1]) >= per_file and block.year == YEARS[0]):
            current = (Document(f"cities-{len(documents):03d}.yaml"), [], [])
            documents.append(current)
        current[1].extend(block.claims)
        current[2].extend(block.checks)
    for k in range(filler):
        current[1].append(Claim(f"port.containers.{k}", f"{74 + k % 20}.{k % 10}万标箱",
                                source="zh", flow=True, quote="港口集装箱吞吐量。"))
    all_claims: list[Claim] = []
    all_written: list[Check] = []
    for doc, claims, checks in documents:
        header(doc, f"Synthetic customs figures, {doc.name}", rates=doc.name != "00-national.yaml")
        doc.add("claims:")
        for c in claims:
            doc.claim(c)
        doc.add("checks:")
        for c in checks:
            doc.check(c)
        (out / doc.name).write_text(doc.text(), encoding="utf-8")
        all_claims.extend(claims)
        all_written.extend(checks)
    derived = derived_checks(all_claims, all_written)
    every = all_written + derived
    failed, known = [], []
    by_kind: dict[str, int] = {}
    records = []
    by_level: dict[str, list[Check]] = {}
    by_growth: dict[str, list[Check]] = {}
    for c in every:
        for name in c.levels:
            by_level.setdefault(name, []).append(c)
        for name in c.growths:
            by_growth.setdefault(name, []).append(c)
    for block, injection in injections:
        by_kind[injection.kind] = by_kind.get(injection.kind, 0) + 1
        if injection.known:
            affected = injection.checks
        elif injection.kind == "twin_growth":  # an English twin's growth: its same_as only
            affected = [c for c in by_growth.get(injection.target, []) if c.derived]
        else:
            affected = by_level.get(injection.target, [])
        assert affected, injection
        entries = [{"file": c.file, "line": c.line, "check": c.expression,
                    "derived": c.derived} for c in affected]
        (known if injection.known else failed).extend(entries)
        records.append({"kind": injection.kind, "entity": block.entity, "year": block.year,
                        "target": injection.target if not injection.target.startswith(
                            "literal:") else None, "before": injection.before,
                        "after": injection.after, "checks": entries})
    manifest = {
        "version": 1,
        "generator": "bench/gen_claims.py",
        "generator_digest": generator_digest(),
        "seed": seed,
        "claims": len(all_claims),
        "files": [d.name for d, _, _ in documents],
        "written_checks": len(all_written),
        "derived_checks": len(derived),
        "injections": len(records),
        "injections_by_kind": dict(sorted(by_kind.items())),
        "expected_failed": sorted(failed, key=lambda c: (c["file"], c["line"])),
        "expected_known": sorted(known, key=lambda c: (c["file"], c["line"])),
        "details": records,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return manifest


def generator_digest() -> str:
    """Which version of this script wrote a set: bench/verify_speed.py regenerates on change."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000, help="number of claims (N)")
    parser.add_argument("--out", type=Path, help="output folder (default bench/out/claims-Nk)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--inject", type=float, default=0.01,
                        help="share of figures to corrupt (default 0.01)")
    parser.add_argument("--per-file", type=int, default=2000, help="claims per file, about")
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).parent / "out" / _default_name(args.claims)
    manifest = generate(args.claims, out, args.seed, args.inject, args.per_file)
    print(f"{out}: {manifest['claims']} claims in {len(manifest['files'])} files, "
          f"{manifest['written_checks']} written + {manifest['derived_checks']} derived checks, "
          f"{manifest['injections']} injected discrepancies -> "
          f"{len(manifest['expected_failed'])} failed, {len(manifest['expected_known'])} known",
          file=sys.stderr)
    return 0


def _default_name(total: int) -> str:
    return f"claims-{total // 1000}k" if total % 1000 == 0 else f"claims-{total}"


if __name__ == "__main__":
    sys.exit(main())
