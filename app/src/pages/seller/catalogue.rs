//! The catalogue as a spreadsheet: download it, fill it in, upload it; every problem is
//! listed by row and column, and nothing is written unless the seller asks for the valid
//! products only.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerNav, seller_error};
use crate::api::seller::get_import_report;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::seller::{CsvProblemKind, ImportReport};
use crate::pages::Loaded;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let report_id = move || query.with(|q| q.get("report").and_then(|id| id.parse::<i64>().ok()));
    let report = Resource::new(report_id, |id| async move {
        match id {
            Some(id) => get_import_report(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <PageMeta
            title=t_string!(i18n, seller.catalogue).to_string()
            description=t_string!(i18n, seller.catalogue_lead).to_string()
        />
        <SellerNav />
        <section class="seller-catalogue">
            <h1>{t!(i18n, seller.catalogue)}</h1>
            <p class="lead">{t!(i18n, seller.catalogue_lead)}</p>
            <p>
                <a class="button" href="/exports/products.csv" download="products.csv">
                    {t!(i18n, seller.export_csv)}
                </a>
            </p>
            <form method="post" action="/uploads/catalogue" enctype="multipart/form-data" class="upload card">
                <input type="hidden" name="lang" value=move || lang.get().code() />
                <div class="field">
                    <label for="catalogue-file">{t!(i18n, seller.csv_file)}</label>
                    <input id="catalogue-file" type="file" name="file" accept=".csv,text/csv" required />
                    <small>{t!(i18n, seller.csv_hint)}</small>
                </div>
                <fieldset>
                    <legend>{t!(i18n, seller.csv_mode)}</legend>
                    <label class="check">
                        <input type="radio" name="mode" value="all" checked />
                        " "
                        {t!(i18n, seller.csv_mode_all)}
                    </label>
                    <label class="check">
                        <input type="radio" name="mode" value="valid" />
                        " "
                        {t!(i18n, seller.csv_mode_valid)}
                    </label>
                </fieldset>
                <button type="submit" class="primary">{t!(i18n, seller.import_csv)}</button>
            </form>
            <Loaded resource=report fail=seller_error let:report>
                {report.map(|report| view! { <Report report /> })}
            </Loaded>
        </section>
    }
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let (rows, imported, count) = (report.rows, report.imported, report.problems.len());
    let summary = if imported > 0 {
        view! { <p class="notice" role="status">{t!(
            i18n,
            seller.csv_imported,
            products = move || t!(i18n, seller.product_count, count = move || imported),
            rows = move || t!(i18n, seller.row_count, count = move || rows)
        )}</p> }
        .into_any()
    } else {
        view! { <p class="error" role="alert">{t!(i18n, seller.csv_nothing_imported, count = move || count)}</p> }.into_any()
    };
    let problems = report
        .problems
        .into_iter()
        .map(|p| {
            let row = if p.row == 0 {
                "—".to_owned()
            } else {
                p.row.to_string()
            };
            view! {
                <tr>
                    <td class="num">{row}</td>
                    <td><code>{p.column}</code></td>
                    <td>{problem_text(i18n, p.kind)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="import-report">
            <h2>{t!(i18n, seller.csv_report)}</h2>
            {summary}
            {(count > 0).then(|| view! {
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, seller.csv_row)}</th>
                            <th scope="col">{t!(i18n, seller.csv_column)}</th>
                            <th scope="col">{t!(i18n, seller.csv_problem)}</th>
                        </tr>
                    </thead>
                    <tbody>{problems}</tbody>
                </table>
            })}
        </section>
    }
}

fn problem_text(i18n: leptos_i18n::I18nContext<Locale>, kind: CsvProblemKind) -> String {
    use CsvProblemKind::*;
    match kind {
        NotUtf8 => t_string!(i18n, seller.csv_not_utf8),
        Malformed => t_string!(i18n, seller.csv_malformed),
        MissingColumn => t_string!(i18n, seller.csv_missing_column),
        TooManyRows => t_string!(i18n, seller.csv_too_many_rows),
        TooLarge => t_string!(i18n, seller.csv_too_large),
        Empty => t_string!(i18n, seller.csv_empty),
        Required => t_string!(i18n, seller.csv_required),
        TooLong => t_string!(i18n, seller.csv_too_long),
        NotANumber => t_string!(i18n, seller.csv_not_a_number),
        OutOfRange => t_string!(i18n, seller.csv_out_of_range),
        BadSlug => t_string!(i18n, seller.csv_bad_slug),
        BadSku => t_string!(i18n, seller.csv_bad_sku),
        BadHsCode => t_string!(i18n, seller.csv_bad_hs_code),
        UnknownCategory => t_string!(i18n, seller.csv_unknown_category),
        UnknownCity => t_string!(i18n, seller.csv_unknown_city),
        DuplicateSku => t_string!(i18n, seller.csv_duplicate_sku),
        Inconsistent => t_string!(i18n, seller.csv_inconsistent),
        Formula => t_string!(i18n, seller.csv_formula),
        SlugTaken => t_string!(i18n, seller.csv_slug_taken),
        SkuTaken => t_string!(i18n, seller.csv_sku_taken),
        Incomplete => t_string!(i18n, seller.csv_incomplete),
    }
    .to_string()
}
