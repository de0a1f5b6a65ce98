"""Screenshots of the HTML report on claims/ for the README, in headless Chromium.

    python docs/screenshot.py        # writes docs/report-desktop.png and docs/report-phone.png

Needs Chromium (Debian: apt-get install chromium fonts-wqy-microhei) and pillow (the test
extra). The PNGs are reduced to 96 colours: the page is flat colours and text.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, find_chromium  # noqa: E402

VIEWS = {"desktop": (1100, 1250, False), "phone": (390, 844, True)}


def main() -> None:
    executable = find_chromium()
    if executable is None:
        sys.exit("no Chromium on PATH (Debian: apt-get install chromium fonts-wqy-microhei)")
    html = subprocess.run(["tradecheck", "verify", "claims/", "--format", "html"], cwd=ROOT,
                          capture_output=True, text=True, check=False).stdout
    with tempfile.TemporaryDirectory() as tmp, Browser(executable) as browser:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        for name, (width, height, mobile) in VIEWS.items():
            browser.open(page, width, height, mobile=mobile)
            shot = Image.open(io.BytesIO(browser.screenshot(full_page=False))).convert("RGB")
            out = ROOT / "docs" / f"report-{name}.png"
            shot.quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
            print(f"{out.relative_to(ROOT)}: {shot.size[0]}x{shot.size[1]}, "
                  f"{out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
