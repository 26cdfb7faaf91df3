"""The size limits are said in one unit: an article and a YAML file are both refused over 16 MB."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.files import MAX_ARTICLE_BYTES, MAX_YAML_BYTES, ArticleError, DataFileError, read_file_bytes


def test_article_and_yaml_limits_are_one_figure_in_one_unit(tmp_path: Path) -> None:
    assert MAX_ARTICLE_BYTES == MAX_YAML_BYTES == 16_000_000
    big = tmp_path / "big.review.yaml"
    with big.open("wb") as fh:
        fh.truncate(MAX_YAML_BYTES + 1)
    with pytest.raises(DataFileError, match="over the 16 MB limit"):
        read_file_bytes(big)
    with pytest.raises(ArticleError, match="over the 16 MB limit"):
        read_file_bytes(big, max_bytes=MAX_ARTICLE_BYTES, what="article")
