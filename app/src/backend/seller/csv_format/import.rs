//! What the rows of a file add up to: products whose rows agree, every problem found.

use std::collections::{HashMap, HashSet};

use super::row::RowCheck;
use super::{
    Col, CsvProblem, CsvProblemKind, Known, MAX_PROBLEMS, MAX_ROWS, PRODUCT_COLUMNS, Parsed,
    ProductRow, VariantRow,
};

/// What the rows read so far add up to.
pub(super) struct Import<'k> {
    pub(super) known: &'k Known<'k>,
    pub(super) rows: usize,
    pub(super) problems: Vec<CsvProblem>,
    pub(super) drafts: Vec<Draft>,
    pub(super) by_slug: HashMap<String, usize>,
    pub(super) skus: HashSet<String>,
    /// Slugs of malformed rows: their products can't be imported whole.
    pub(super) broken_slugs: HashSet<String>,
}

/// A product as its rows come in.
pub(super) struct Draft {
    pub(super) first_row: usize,
    /// Its product columns as the first row has them: checked values, or the cell as written
    /// where it failed (the product is then dropped anyway).
    pub(super) fields: [String; PRODUCT_COLUMNS.len()],
    pub(super) weight_g: i64,
    pub(super) variants: Vec<VariantRow>,
    /// Whether all its rows so far are free of problems.
    pub(super) valid: bool,
}

impl<'k> Import<'k> {
    pub(super) fn new(known: &'k Known<'k>) -> Self {
        Import {
            known,
            rows: 0,
            problems: Vec::new(),
            drafts: Vec::new(),
            by_slug: HashMap::new(),
            skus: HashSet::new(),
            broken_slugs: HashSet::new(),
        }
    }

    pub(super) fn report(&mut self, row: usize, column: &str, kind: CsvProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(CsvProblem {
                row,
                column: column.to_owned(),
                kind,
            });
        }
    }

    /// A row whose cells can't be told apart. Its slug most likely still names its product
    /// (a stray comma or quote usually sits in a later text), so that product is kept out
    /// rather than imported without this variant.
    pub(super) fn malformed(&mut self, row: usize, slug: Option<&str>) {
        self.report(row, "", CsvProblemKind::Malformed);
        if let Some(slug) = slug {
            self.broken_slugs.insert(slug.trim().to_owned());
        }
    }

    pub(super) fn add(&mut self, row: usize, cells: [&str; 17]) {
        let mut check = RowCheck::new(cells, self.known);
        if !check.has_problem(Col::Sku) {
            let sku = check.value(Col::Sku);
            if self.skus.contains(sku) {
                check.fail(Col::Sku, CsvProblemKind::DuplicateSku);
            } else {
                self.skus.insert(sku.to_owned());
            }
        }
        let draft = (!check.has_problem(Col::Slug)).then(|| self.draft_for(row, &mut check));

        check.problems.sort_by_key(|&(col, _)| col);
        let valid = check.problems.is_empty();
        for &(col, kind) in &check.problems {
            self.report(row, col.name(), kind);
        }
        if let Some(i) = draft {
            let draft = &mut self.drafts[i];
            draft.valid &= valid;
            if valid {
                draft.variants.push(check.variant());
            }
        }
    }

    /// The draft of the row's product, new or checked against the product's first row.
    pub(super) fn draft_for(&mut self, row: usize, check: &mut RowCheck) -> usize {
        let slug = check.value(Col::Slug);
        if let Some(&i) = self.by_slug.get(slug) {
            let fields = &self.drafts[i].fields;
            // A cell with a problem of its own is reported as such, not again as a difference.
            let differs = PRODUCT_COLUMNS
                .into_iter()
                .zip(fields)
                .find(|&(col, field)| {
                    !check.has_problem(col) && check.value(col) != field.as_str()
                });
            if let Some((col, _)) = differs {
                check.fail(col, CsvProblemKind::Inconsistent);
            }
            return i;
        }
        self.by_slug.insert(slug.to_owned(), self.drafts.len());
        self.drafts.push(Draft {
            first_row: row,
            fields: PRODUCT_COLUMNS.map(|col| check.value(col).to_owned()),
            weight_g: check.weight_g,
            variants: Vec::new(),
            valid: true,
        });
        self.drafts.len() - 1
    }

    pub(super) fn finish(self) -> Parsed {
        if self.rows > MAX_ROWS {
            return Parsed::refused(0, CsvProblemKind::TooManyRows, self.rows);
        }
        if self.rows == 0 {
            return Parsed::refused(0, CsvProblemKind::Empty, 0);
        }
        let broken = &self.broken_slugs;
        let products = self
            .drafts
            .into_iter()
            .filter(|draft| draft.valid && !broken.contains(&draft.fields[0]))
            .map(Draft::into_product)
            .collect();
        Parsed {
            products,
            problems: self.problems,
            rows: self.rows,
        }
    }
}

impl Draft {
    pub(super) fn into_product(self) -> ProductRow {
        let [
            slug,
            category,
            origin_city,
            hs_code,
            _weight,
            title_en,
            title_zh,
            summary_en,
            summary_zh,
            description_en,
            description_zh,
        ] = self.fields;
        ProductRow {
            slug,
            category,
            origin_city,
            hs_code,
            weight_g: self.weight_g,
            title_en,
            title_zh,
            summary_en,
            summary_zh,
            description_en,
            description_zh,
            variants: self.variants,
            first_row: self.first_row,
        }
    }
}
