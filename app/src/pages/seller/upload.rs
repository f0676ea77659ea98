//! Uploads with a progress bar. The form posts by itself where there is no JavaScript;
//! with it, the browser sends the form by XHR, reports progress, then follows the answer.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::*;

/// A form that sends files to the plain handler at `action`, with the page's language,
/// and shows a progress bar while it goes.
#[component]
pub fn UploadForm(
    action: &'static str,
    /// Classes beside `upload`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let progress = RwSignal::new(None::<f64>);
    view! {
        <form
            method="post"
            action=action
            enctype="multipart/form-data"
            class=format!("upload {class}")
            on:submit=move |ev| with_progress(ev, progress)
        >
            <input type="hidden" name="lang" value=move || lang.get().code() />
            {children()}
            {move || progress.get().map(|p| view! {
                <progress max="100" value=p aria-label=move || t_string!(i18n, seller.uploading)>{format!("{p:.0}%")}</progress>
            })}
        </form>
    }
}

pub fn with_progress(ev: SubmitEvent, progress: RwSignal<Option<f64>>) {
    #[cfg(feature = "hydrate")]
    send(ev, progress);
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, progress);
}

#[cfg(feature = "hydrate")]
fn send(ev: SubmitEvent, progress: RwSignal<Option<f64>>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let (Ok(data), Ok(xhr)) = (
        web_sys::FormData::new_with_form(&form),
        web_sys::XmlHttpRequest::new(),
    ) else {
        return;
    };
    if xhr.open("POST", &form.action()).is_err() {
        return;
    }
    ev.prevent_default();
    progress.set(Some(0.0));
    if let Ok(upload) = xhr.upload() {
        let on_progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                // `try_set`: the page may have moved on (and dropped the bar) meanwhile.
                if e.length_computable() && e.total() > 0.0 {
                    let _ = progress.try_set(Some(e.loaded() / e.total() * 100.0));
                }
            });
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
    }
    let answered = xhr.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        // The server answers with a redirect, which XHR followed: show where it pointed.
        let next = match answered.status().unwrap_or(0) {
            200 => answered.response_url(),
            413 => format!(
                "{}?upload_error=too_large",
                location.pathname().unwrap_or_default()
            ),
            _ => format!(
                "{}?upload_error=refused",
                location.pathname().unwrap_or_default()
            ),
        };
        let _ = location.set_href(&next);
    });
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let fallback = form.clone();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        let _ = progress.try_set(None);
        let _ = fallback.submit();
    });
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    if xhr.send_with_opt_form_data(Some(&data)).is_err() {
        progress.set(None);
        let _ = form.submit();
    }
}
