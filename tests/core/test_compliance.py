"""Checklists: rule matching by category x situation x market, status persistence, readiness, evidence, data."""

from dataclasses import replace

import pytest

from onboard.core.compliance import EU_MARKETS, add_evidence, checklist, evidence_data, load_rules, set_status
from onboard.core.errors import InvalidValue
from onboard.core.markets import CONFIDENCE_LEVELS, market_codes
from onboard.core.seller import SellerProfile

GADGETS = SellerProfile(
    name="Yiwu Gadgets",
    origin="CN",
    currency="CNY",
    categories=("electronics", "toys"),
    situations=("b2c", "ships-from-abroad", "marketplace"),
    markets=("DE", "US", "BR", "JP"),
)


@pytest.fixture
def seller(project):
    project.update_profile(
        categories=GADGETS.categories, situations=GADGETS.situations, markets=GADGETS.markets, email="a@b.example"
    )
    return project


def ids(project, code):
    return {item.rule.id for item in checklist(project, code).items}


def test_every_rule_has_a_source_confidence_and_known_codes():
    rules = load_rules()
    assert len(rules) > 250
    for rule in rules:
        assert rule.source.url.startswith("https://"), rule.id
        assert rule.source.confidence in CONFIDENCE_LEVELS
        assert rule.title and rule.law
        assert all(code in market_codes() | {"ALL", "EU"} for code in rule.markets)


def test_electronics_and_toys_seller_in_germany(seller):
    germany = ids(seller, "DE")
    # EU responsible person, CE marking, WEEE (EU and Germany), toy safety, packaging register, batteries in devices
    assert {"EU-01", "EU-05", "EU-13", "DE-03", "EU-12", "DE-01", "DE-04", "GL-01"} <= germany
    assert "EU-23" not in germany  # cosmetics
    assert "EU-17" not in germany  # VAT for stock held in the EU: this seller ships from abroad
    assert not any(rule_id.startswith(("US-", "JP-", "FR-")) for rule_id in germany)


def test_japan_domestic_administrator_and_toys(seller):
    japan = ids(seller, "JP")
    assert {"JP-01", "JP-02"} <= japan


def test_situations_gate_the_rules(seller):
    assert "EU-20" in ids(seller, "DE")  # marketplace trader data (DSA)
    seller.update_profile(situations=("b2c", "ships-from-abroad"))
    assert "EU-20" not in ids(seller, "DE")
    seller.update_profile(situations=("b2c", "ships-from-abroad", "personal-data"))
    assert "EU-19" in ids(seller, "DE")  # GDPR


def test_categories_gate_the_rules(seller):
    seller.update_profile(categories=("textiles",))
    germany = ids(seller, "DE")
    assert "EU-21" in germany and "EU-13" not in germany and "EU-01" in germany


def test_rules_cover_every_market():
    for code in market_codes():
        profile = replace(GADGETS, markets=(code,))
        assert any(rule.applies_to_market(code) and rule.matches(profile) for rule in load_rules()), code
    assert market_codes() >= EU_MARKETS


def test_status_persists_and_readiness_counts_blockers_first(seller, tmp_path):
    before = checklist(seller, "DE")
    assert before.readiness == 0
    assert before.items[0].rule.blocker  # blockers first
    first, second = before.items[0].rule.id, before.items[1].rule.id
    set_status(seller, "DE", first, "done", note="Contract with EU Rep GmbH")
    set_status(seller, "DE", second, "na", reason="We sell only through a fulfilment provider who is the RP")
    with pytest.raises(InvalidValue, match="why"):
        set_status(seller, "DE", second, "na", reason=" ")
    after = checklist(seller, "DE")
    done = next(item for item in after.items if item.rule.id == first)
    assert done.progress.status == "done" and done.progress.note == "Contract with EU Rep GmbH"
    counted = len(after.items) - 1
    assert after.readiness == round(100 / counted)
    assert after.items[-1].rule.id == second  # not applicable goes last
    set_status(seller, "DE", first, "todo")
    assert next(item for item in checklist(seller, "DE").items if item.rule.id == first).progress.note == (
        "Contract with EU Rep GmbH"
    )


def test_evidence_files_are_copied_into_the_project(seller, tmp_path):
    proof = tmp_path / "weee-certificate.pdf"
    proof.write_bytes(b"%PDF-1.4 certificate")
    stored = add_evidence(seller, "DE", "DE-03", proof)
    proof.unlink()  # the project keeps its own copy
    item = next(item for item in checklist(seller, "DE").items if item.rule.id == "DE-03")
    assert [evidence.name for evidence in item.evidence] == ["weee-certificate.pdf"]
    assert evidence_data(seller, stored.id) == ("weee-certificate.pdf", b"%PDF-1.4 certificate")
    with pytest.raises(InvalidValue, match="Cannot read"):
        add_evidence(seller, "DE", "DE-03", tmp_path / "missing.pdf")


def test_upcoming_changes_are_dated_and_sorted(seller):
    from datetime import date

    changes = checklist(seller, "DE").upcoming(date(2026, 1, 1))
    dates = [change.date for change, _rule in changes]
    assert dates == sorted(dates) and date(2026, 7, 1) in dates  # the EU €3 duty
