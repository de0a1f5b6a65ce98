"""Printed figures with their precision, as intervals, in units of the one pint registry."""

from tradecheck.quantities.intervals import Interval
from tradecheck.quantities.quantity import Quantity, QuantityError, parse_quantity

__all__ = ["Interval", "Quantity", "QuantityError", "parse_quantity"]
