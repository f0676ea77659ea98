//! Finding 10: an exported cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage
//! return) is written behind a `'` unless it is a plain number.

use crate::both;
use crate::sellers::{exported_csv, product, saved_id, seller};

both!(exported_cells_never_start_a_formula, |app| {
    app.seed_demo().await;
    let owner = seller(&app, "owner@example.pk", "Sialkot Stitch").await;
    let payloads = [
        "-1+1+cmd|' /C calc'!A0",
        "+1+1+cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil.example\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ];
    for (i, payload) in payloads.iter().enumerate() {
        let slug = format!("formula-ball-{i}");
        let sku = format!("FB-{i}");
        let mut form = product(&slug, &sku, "足球");
        form.retain(|(k, _)| *k != "draft[en][summary]");
        form.push(("draft[en][summary]", payload));
        saved_id(&owner.call("save_product", &form).await);
    }
    let file = exported_csv(&app, &owner).await;
    let mut reader =
        csv::ReaderBuilder::new().from_reader(file.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.expect("a CSV row").iter() {
            cells += 1;
            let plain_number =
                cell.parse::<f64>().is_ok() && !cell.contains(['e', 'E', 'i', 'n', 'N']);
            assert!(
                plain_number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts a formula: {cell:?}"
            );
        }
    }
    assert!(cells > 0);
    for payload in payloads {
        assert!(
            file.contains(&format!("'{payload}").replace('"', "\"\"")),
            "{payload} kept behind a quote"
        );
    }
});
