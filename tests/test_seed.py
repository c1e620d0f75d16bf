"""The seed notice, reproduced word for word: the rendered text is the seed document itself."""

from conftest import POLICY
from conftest import TESTS

from seloste import project
from seloste.notice import build_notice
from seloste.render import render_text


def test_seed_register_renders_as_the_seed_document_byte_for_byte():
    seed = (TESTS / "data" / "seed-genetta-asiakasrekisteri.txt").read_bytes()
    expected = seed.lstrip(b"\n").rstrip(b"\n") + b"\n"
    register, problems = project.load_register(POLICY / "genetta-asiakasrekisteri.yaml")
    assert problems == []
    assert render_text(build_notice(register.id, register.data)) == expected


def test_committed_output_text_is_the_seed_document():
    seed = (TESTS / "data" / "seed-genetta-asiakasrekisteri.txt").read_bytes()
    committed = (POLICY.parent / "output" / "fi" / "genetta-asiakasrekisteri.txt").read_bytes()
    assert committed == seed.lstrip(b"\n").rstrip(b"\n") + b"\n"
