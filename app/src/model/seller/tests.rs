use super::*;

fn draft() -> ProductDraft {
    ProductDraft {
        id: None,
        slug: "chaunsa-mango-box".into(),
        category: "fruit".into(),
        origin_city: "multan".into(),
        hs_code: "0804.50".into(),
        weight_g: "5000".into(),
        en: ProductSide {
            title: "Chaunsa mangoes".into(),
            summary: "Sweet".into(),
            description: "From Multan".into(),
        },
        zh: ProductSide::default(),
        variants: vec![
            VariantDraft {
                sku: "CH-5KG".into(),
                price: "168.5".into(),
                stock: Some(20),
                ..VariantDraft::default()
            },
            VariantDraft::default(),
        ],
    }
}

#[test]
fn prices_are_read_as_yuan_with_at_most_two_decimals() {
    assert_eq!(parse_price("89"), Some(8_900));
    assert_eq!(parse_price("89.5"), Some(8_950));
    assert_eq!(parse_price(" 89.05 "), Some(8_905));
    for bad in [
        "",
        "0",
        "-1",
        "1e3",
        "89.555",
        "1,000",
        "¥89",
        "100000.01",
        ".5",
    ] {
        assert_eq!(parse_price(bad), None, "{bad}");
    }
    assert_eq!(price_text(8_905), "89.05");
}

#[test]
fn hs_codes_are_digits_with_dots_between() {
    assert!(check_hs_code("0804.50").is_some());
    assert!(check_hs_code("4203100000").is_some());
    for bad in ["080", ".0804", "0804.", "08..04", "0804a", "12345678901"] {
        assert!(check_hs_code(bad).is_none(), "{bad}");
    }
}

#[test]
fn a_draft_may_lack_one_language_but_keeps_its_empty_variant_row_out() {
    let checked = draft().check().expect("a valid draft");
    assert_eq!(checked.variants.len(), 1);
    assert_eq!(checked.variants[0].price_minor, 16_850);
    assert!(checked.zh.title.is_empty());
}

#[test]
fn each_bad_field_names_its_problem() {
    type Spoil = fn(&mut ProductDraft);
    let cases: [(Spoil, Problem); 7] = [
        (|d| d.slug = "Bad Slug".into(), Problem::Slug),
        (|d| d.weight_g = "0".into(), Problem::Weight),
        (|d| d.hs_code = "x".into(), Problem::HsCode),
        (|d| d.variants[0].price = "free".into(), Problem::Price),
        (|d| d.variants[0].sku = "a b".into(), Problem::Sku),
        (|d| d.variants.truncate(0), Problem::NoVariants),
        (|d| d.en.title.clear(), Problem::ProductText),
    ];
    for (spoil, problem) in cases {
        let mut d = draft();
        spoil(&mut d);
        assert_eq!(d.check(), Err(problem));
    }
    let mut twice = draft();
    twice.variants[1] = twice.variants[0].clone();
    assert_eq!(twice.check(), Err(Problem::SkuTaken));
}

#[test]
fn glossary_terms_are_suggested_until_the_translation_uses_them() {
    let terms = vec![
        GlossaryTerm {
            en: "Sindhri".into(),
            zh: "信德里".into(),
            note: String::new(),
            shared: true,
        },
        GlossaryTerm {
            en: "Multan".into(),
            zh: "木尔坦".into(),
            note: String::new(),
            shared: true,
        },
    ];
    let found = suggestions(&terms, "Sindhri mangoes from Multan", "信德里芒果", true);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].zh, "木尔坦");
    assert_eq!(
        suggestions(&terms, "木尔坦的芒果", "", false)[0].en,
        "Multan"
    );
}

#[test]
fn phones_allow_the_usual_punctuation_and_seven_to_fifteen_digits() {
    assert!(check_phone("+92 300 1234567").is_ok());
    assert!(check_phone("(021) 3456-7890").is_ok());
    assert!(check_phone("13800138000").is_ok());
    for bad in ["12345", "call me", "+92+300", "1234567890123456"] {
        assert_eq!(check_phone(bad), Err(Problem::ContactPhone), "{bad}");
    }
}
