"""The check expression language: a small, safe grammar, never Python ``eval``.

    check   := compare ("and" compare)*
    compare := sum (("==" | "!=" | "<=" | ">=" | "<" | ">") sum)
    sum     := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := "-" unary | power
    power   := atom ("**" unary)?
    atom    := LITERAL | NAME "(" args ")" | NAME | "(" sum ")"

NAME is a claim id (letters, digits and ``. _ - / :``), so ``a-b`` is one id:
put spaces around ``-`` and ``/`` used as operators. A LITERAL starts with a
digit or a currency sign and runs to the next operator: ``48%``, ``8.2pp``,
``8.2 percentage points``, ``5587.3亿元``, ``$8 billion``. A literal with a unit
carries its printed precision; a bare number (``365``, ``1``, ``0.5``) is exact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import NamedTuple

from tradecheck.quantities.numerals import normalize_width
from tradecheck.quantities.quantity import Quantity, QuantityError, parse_quantity
from tradecheck.quantities.units import NUMBER

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
MAX_EXPRESSION = 2000  # characters; bounds the parser's work
MAX_PARENTHESES = 64  # bounds its recursion
# Operators (+ - * / ** and unary minus) bound the depth of the tree, which every walker
# (parser, evaluator, unparse, rule matching) descends recursively: with both bounds the
# deepest check stays a few hundred frames below Python's recursion limit.
MAX_OPERATORS = 100
_OPERATORS = frozenset(("+", "-", "*", "/", "**"))


class ExpressionError(ValueError):
    def __init__(self, message: str, column: int, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.column, self.suggestion = column, suggestion


# --- AST ---------------------------------------------------------------------------------
# NamedTuples, not dataclasses: a frozen slotted dataclass costs ~1 ms to define, and
# start-up time counts for a command run in CI on every commit.


class Literal(NamedTuple):
    quantity: Quantity
    column: int


class Number(NamedTuple):
    value: Fraction
    text: str
    column: int


class Ref(NamedTuple):
    name: str
    column: int


class Call(NamedTuple):
    function: str
    args: tuple[Node, ...]
    column: int


class Unary(NamedTuple):
    operand: Node
    column: int


class Binary(NamedTuple):
    op: str
    left: Node
    right: Node
    column: int


class Comparison(NamedTuple):
    op: str
    left: Node
    right: Node


class Conjunction(NamedTuple):
    """``a > b and b > c``: one check whose conditions must all hold."""

    parts: tuple[Comparison, ...]


Node = Literal | Number | Ref | Call | Unary | Binary


def refs(node: Node | Comparison | Conjunction) -> list[Ref]:
    """Every claim reference in an expression, in order."""
    if isinstance(node, Conjunction):
        return [r for part in node.parts for r in refs(part)]
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Call):
        return [r for arg in node.args for r in refs(arg)]
    if isinstance(node, Unary):
        return refs(node.operand)
    if isinstance(node, Binary | Comparison):
        return refs(node.left) + refs(node.right)
    return []


def calls(node: Node | Comparison) -> list[str]:
    """Names of the functions an expression calls."""
    if isinstance(node, Call):
        return [node.function] + [f for arg in node.args for f in calls(arg)]
    if isinstance(node, Unary):
        return calls(node.operand)
    if isinstance(node, Binary | Comparison):
        return calls(node.left) + calls(node.right)
    return []


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "**": 3}


def unparse(node: Node | Comparison | Conjunction,
            show: Callable[[Node], str | None] | None = None) -> str:
    """The expression as a user would write it (spaces around operators).

    ``show`` may render some nodes differently (claim ids as their printed figures);
    it returns None for the nodes it leaves to the default.
    """
    if isinstance(node, Conjunction):
        return " and ".join(unparse(part, show) for part in node.parts)
    if show is not None and not isinstance(node, Comparison) and (text := show(node)):
        return text
    if isinstance(node, Comparison):
        return f"{unparse(node.left, show)} {node.op} {unparse(node.right, show)}"
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Literal):
        return node.quantity.printed
    if isinstance(node, Number):
        return node.text
    if isinstance(node, Unary):  # binds tighter than * and /, looser than **
        operand = unparse(node.operand, show)
        bracket = isinstance(node.operand, Binary) and node.operand.op != "**"
        return f"-({operand})" if bracket else f"-{operand}"
    if isinstance(node, Call):
        return f"{node.function}({', '.join(unparse(a, show) for a in node.args)})"
    left, right = unparse(node.left, show), unparse(node.right, show)
    if node.op == "**":  # the base of a power is an atom: (a ** b) ** c, (-a) ** 2
        if isinstance(node.left, Binary | Unary):
            left = f"({left})"
    elif isinstance(node.left, Binary) and _PRECEDENCE[node.left.op] < _PRECEDENCE[node.op]:
        left = f"({left})"
    if isinstance(node.right, Binary) and _PRECEDENCE[node.right.op] <= _PRECEDENCE[node.op]:
        right = f"({right})"
    return f"{left} {node.op} {right}"


# --- tokens ------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<op>\*\*|==|!=|<=|>=|[<>+\-*/(),])
  | (?P<literal>(?:US\$|[$¥€])?\s*(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)
        [^\s()+\-*/=<>!,]*(?:\s+(?![<>=!]|and\b)[A-Za-z%][A-Za-z%.]*)*)
  | (?P<name>[^\W\d_][\w.\-/:]*)
  | (?P<bad>.)
    """,
    re.VERBOSE,
)
_FOLD_SUFFIX = re.compile(r"-fold\b")


class Token(NamedTuple):
    kind: str
    text: str
    column: int


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "space":
            continue
        if kind == "bad":
            raise ExpressionError(f"unexpected character '{m.group()}'", m.start() + 1)
        tokens.append(Token(kind, m.group().strip(), m.start() + 1))
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


# --- parser ------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.position = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.position]

    def take(self) -> Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def accept(self, *ops: str) -> Token | None:
        token = self.tokens[self.position]  # hot: called at every grammar level
        if token.kind == "op" and token.text in ops:
            self.position += 1
            return token
        return None

    def expect(self, op: str) -> Token:
        if token := self.accept(op):
            return token
        raise ExpressionError(f"expected '{op}', found {self.describe(self.current)}",
                              self.current.column)

    @staticmethod
    def describe(token: Token) -> str:
        return "the end" if token.kind == "end" else f"'{token.text}'"

    def check(self) -> Comparison | Conjunction:
        parts = [self.comparison()]
        while self.current.kind == "name" and self.current.text == "and":
            self.take()
            parts.append(self.comparison())
        if self.current.kind != "end":
            raise ExpressionError(
                f"unexpected {self.describe(self.current)} after the comparison; join "
                "conditions with 'and'", self.current.column)
        return parts[0] if len(parts) == 1 else Conjunction(tuple(parts))

    def comparison(self) -> Comparison:
        left = self.sum()
        if self.current.kind == "op" and self.current.text in COMPARISONS:
            op = self.take().text
            return Comparison(op, left, self.sum())
        if self.current.kind == "end":
            raise ExpressionError("a check must compare two sides, e.g. 'a == b + c'",
                                  self.current.column)
        raise ExpressionError(f"unexpected {self.describe(self.current)}; expected an operator "
                              "(+ - * / ** or a comparison)", self.current.column)

    def sum(self) -> Node:
        node = self.term()
        while token := self.accept("+", "-"):
            node = Binary(token.text, node, self.term(), token.column)
        return node

    def term(self) -> Node:
        node = self.unary()
        while token := self.accept("*", "/"):
            node = Binary(token.text, node, self.unary(), token.column)
        return node

    def unary(self) -> Node:
        if token := self.accept("-"):
            return Unary(self.unary(), token.column)
        self.accept("+")
        return self.power()

    def power(self) -> Node:
        node = self.atom()
        if token := self.accept("**"):
            return Binary("**", node, self.unary(), token.column)
        return node

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "literal":
            return _literal(token)
        if token.kind == "name":
            if self.accept("("):
                return Call(token.text, self.arguments(), token.column)
            return Ref(token.text, token.column)
        if token.kind == "op" and token.text == "(":
            node = self.sum()
            self.expect(")")
            return node
        raise ExpressionError(f"expected a claim id, a number or '(', found "
                              f"{self.describe(token)}", token.column)

    def arguments(self) -> tuple[Node, ...]:
        if self.accept(")"):
            return ()
        args = [self.sum()]
        while self.accept(","):
            args.append(self.sum())
        self.expect(")")
        return tuple(args)


def _literal(token: Token) -> Literal | Number:
    text = _FOLD_SUFFIX.sub("fold", token.text)
    try:
        quantity = parse_quantity(text)
    except QuantityError as error:
        raise ExpressionError(str(error), token.column, error.suggestion) from None
    if quantity.unit is NUMBER and quantity.qualifier is None:
        return Number(quantity.number.value, token.text, token.column)
    return Literal(quantity, token.column)


def parse_check(text: str) -> Comparison | Conjunction:
    """Parse one check expression; raises ``ExpressionError`` with a 1-based column."""
    if len(text) > MAX_EXPRESSION:
        raise ExpressionError(f"expression longer than {MAX_EXPRESSION} characters", 1)
    if text.count("(") > MAX_PARENTHESES:
        raise ExpressionError(f"more than {MAX_PARENTHESES} parentheses", text.index("(") + 1)
    parser = _Parser(normalize_width(text))
    if len(parser.tokens) > MAX_OPERATORS:  # so many operators need at least as many tokens
        _check_operators(parser.tokens)
    return parser.check()


def _check_operators(tokens: list[Token]) -> None:
    count = 0
    for token in tokens:
        if token.kind == "op" and token.text in _OPERATORS:
            count += 1
            if count > MAX_OPERATORS:
                raise ExpressionError(
                    f"more than {MAX_OPERATORS} operators in one check; split it into several "
                    "checks, or add many terms with sum(a, b, c, ...)", token.column)
