"""The CAMEO table: every code has a Goldstein score, a QuadClass matching its root, and a PLOVER type."""

from accord.ontology import PLOVER_QUAD, cameo_table, lookup, quad_class


def test_ontology_has_all_twenty_roots_and_about_three_hundred_codes():
    table = cameo_table()
    assert {c[:2] for c in table} == {f"{i:02d}" for i in range(1, 21)}
    assert len(table) >= 280


def test_ontology_quad_class_follows_gdelt_root_ranges():
    assert [quad_class(c) for c in ("057", "061", "111", "190")] == [1, 2, 3, 4]


def test_ontology_plover_types_agree_with_quad_class_except_statements():
    for code, entry in cameo_table().items():
        assert -10 <= entry.goldstein <= 10
        if code[:2] == "01":
            assert entry.plover_type is None  # PLOVER has no statement type
        else:
            assert entry.plover_type in PLOVER_QUAD, code


def test_ontology_lookup_known_codes():
    assert lookup("057").plover_type == "SUPPORT"
    assert lookup("128").name.startswith("Defy norms")
    assert lookup("161").plover_type == "SANCTION"
    assert lookup("163").plover_type == "COERCE"  # the 2021 crosswalk files embargoes under COERCE


def test_resignations_are_plover_retreat_as_the_manual_has_them():
    # PLOVER manual 3.7: "RETREAT also covers resignations of government officials" (mode "resign")
    entry = lookup("0831")
    assert (entry.plover_type, entry.plover_mode) == ("RETREAT", "resign")


def test_occupying_territory_by_force_is_plover_assault():
    # PLOVER manual 3.16: ASSAULT is deliberate action that can cause substantial physical harm; COERCE's
    # "seize" mode is searches, confiscation and raids. A city taken by an army is armed force.
    entry = lookup("192")
    assert entry.plover_type == "ASSAULT"
    assert "territory" in (entry.plover_context or "")
