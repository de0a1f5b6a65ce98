"""Claim files: the model, the contract-v1 loader, and drafts written from text."""

from tradecheck.claims.loader import CheckSpec, Claim, ClaimSet, load_claims

__all__ = ["CheckSpec", "Claim", "ClaimSet", "load_claims"]
