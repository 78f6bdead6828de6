import pytest

from onboard.core import i18n


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("de_DE.UTF-8", "de"),
        ("pt_BR.UTF-8", "pt_BR"),
        ("pt_PT", "pt_BR"),
        ("zh_TW.UTF-8", "zh_TW"),
        ("zh-Hant-HK", "zh_TW"),
        ("zh_SG", "zh_CN"),
        ("tl_PH", "fil"),
        ("C", None),
        ("xx_YY", None),
    ],
)
def test_environment_tags_map_to_interface_languages(tag, expected):
    assert i18n.match_language(tag) == expected


def test_language_from_environment_follows_gettext_order():
    assert i18n.language_from_environment({"LANGUAGE": "xx:sw", "LANG": "de_DE.UTF-8"}) == "sw"
    assert i18n.language_from_environment({"LANG": "C.UTF-8"}) == "en"


def test_24_languages_with_native_names():
    assert len(i18n.UI_LANGUAGES) == 24
    assert i18n.native_name("zh_CN") == "简体中文"
    assert i18n.native_name("ar") == "العربية"
    assert [code for code in i18n.UI_LANGUAGES if i18n.is_rtl(code)] == ["ur", "ar"]


@pytest.mark.parametrize("code", [c for c in i18n.UI_LANGUAGES if c != "en"])
def test_every_language_translates_the_window_title(code):
    i18n.set_language(code)
    assert i18n._("Welcome to Onboard") != "Welcome to Onboard" or code == "en"
    assert i18n.ngettext("{count} market chosen", "{count} markets chosen", 3).count("{count}") == 1


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("xx")
