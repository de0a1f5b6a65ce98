"""Text -> claims with roles -> inferred checks, handed to the one engine (``scan``)."""

from tradecheck.infer.claimset import Scan, ScanCheck, ScanClaim, claim_set, scan_documents
from tradecheck.infer.run import ScanResult, render_claim_file, run_scan

__all__ = ["Scan", "ScanCheck", "ScanClaim", "ScanResult", "claim_set", "render_claim_file",
           "run_scan", "scan_documents"]
