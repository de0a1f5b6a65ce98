"""The JSON Schema of claim files: `tradecheck schema` prints the one the package ships,
every shipped claim file is valid against it, and it names the fields the loader reads."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tradecheck.claims import loader
from tradecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted([*ROOT.glob("claims/*.yaml"), *ROOT.glob("examples/*.yaml")])


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def validator(schema: dict) -> jsonschema.Draft7Validator:
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_the_command_prints_the_schema_the_package_ships(schema: dict) -> None:
    from importlib import resources

    shipped = resources.files("tradecheck.claims").joinpath("schema.json").read_text("utf-8")
    assert json.loads(shipped) == schema
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_the_copy_in_claims_is_the_current_schema(schema: dict) -> None:
    # the claim files' yaml-language-server lines point editors at this copy
    copy = ROOT / "claims" / "claim-file.schema.json"
    assert json.loads(copy.read_text(encoding="utf-8")) == schema
    for path in SHIPPED:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert first != target and (path.parent / target).resolve() == copy


def test_there_are_shipped_claim_files() -> None:
    names = {p.name for p in SHIPPED}
    assert {"national-2025.yaml", "every-check.yaml", "translation-slip.yaml"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_claim_file_is_valid(schema: dict, path: Path) -> None:
    document = loader.read_yaml(path)  # as tradecheck reads it: every scalar as typed
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator(schema).iter_errors(document)]
    assert errors == []


def test_the_schema_and_the_loader_agree_on_the_fields(schema: dict) -> None:
    properties = schema["properties"]
    definitions = schema["definitions"]
    assert tuple(properties) == loader.TOP_KEYS
    assert tuple(definitions["claim"]["properties"]) == loader.CLAIM_KEYS
    assert tuple(definitions["check"]["properties"]) == loader.CHECK_KEYS
    assert tuple(properties["rates"]["items"]["properties"]) == loader.RATE_KEYS
    assert tuple(properties["settings"]["properties"]) == loader.SETTING_KEYS
    source = properties["sources"]["additionalProperties"]["anyOf"][1]
    assert tuple(source["properties"]) == loader.SOURCE_KEYS


@pytest.mark.parametrize(("text", "where"), [
    ("claims:\n  a: {vaule: 1亿元}\n", "claims/a"),  # a misspelt field
    ("claims:\n  a: {growth: 5%}\n", "claims/a"),  # no value
    ("claim:\n  a: 1亿元\n", ""),  # a misspelt top-level key
    ("claims:\n  1a: 1亿元\n", "claims"),  # an id that does not start with a letter
    ("claims: {}\nchecks:\n  - {id: x}\n", "checks/0"),  # a check without its expression
    ("claims: {}\nrates:\n  - {from: USD, to: CNY, rate: '7.1'}\n", "rates/0"),  # no source
    ("sources: [zh]\nclaims: {}\n", "sources"),  # sources as a list
])
def test_the_schema_rejects_what_the_loader_rejects(schema: dict, tmp_path: Path, text: str,
                                                    where: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    errors = list(validator(schema).iter_errors(loader.read_yaml(path)))
    assert errors, "the schema accepted it"
    assert "/".join(map(str, errors[0].absolute_path)) == where
    assert loader.load_claims([path]).errors  # and tradecheck verify reports it too


def test_the_loader_names_the_source_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("sources: [zh]\nclaims: {a: 1亿元}\n", encoding="utf-8")
    [error] = loader.load_claims([path]).errors
    assert str(error) == (f"{path}:1: error: sources must be a mapping of key: "
                          "{title, lang, date, path, url}")


def test_a_chinese_claim_id_is_valid_for_both(schema: dict, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("claims:\n  重庆.外贸.2025: 8006.8亿元\n", encoding="utf-8")
    assert list(validator(schema).iter_errors(loader.read_yaml(path))) == []
    assert loader.load_claims([path]).errors == []
