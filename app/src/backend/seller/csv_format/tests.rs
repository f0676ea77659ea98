use super::cells::*;
use super::*;
use CsvProblemKind::*;

const MANGO: [&str; 17] = [
    "sindhri-mango",
    "fruit",
    "multan",
    "0804.50",
    "5000",
    "Sindhri mango",
    "信德芒果",
    "Sweet and fibre-free",
    "香甜无纤维",
    "Picked ripe in Multan, shipped by air.",
    "木尔坦成熟采摘，空运。",
    "SMH-5KG",
    "5 kg box",
    "5公斤装",
    "178.00",
    "40",
    "",
];

#[test]
fn a_variant_weighs_its_own_or_the_products_and_older_files_without_the_column_still_read() {
    let light = with(with(MANGO, "sku", "SMH-2KG"), "variant_weight_g", "2150");
    let parsed = parse_with_demo_lists(csv_text(&[MANGO, light]).as_bytes());
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let weights: Vec<Option<i64>> = parsed.products[0]
        .variants
        .iter()
        .map(|v| v.weight_g)
        .collect();
    assert_eq!(weights, [None, Some(2150)]);
    assert_eq!(
        problems(&csv_text(&[with(MANGO, "variant_weight_g", "0")])),
        [problem(2, "variant_weight_g", OutOfRange)]
    );
    // A file written before the column existed.
    let old_header = csv_line(&COLUMNS[..16]);
    let old_row = csv_line(&MANGO[..16]);
    let parsed = parse_with_demo_lists((old_header + &old_row).as_bytes());
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.products[0].variants[0].weight_g, None);
    // And the export writes the column, read back unchanged.
    assert_eq!(
        parse_with_demo_lists(export(&parsed_products(&[MANGO, light])).as_bytes()).products,
        parsed_products(&[MANGO, light])
    );
}

fn parsed_products(rows: &[[&str; 17]]) -> Vec<ProductRow> {
    parse_with_demo_lists(csv_text(rows).as_bytes()).products
}

fn with<'a>(mut cells: [&'a str; 17], column: &str, value: &'a str) -> [&'a str; 17] {
    let i = COLUMNS
        .iter()
        .position(|c| *c == column)
        .expect("a column name");
    cells[i] = value;
    cells
}

/// One CSV line, quoted where needed.
fn csv_line(cells: &[&str]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(cells).expect("written");
    String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8")
}

/// The header and `rows`.
fn csv_text(rows: &[[&str; 17]]) -> String {
    let rows: Vec<String> = rows.iter().map(|row| csv_line(row)).collect();
    csv_line(&COLUMNS) + &rows.concat()
}

fn parse_with_demo_lists(bytes: &[u8]) -> Parsed {
    let categories = ["fruit", "rice", "tea"].map(String::from).into();
    let cities = ["multan", "lahore", "karachi"].map(String::from).into();
    let known = Known {
        categories: &categories,
        cities: &cities,
    };
    parse(bytes, &known)
}

fn problems(text: &str) -> Vec<(usize, String, CsvProblemKind)> {
    parse_with_demo_lists(text.as_bytes())
        .problems
        .into_iter()
        .map(|p| (p.row, p.column, p.kind))
        .collect()
}

fn problem(row: usize, column: &str, kind: CsvProblemKind) -> (usize, String, CsvProblemKind) {
    (row, column.to_owned(), kind)
}

fn variant(sku: &str, en: &str, zh: &str, price_minor: i64, stock: i64) -> VariantRow {
    VariantRow {
        sku: sku.into(),
        label_en: en.into(),
        label_zh: zh.into(),
        price_minor,
        stock,
        weight_g: None,
    }
}

fn mango() -> ProductRow {
    ProductRow {
        slug: "sindhri-mango".into(),
        category: "fruit".into(),
        origin_city: "multan".into(),
        hs_code: "0804.50".into(),
        weight_g: 5000,
        title_en: "Sindhri mango".into(),
        title_zh: "信德芒果".into(),
        summary_en: "Sweet and fibre-free".into(),
        summary_zh: "香甜无纤维".into(),
        description_en: "Picked ripe in Multan, shipped by air.".into(),
        description_zh: "木尔坦成熟采摘，空运。".into(),
        variants: vec![variant("SMH-5KG", "5 kg box", "5公斤装", 17_800, 40)],
        first_row: 2,
    }
}

#[test]
fn an_exported_catalogue_parses_back_to_the_same_products() {
    let mut tricky = mango();
    tricky.slug = "formula-like-texts".into();
    tricky.title_en = "=HYPERLINK(\"http://evil\")".into();
    tricky.title_zh = "+86 300 1234567".into();
    tricky.summary_en = "-discount".into();
    tricky.summary_zh = "@主页".into();
    tricky.description_en = "'=already quoted, \"really\",\nover two lines\r\nor three".into();
    tricky.description_zh = "\t以制表符开头".into();
    tricky.variants = vec![
        variant("-X1", "'Tis the season", "-5 折扣", 1, 0),
        variant("X2", "", "", 10_000_000, 1_000_000),
    ];
    let mut rice = mango();
    rice.slug = "basmati-rice".into();
    rice.category = "rice".into();
    rice.origin_city = "lahore".into();
    rice.summary_en = String::new();
    rice.summary_zh = String::new();
    rice.description_en = String::new();
    rice.description_zh = String::new();
    rice.variants = vec![
        variant("GBM-SK-1KG", "1 kg", "1公斤", 1_250, 7),
        variant("GBM-SK-5KG", "5 kg", "5公斤", 5_805, 3),
    ];
    let products = vec![mango(), tricky, rice];

    let text = export(&products);
    let parsed = parse_with_demo_lists(text.as_bytes());

    assert_eq!(parsed.problems, []);
    assert_eq!(parsed.rows, 5);
    let first_rows: Vec<usize> = parsed.products.iter().map(|p| p.first_row).collect();
    assert_eq!(first_rows, [2, 3, 5]);
    let without_rows = |list: Vec<ProductRow>| {
        list.into_iter()
            .map(|p| ProductRow { first_row: 0, ..p })
            .collect::<Vec<_>>()
    };
    assert_eq!(without_rows(parsed.products), without_rows(products));
}

#[test]
fn export_escapes_formulas_and_quotes_what_csv_needs() {
    let mut product = mango();
    product.title_en = "=1+2".into();
    product.description_en = "a, \"b\"".into();
    let text = export(&[product]);
    assert!(text.starts_with('\u{feff}'));
    let row = text.lines().nth(1).expect("a data row");
    assert!(row.contains(",'=1+2,"), "{row}");
    assert!(row.contains(r#","a, ""b""","#), "{row}");
}

#[test]
fn rows_of_one_product_may_be_apart_and_become_its_variants() {
    let rice = with(with(MANGO, "slug", "basmati-rice"), "sku", "RICE-1");
    let text = csv_text(&[MANGO, rice, with(MANGO, "sku", "SMH-10KG")]);
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(parsed.problems, []);
    let shape: Vec<(&str, usize, Vec<&str>)> = parsed
        .products
        .iter()
        .map(|p| {
            let skus = p.variants.iter().map(|v| v.sku.as_str()).collect();
            (p.slug.as_str(), p.first_row, skus)
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("sindhri-mango", 2, vec!["SMH-5KG", "SMH-10KG"]),
            ("basmati-rice", 3, vec!["RICE-1"]),
        ]
    );
}

#[test]
fn every_bad_cell_is_reported_at_its_row_and_column() {
    let title = "果".repeat(121);
    let summary = "s".repeat(301);
    let description = "述".repeat(5001);
    let label = "v".repeat(61);
    let sku = "S".repeat(41);
    let cases = [
        ("slug", "", Required),
        ("slug", "Mango", BadSlug),
        ("slug", "ab", BadSlug),
        ("slug", "mango-", BadSlug),
        ("category", "", Required),
        ("category", "cars", UnknownCategory),
        ("origin_city", "beijing", UnknownCity),
        ("hs_code", "", Required),
        ("hs_code", "080", BadHsCode),
        ("hs_code", "0804..50", BadHsCode),
        ("hs_code", "12345678901", BadHsCode),
        ("weight_g", "", Required),
        ("weight_g", "5 kg", NotANumber),
        ("weight_g", "0", OutOfRange),
        ("weight_g", "100001", OutOfRange),
        ("title_en", "", Required),
        ("title_zh", "", Required),
        ("title_zh", &title, TooLong),
        ("summary_en", &summary, TooLong),
        ("description_zh", &description, TooLong),
        ("variant_en", &label, TooLong),
        ("sku", "", Required),
        ("sku", &sku, TooLong),
        ("sku", "SMH 5KG", BadSku),
        ("sku", "芒果", BadSku),
        ("price_cny", "", Required),
        ("price_cny", "0", OutOfRange),
        ("price_cny", "100000.01", OutOfRange),
        ("price_cny", "-5", OutOfRange),
        ("price_cny", "¥178", NotANumber),
        ("stock", "", Required),
        ("stock", "-5", OutOfRange),
        ("stock", "1000001", OutOfRange),
        ("stock", "99999999999999999999", OutOfRange),
        ("stock", "4.0", NotANumber),
        ("title_en", "=1+2", Formula),
    ];
    for (column, value, kind) in cases {
        let text = csv_text(&[with(MANGO, "sku", "FIRST"), with(MANGO, column, value)]);
        let parsed = parse_with_demo_lists(text.as_bytes());
        let expected = [CsvProblem {
            row: 3,
            column: column.to_owned(),
            kind,
        }];
        assert_eq!(parsed.problems, expected, "{column} = {value:?}");
    }
}

#[test]
fn longest_allowed_texts_and_boundary_numbers_pass() {
    let texts = [
        "题".repeat(120),
        "s".repeat(300),
        "要".repeat(300),
        "d".repeat(5000),
        "述".repeat(5000),
        "A".repeat(40),
        "v".repeat(60),
        "规".repeat(60),
    ];
    let [
        title,
        summary_en,
        summary_zh,
        description_en,
        description_zh,
        sku,
        label_en,
        label_zh,
    ] = texts.each_ref().map(String::as_str);
    let row = [
        "a-0",
        "fruit",
        "multan",
        "1234.567890",
        "100000",
        title,
        title,
        summary_en,
        summary_zh,
        description_en,
        description_zh,
        sku,
        label_en,
        label_zh,
        "100000.00",
        "1000000",
        "100000",
    ];
    let parsed = parse_with_demo_lists(csv_text(&[row]).as_bytes());
    assert_eq!(parsed.problems, []);
    assert_eq!(parsed.products.len(), 1);
}

#[test]
fn problems_are_sorted_by_row_then_column() {
    let bad = with(
        with(with(MANGO, "stock", "x"), "slug", "X"),
        "summary_zh",
        "",
    );
    let text = csv_text(&[bad, with(bad, "sku", "OTHER")]);
    let expected = |row| {
        [
            problem(row, "slug", BadSlug),
            problem(row, "summary_zh", Required),
            problem(row, "stock", NotANumber),
        ]
    };
    assert_eq!(problems(&text), [expected(2), expected(3)].concat());
}

#[test]
fn prices_are_yuan_with_at_most_two_decimals() {
    for (cell, fen) in [
        ("12", 1_200),
        ("12.5", 1_250),
        ("12.50", 1_250),
        ("0.01", 1),
    ] {
        assert_eq!(price_minor(cell), Ok(fen), "{cell}");
    }
    for cell in [
        "1e3", "12.505", "1,000", "¥12", "12.", ".5", "12 50", "+12", "-",
    ] {
        assert_eq!(price_minor(cell), Err(NotANumber), "{cell}");
    }
    for cell in ["0", "0.00", "-0.5", "100000.01", "99999999999999999999"] {
        assert_eq!(price_minor(cell), Err(OutOfRange), "{cell}");
    }
}

#[test]
fn price_text_writes_yuan_with_two_decimals() {
    assert_eq!(price_text(1_250), "12.50");
    assert_eq!(price_text(5), "0.05");
    assert_eq!(price_text(10_000_000), "100000.00");
    assert_eq!(price_text(-5), "-0.05");
}

#[test]
fn a_repeated_sku_is_refused_on_the_later_row_only() {
    let rice = with(MANGO, "slug", "basmati-rice");
    let text = csv_text(&[MANGO, rice]);
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(
        parsed.problems,
        [CsvProblem {
            row: 3,
            column: "sku".into(),
            kind: DuplicateSku
        }]
    );
    let slugs: Vec<&str> = parsed.products.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["sindhri-mango"]);
}

#[test]
fn rows_of_a_product_must_agree_on_its_product_columns() {
    let second = with(with(MANGO, "sku", "SMH-10KG"), "title_zh", "芒果");
    let third = with(with(second, "sku", "SMH-1KG"), "weight_g", "05000");
    let text = csv_text(&[MANGO, with(MANGO, "slug", "other-mango"), second, third]);
    assert_eq!(
        problems(&text),
        [
            problem(3, "sku", DuplicateSku),
            problem(4, "title_zh", Inconsistent),
            problem(5, "weight_g", Inconsistent),
        ]
    );
    assert_eq!(parse_with_demo_lists(text.as_bytes()).products, []);
}

#[test]
fn a_cell_with_its_own_problem_is_not_reported_again_as_inconsistent() {
    let second = with(with(MANGO, "sku", "SMH-10KG"), "category", "fruits");
    let text = csv_text(&[MANGO, with(second, "hs_code", "0804.6")]);
    assert_eq!(
        problems(&text),
        [
            problem(3, "category", UnknownCategory),
            problem(3, "hs_code", Inconsistent)
        ]
    );
}

#[test]
fn a_product_with_any_bad_row_is_left_out_and_the_others_kept() {
    let rice = with(with(MANGO, "slug", "basmati-rice"), "sku", "RICE-1");
    let bad_mango = with(with(MANGO, "sku", "SMH-10KG"), "stock", "lots");
    let text = csv_text(&[MANGO, rice, bad_mango]);
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(parsed.problems.len(), 1);
    let slugs: Vec<&str> = parsed.products.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["basmati-rice"]);
}

#[test]
fn a_half_translated_pair_is_required_in_the_missing_language() {
    // Each a product of its own, so that they don't differ from one another.
    let product = |slug, sku| with(with(MANGO, "slug", slug), "sku", sku);
    let rows = [
        with(product("mango-a", "A"), "summary_zh", ""),
        with(product("mango-b", "B"), "description_en", ""),
        with(product("mango-c", "C"), "variant_zh", ""),
        with(
            with(product("mango-d", "D"), "variant_en", ""),
            "variant_zh",
            "",
        ),
        with(
            with(product("mango-e", "E"), "summary_en", "=x"),
            "summary_zh",
            "",
        ),
    ];
    assert_eq!(
        problems(&csv_text(&rows)),
        [
            problem(2, "summary_zh", Required),
            problem(3, "description_en", Required),
            problem(4, "variant_zh", Required),
            problem(6, "summary_en", Formula),
            problem(6, "summary_zh", Required),
        ]
    );
}

#[test]
fn formula_cells_are_refused_and_escaped_ones_accepted() {
    for formula in [
        "=1+2",
        "+86 300",
        "@SUM(A1)",
        "-x",
        "--5",
        "-.5",
        "-1+1+cmd|' /C calc'!A0",
        "+1+1",
        "-5-5",
        "\t=1",
        "-5 degrees",
    ] {
        let text = csv_text(&[with(MANGO, "description_en", formula)]);
        assert_eq!(
            problems(&text),
            [problem(2, "description_en", Formula)],
            "{formula}"
        );
    }
    let accepted = [
        ("'=1+2", "=1+2"),
        ("'+86 300", "+86 300"),
        ("'@home", "@home"),
        ("'-x", "-x"),
        ("''=x", "'=x"),
        ("'-5 degrees", "-5 degrees"),
        ("'-", "-"),
        ("-5", "-5"),
        ("+1.5", "+1.5"),
        ("'Tis", "'Tis"),
        ("'-5", "'-5"),
        ("'", "'"),
    ];
    for (cell, value) in accepted {
        let text = csv_text(&[with(MANGO, "description_en", cell)]);
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(parsed.problems, [], "{cell}");
        assert_eq!(parsed.products[0].description_en, value, "{cell}");
    }
}

#[test]
fn a_formula_slug_or_sku_is_refused_as_a_formula() {
    let text = csv_text(&[with(with(MANGO, "slug", "-mango"), "sku", "=A1")]);
    assert_eq!(
        problems(&text),
        [problem(2, "slug", Formula), problem(2, "sku", Formula)]
    );
}

#[test]
fn cells_are_trimmed() {
    let padded = with(
        with(MANGO, "title_en", "  Sindhri mango\t"),
        "stock",
        " 40 ",
    );
    let parsed = parse_with_demo_lists(csv_text(&[padded]).as_bytes());
    assert_eq!(parsed.products, [mango()]);
}

#[test]
fn a_utf8_bom_is_accepted() {
    let text = format!("\u{feff}{}", csv_text(&[MANGO]));
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(parsed.problems, []);
    assert_eq!(parsed.products, [mango()]);
}

#[test]
fn a_gbk_file_is_refused_as_not_utf8() {
    let mut bytes = csv_text(&[MANGO, with(MANGO, "sku", "OTHER")]).into_bytes();
    // "芒果" in GBK, in place of the title's Latin text on the second data row.
    let at = bytes
        .windows(7)
        .rposition(|w| w == b"Sindhri")
        .expect("the title");
    bytes.splice(at..at + 7, [0xC3, 0xA2, 0xB9, 0xFB]);
    let parsed = parse_with_demo_lists(&bytes);
    let expected = [CsvProblem {
        row: 3,
        column: String::new(),
        kind: NotUtf8,
    }];
    assert_eq!(parsed.problems, expected);
    assert_eq!((parsed.products, parsed.rows), (vec![], 0));
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    let multi_line = with(MANGO, "description_en", "one\ntwo\r\nthree");
    let bad = with(
        with(with(MANGO, "slug", "bad-row"), "sku", "BAD"),
        "stock",
        "x",
    );
    let body = csv_text(&[multi_line, bad]);
    for newline in ["\n", "\r\n", "\r"] {
        let lines: Vec<&str> = body.trim_end().split('\n').collect();
        // header, the three-line row 2, a blank row 3, and the bad row on row 4.
        let text = format!(
            "{}\n{}\n{}\n{}\n\n{}\n",
            lines[0], lines[1], lines[2], lines[3], lines[4]
        )
        .replace('\n', newline);
        assert_eq!(
            problems(&text),
            [problem(4, "stock", NotANumber)],
            "{newline:?}"
        );
    }
    let leading_blank_lines = format!("\n\n{}", csv_text(&[bad]));
    assert_eq!(
        problems(&leading_blank_lines),
        [problem(4, "stock", NotANumber)]
    );
}

#[test]
fn rows_of_empty_cells_are_skipped() {
    let text = format!("{}{}\n{}", csv_text(&[MANGO]), ",".repeat(15), " , ");
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!((parsed.problems, parsed.rows), (vec![], 1));
}

#[test]
fn columns_are_found_by_name_in_any_order_and_extra_ones_ignored() {
    let mut header: Vec<&str> = COLUMNS.to_vec();
    header.reverse();
    header.insert(3, "notes");
    let mut row: Vec<&str> = MANGO.to_vec();
    row.reverse();
    row.insert(3, "=not checked");
    let text = csv_line(&header) + &csv_line(&row);
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(parsed.problems, []);
    assert_eq!(parsed.products, [mango()]);
}

#[test]
fn each_missing_column_is_reported_on_the_header_row() {
    let header = COLUMNS
        .iter()
        .filter(|c| !["hs_code", "stock"].contains(c))
        .copied()
        .collect::<Vec<_>>()
        .join(",");
    let text = format!("{header}\n{}", csv_line(&MANGO[..14]));
    assert_eq!(
        problems(&text),
        [
            problem(1, "hs_code", MissingColumn),
            problem(1, "stock", MissingColumn)
        ]
    );
}

#[test]
fn a_row_with_too_few_or_too_many_cells_is_malformed() {
    let short = csv_line(&MANGO[..15]);
    let long = csv_line(&[&with(MANGO, "sku", "LONG")[..], &["extra"]].concat());
    let text = csv_text(&[
        with(MANGO, "sku", "FIRST"),
        with(MANGO, "slug", "other-mango"),
    ]) + &short
        + &long;
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(
        parsed.problems,
        [
            CsvProblem {
                row: 4,
                column: String::new(),
                kind: Malformed
            },
            CsvProblem {
                row: 5,
                column: String::new(),
                kind: Malformed
            },
        ]
    );
    // The malformed rows name sindhri-mango, so it is not imported without them.
    let slugs: Vec<&str> = parsed.products.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["other-mango"]);
}

#[test]
fn an_unclosed_quote_is_malformed_where_it_opens() {
    // No other quotes in these rows that could close it.
    let plain = with(MANGO, "description_en", "Picked ripe");
    let broken = csv_line(&with(plain, "summary_en", "OPEN")).replace("OPEN", "\"Sweet");
    let text = csv_text(&[with(plain, "slug", "first-mango")])
        + &broken
        + &csv_line(&with(plain, "sku", "LATER"));
    assert_eq!(problems(&text), [problem(3, "", Malformed)]);
}

#[test]
fn an_empty_file_or_a_header_alone_is_empty() {
    let header_alone = csv_text(&[]);
    for text in ["", "\u{feff}", "\n\n", header_alone.as_str()] {
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(
            parsed.problems,
            [CsvProblem {
                row: 0,
                column: String::new(),
                kind: Empty
            }],
            "{text:?}"
        );
    }
    assert_eq!(parse_with_demo_lists(export(&[]).as_bytes()).products, []);
}

#[test]
fn a_file_over_32_mib_is_too_large() {
    let parsed = parse_with_demo_lists(&vec![b'a'; MAX_BYTES + 1]);
    assert_eq!(
        parsed.problems,
        [CsvProblem {
            row: 0,
            column: String::new(),
            kind: TooLarge
        }]
    );
}

#[test]
fn problems_stop_at_a_thousand_but_rows_are_still_counted() {
    let text = many_rows(1_500).replace(",7,\n", ",x,\n");
    let parsed = parse_with_demo_lists(text.as_bytes());
    assert_eq!(parsed.problems.len(), MAX_PROBLEMS);
    assert_eq!(parsed.problems.last().map(|p| p.row), Some(1_001));
    assert_eq!(parsed.rows, 1_500);
}

/// `count` valid rows: products of four variants each, short texts so that the test stays fast.
fn many_rows(count: usize) -> String {
    let mut text = String::with_capacity(count * 100);
    text.push_str(&COLUMNS.join(","));
    text.push('\n');
    for i in 0..count {
        let product = i / 4;
        text.push_str(&format!(
            "p-{product},fruit,multan,0804.50,500,Mango {product},芒果{product},,,,,S{i},,,12.50,7,\n"
        ));
    }
    text
}

#[test]
fn a_hundred_thousand_rows_parse_into_their_products() {
    let parsed = parse_with_demo_lists(many_rows(MAX_ROWS).as_bytes());
    assert_eq!(parsed.problems, []);
    assert_eq!(parsed.rows, MAX_ROWS);
    assert_eq!(parsed.products.len(), MAX_ROWS / 4);
    assert_eq!(parsed.products[1].first_row, 6);
}

#[test]
fn more_than_a_hundred_thousand_rows_are_too_many() {
    let parsed = parse_with_demo_lists(many_rows(MAX_ROWS + 1).as_bytes());
    let expected = [CsvProblem {
        row: 0,
        column: String::new(),
        kind: TooManyRows,
    }];
    assert_eq!(parsed.problems, expected);
    assert_eq!((parsed.products, parsed.rows), (vec![], MAX_ROWS + 1));
}
