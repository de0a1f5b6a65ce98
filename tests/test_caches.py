"""What verify computes once per distinct printed figure or quote gives the same answers
as computing it for every claim (the caches of claims.loader and the evidence rule)."""

from __future__ import annotations

from pathlib import Path

from tradecheck import api
from tradecheck.claims.loader import load_claims
from tradecheck.quantities.quantity import DEFAULT_BANDS, Bands, parse_quantity


def test_a_figure_is_read_with_its_own_file_s_bands(tmp_path: Path) -> None:
    plain = "claims:\n  a: {value: 约100亿元, growth: 约12%}\n"
    wide = "settings: {about: 20%}\n" + plain
    for name, text in (("1.yaml", plain), ("2.yaml", wide), ("3.yaml", plain)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = load_claims([tmp_path]).files
    [a1], [a2], [a3] = (f.claims for f in files)
    value, growth = parse_quantity("约100亿元"), parse_quantity("约12%")
    wide_bands = Bands(about=parse_quantity("20%").number.value / 100,
                       nearly=DEFAULT_BANDS.nearly)
    assert a1.interval == a3.interval == value.interval(DEFAULT_BANDS)
    assert a2.interval == value.interval(wide_bands) != a1.interval
    assert a1.growth_interval == a3.growth_interval == growth.interval(DEFAULT_BANDS)
    assert a2.growth_interval == growth.interval(wide_bands) != a1.growth_interval
    assert a1.printed == a2.printed == value.rounding_interval()


def test_claims_sharing_a_quote_get_their_own_evidence_verdicts(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("进出口8006.8亿元,增长12%。出口5587.3亿元。", encoding="utf-8")
    quote = "进出口8006.8亿元,增长12%。"
    (tmp_path / "c.yaml").write_text(
        "sources:\n  s: {title: t, path: t.txt}\nclaims:\n"
        f"  a: {{value: 8006.8亿元, growth: 12%, source: s, quote: '{quote}'}}\n"
        f"  b: {{value: 5587.3亿元, source: s, quote: '{quote}'}}\n"
        f"  c: {{value: 8006.8亿元, growth: 13%, source: s, quote: '{quote}'}}\n"
        "  d: {value: 5587.3亿元, source: s, quote: '出口5587.3亿元。'}\n"
        "  e: {value: 5587.3亿元, source: s, quote: '出口5587.4亿元。'}\n", encoding="utf-8")
    report = api.verify([tmp_path], select=["TC301"])
    status = {f.claims[0].id: (f.status, [type(r).__name__ for r in f.reasons])
              for f in report.findings}
    assert status == {"a": ("ok", []), "b": ("failed", ["NotInQuote"]),
                      "c": ("failed", ["NotInQuote"]), "d": ("ok", []),
                      "e": ("failed", ["NotInSource", "NotInQuote"])}
