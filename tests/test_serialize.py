from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from hypothesis import given, settings

import articlekit
from articlekit import Article, SchemaError, from_dict, from_json, json_schema, to_dict, to_json

from .strategies import articles


@settings(max_examples=150, deadline=None)
@given(articles())
def test_json_round_trips_exactly(article: Article) -> None:
    assert from_json(to_json(article)) == article
    assert from_dict(json.loads(to_json(article))) == article


@settings(max_examples=60, deadline=None)
@given(articles())
def test_every_article_validates_against_the_schema(article: Article) -> None:
    jsonschema.validate(to_dict(article), json_schema())


def test_json_shape() -> None:
    article = Article(
        title="T",
        published=dt.datetime(2022, 10, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        modified=dt.date(2022, 10, 5),
        paragraphs=["A.", "B."],
    )
    data = to_dict(article)
    assert data["schema_version"] == articlekit.SCHEMA_VERSION
    assert data["published"] == "2022-10-04T09:30:00+02:00"
    assert data["modified"] == "2022-10-05"
    assert data["text"] == "A.\n\nB."
    assert next(iter(data)) == "schema_version"


def test_unknown_keys_and_bad_values_are_refused_readably() -> None:
    data = to_dict(Article(title="T"))
    with pytest.raises(SchemaError, match="extra"):
        from_dict({**data, "colour": "red"})
    with pytest.raises(SchemaError, match="published"):
        from_dict({**data, "published": "yesterday"})
    with pytest.raises(SchemaError, match="no UTC offset"):
        from_dict({**data, "published": "2022-10-04T09:30:00"})


def test_schema_versions() -> None:
    data = to_dict(Article(title="T"))
    with pytest.raises(SchemaError, match="missing schema_version"):
        from_dict({k: v for k, v in data.items() if k != "schema_version"})
    with pytest.raises(SchemaError, match="newer than"):
        from_dict({**data, "schema_version": articlekit.SCHEMA_VERSION + 1})
    with pytest.raises(SchemaError, match="integer"):
        from_dict({**data, "schema_version": "1"})


def test_text_must_agree_with_paragraphs() -> None:
    data = to_dict(Article(paragraphs=["A."]))
    with pytest.raises(SchemaError, match="'text'"):
        from_dict({**data, "text": "something else"})


def test_not_json() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json("{")
    with pytest.raises(SchemaError, match="JSON object"):
        from_json("[]")


def test_schema_describes_every_field() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == {"schema_version", *(f.name for f in __import__("attrs").fields(Article))}
    assert "Original publication" in schema["properties"]["published"]["description"]


def test_checked_in_schema_is_current() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "schema" / f"article-v{articlekit.SCHEMA_VERSION}.json"
    assert json.loads(path.read_text(encoding="utf-8")) == json_schema(), (
        "schema/ is stale: run `articlekit schema > schema/article-v1.json`"
    )
