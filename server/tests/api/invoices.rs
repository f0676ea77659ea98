//! Invoices for goods sold from stock in China: asked for at checkout or from the order
//! page, issued by the importer with a PDF, downloaded by the buyer and by nobody else.
//! Cross-border parcels carry none.

use app::error::Problem;
use app::model::Dispatch;
use app::model::account::Role;
use app::model::invoice::InvoiceKind;
use app::model::order::{OrderView, PlacedOrder};

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{NO_CUSTOMS, Shopper, key, mark_paid, registered_buyer};

/// A company's tax number with a correct check character.
const USCC: &str = "91350100M000100Y43";
const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj << /Type /Catalogue >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A signed-in member of the demo shop `slug`, handed to them as the operator would.
async fn owner_of<'a>(app: &'a TestApp, slug: &str, email: &str) -> Shopper<'a> {
    let id = app::backend::auth::create_user(
        &app.pool,
        email,
        "Li Wei",
        "silk road ledger".to_owned(),
        Role::Seller,
    )
    .await
    .expect("account");
    app::backend::seller::staff::hand_over(&app.pool, slug, id)
        .await
        .expect("handed over");
    let seller = Shopper::new(app);
    seller.login(email, "silk road ledger").await.ok();
    seller
}

async fn order(who: &Shopper<'_>, number: &str) -> OrderView {
    who.get(&format!("/api/order?lang=Zh&number={number}"))
        .await
        .json()
}

/// Uploads `bytes` as the invoice of `shipment`; the redirect's target.
async fn upload(app: &TestApp, who: &Shopper<'_>, shipment: i64, bytes: &[u8]) -> (u16, String) {
    let form = reqwest::multipart::Form::new()
        .text("lang", "zh")
        .text("shipment", shipment.to_string())
        .part(
            "invoice",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("fapiao.pdf"),
        );
    let mut request = app
        .client
        .post(app.url("/uploads/invoices"))
        .multipart(form);
    if let Some(token) = who.session_token() {
        request = request.header("cookie", format!("pavilion_session={token}"));
    }
    let response = request.send().await.expect("sent");
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, location)
}

/// What `who` gets for the invoice: its status, content type and body.
async fn download(app: &TestApp, who: &Shopper<'_>, path: &str) -> (u16, String, Vec<u8>) {
    let response = who
        .with_cookie(app.client.get(app.url(path)))
        .send()
        .await
        .expect("sent");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if status == 200 {
        assert_eq!(response.headers()["cache-control"], "private, no-store");
    }
    (status, kind, response.bytes().await.expect("body").to_vec())
}

fn invoice_fields<'a>(kind: &'a str, title: &'a str, tax: &'a str) -> [(&'a str, &'a str); 3] {
    [
        ("form[invoice_kind]", kind),
        ("form[invoice_title]", title),
        ("form[invoice_tax_number]", tax),
    ]
}

both!(
    an_invoice_asked_at_checkout_is_issued_by_the_importer_and_reaches_its_buyer_alone,
    |app| {
        app.seed_demo().await;
        let buyer = registered_buyer(&app).await;
        // A lamp in stock in Yiwu, and rice from Gujranwala.
        buyer.add("YPB-USB-LAMP", 1).await.ok();
        buyer.add("GBM-SK-1KG", 1).await.ok();
        let company = "成都锦里贸易有限公司";
        assert_eq!(
            buyer
                .checkout(
                    &key(),
                    &invoice_fields("company", company, "91350100M000100Y44")
                )
                .await
                .problem(),
            Problem::InvoiceTaxNumber
        );
        assert_eq!(
            buyer
                .checkout(&key(), &invoice_fields("company", "", USCC))
                .await
                .problem(),
            Problem::InvoiceTitle
        );
        let reply = buyer
            .checkout(&key(), &invoice_fields("company", company, USCC))
            .await;
        reply.ok();
        let number = reply.json::<PlacedOrder>().number;
        let view = order(&buyer, &number).await;
        let domestic = view
            .shipments
            .iter()
            .find(|s| s.dispatch == Dispatch::Domestic)
            .expect("the lamp's parcel");
        let crossing = view
            .shipments
            .iter()
            .find(|s| s.dispatch == Dispatch::CrossBorder)
            .expect("the rice's parcel");
        let asked = domestic.invoice.clone().expect("asked for the lamp");
        assert_eq!(asked.request.kind, InvoiceKind::Company);
        assert_eq!(asked.request.title, company);
        assert_eq!(asked.request.tax_number.as_deref(), Some(USCC));
        assert_eq!(asked.issued_at, None);
        assert!(crossing.invoice.is_none() && !crossing.invoiceable);
        let (lamp, rice) = (domestic.id, crossing.id);

        // Nobody asks an invoice of the rice: it crossed the border.
        let ask = |shipment: i64| {
            let shipment = shipment.to_string();
            let number = number.clone();
            let buyer = &buyer;
            async move {
                buyer
                    .call(
                        "request_invoice",
                        &[
                            ("number", number.as_str()),
                            ("shipment", &shipment),
                            ("invoice_kind", "personal"),
                            ("invoice_title", "王芳"),
                            ("invoice_tax_number", ""),
                        ],
                    )
                    .await
            }
        };
        assert_eq!(ask(rice).await.problem(), Problem::NoInvoice);

        // The importer in Yiwu issues it once paid; the exporter's staff cannot.
        let importer = owner_of(&app, "yiwu-pak-bazaar", "li.wei@example.cn").await;
        let exporter = owner_of(&app, "gujranwala-basmati-mills", "ali@example.pk").await;
        let (status, location) = upload(&app, &importer, lamp, PDF).await;
        assert_eq!(status, 303);
        assert!(
            location.contains("invoice_error=not_fulfillable"),
            "{location}"
        );
        mark_paid(&app, &number).await;
        let (_, location) = upload(&app, &importer, lamp, b"<html>not a pdf</html>").await;
        assert!(
            location.contains("invoice_error=invoice_file"),
            "{location}"
        );
        assert_eq!(
            upload(&app, &exporter, lamp, PDF).await.0,
            404,
            "another shop's parcel"
        );
        assert_eq!(upload(&app, &Shopper::new(&app), lamp, PDF).await.0, 401);
        let (_, location) = upload(&app, &importer, lamp, PDF).await;
        assert!(location.contains(&format!("invoiced={lamp}")), "{location}");
        let issued = order(&buyer, &number).await;
        assert!(
            issued
                .shipments
                .iter()
                .any(|s| s.id == lamp && s.invoice.as_ref().is_some_and(|i| i.issued_at.is_some()))
        );
        let told: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%已开具发票%'")
                .fetch_one(&app.pool)
                .await
                .expect("outbox");
        assert_eq!(told, 1, "the buyer is told");

        // The buyer downloads it; nobody else learns it exists.
        let path = format!("/invoices/{number}/{lamp}?lang=zh");
        let (status, kind, body) = download(&app, &buyer, &path).await;
        assert_eq!((status, kind.as_str()), (200, "application/pdf"));
        assert_eq!(body, PDF);
        let stranger = registered_buyer(&app).await;
        let (status, _, body) = download(&app, &stranger, &path).await;
        assert_eq!(status, 404);
        assert!(
            String::from_utf8_lossy(&body).contains("没有找到"),
            "a sentence in Chinese"
        );
        assert_eq!(download(&app, &Shopper::new(&app), &path).await.0, 404);
        assert_eq!(download(&app, &importer, &path).await.0, 404);
        let rice_path = format!("/invoices/{number}/{rice}");
        assert_eq!(download(&app, &buyer, &rice_path).await.0, 404);

        // Issued, the request no longer changes.
        assert_eq!(ask(lamp).await.problem(), Problem::InvoiceIssued);
    }
);

both!(a_guest_asks_for_an_invoice_from_the_order_page, |app| {
    app.seed_demo().await;
    let guest = Shopper::new(&app);
    guest.add("YPB-USB-LAMP", 1).await.ok();
    let reply = guest
        .checkout(
            &key(),
            // A kind nobody offers is refused only when it matters: here it does.
            &[NO_CUSTOMS.as_slice(), &[("form[invoice_kind]", "receipt")]].concat(),
        )
        .await;
    assert_eq!(reply.problem(), Problem::InvoiceKind);
    let reply = guest.checkout(&key(), &NO_CUSTOMS).await;
    let number = reply.json::<PlacedOrder>().number;
    let view = order(&guest, &number).await;
    let parcel = &view.shipments[0];
    assert!(parcel.invoice.is_none() && parcel.invoiceable);
    let shipment = parcel.id.to_string();
    let ask = |title: &'static str| {
        let (number, shipment, guest) = (number.clone(), shipment.clone(), &guest);
        async move {
            guest
                .call(
                    "request_invoice",
                    &[
                        ("number", number.as_str()),
                        ("shipment", &shipment),
                        ("invoice_kind", "personal"),
                        ("invoice_title", title),
                        ("invoice_tax_number", ""),
                    ],
                )
                .await
        }
    };
    assert_eq!(ask("").await.problem(), Problem::InvoiceTitle);
    ask("王芳").await.ok();
    // Corrected before the shop issues it.
    ask("王芳芳").await.ok();
    let asked = order(&guest, &number).await.shipments[0]
        .invoice
        .clone()
        .expect("asked");
    assert_eq!(asked.request.title, "王芳芳");
    // Someone else's session cannot ask on this order.
    let other = Shopper::new(&app);
    let reply = other
        .call(
            "request_invoice",
            &[
                ("number", number.as_str()),
                ("shipment", &shipment),
                ("invoice_kind", "personal"),
                ("invoice_title", "李四"),
                ("invoice_tax_number", ""),
            ],
        )
        .await;
    assert_eq!(reply.status, 404);
    // The order page shows the request, and the form to correct it.
    let page = guest.get(&format!("/zh/orders/{number}")).await;
    let asked_on_page = page
        .body
        .contains(r#"<p class="invoice requested">已申请发票"#)
        && page.body.contains("王芳芳")
        && page.body.contains("修改开票信息");
    assert!(asked_on_page, "{}", page.body);
});
