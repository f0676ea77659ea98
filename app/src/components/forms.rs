//! Small pieces every form uses, and how a form answers a refusal, with or without
//! JavaScript: the translated message beside the field it concerns, that field marked
//! `aria-invalid`, tied to the message by `aria-describedby` and focused, and what was typed
//! kept (`model::form_draft`; passwords aside).
//!
//! A form opts in by wrapping its controls in `Feedback`; `Field` and any control that calls
//! `use_control` then take part.

use leptos::prelude::*;

use crate::components::{problem_text, raw_text, use_lang};
use crate::error::{AppError, Problem};
use crate::i18n::*;
use crate::model::form_draft::{FormDraft, field_key};

/// The page's language as a hidden `lang` field, for server functions that answer in it.
#[component]
pub fn LangField() -> impl IntoView {
    let lang = use_lang();
    view! { <input type="hidden" name="lang" value=move || lang.get().form_value() /> }
}

/// A form's last answer, as its controls see it.
#[derive(Clone, Copy)]
struct FormFeedback {
    error: Signal<Option<AppError>>,
    /// The form's controls in order, as (field key, element id).
    controls: StoredValue<Vec<(String, String)>>,
}

impl FormFeedback {
    // `try_`: a form dropped by a navigation may still be asked once more on the way out.
    fn problem(&self) -> Option<Problem> {
        match self.error.try_get().flatten() {
            Some(AppError::Invalid(problem)) => Some(problem),
            _ => None,
        }
    }

    /// The id of the control that shows `problem`: the first whose key it names.
    fn control_for(&self, problem: Problem) -> Option<String> {
        self.controls
            .try_with_value(|controls| {
                controls
                    .iter()
                    .find(|(key, _)| problem.fields().contains(&key.as_str()))
                    .map(|(_, id)| id.clone())
            })
            .flatten()
    }
}

/// Gives the controls inside it the last answer of their form's action. A form repeated
/// once per row names its row by a hidden field (`row`: name and value), so that a refusal
/// sent back without JavaScript comes back to that row only.
#[component]
pub fn Feedback<T, S>(
    value: S,
    #[prop(optional)] row: Option<(&'static str, String)>,
    children: Children,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Copy + Send + Sync + 'static,
{
    let other_row = row.is_some_and(|(name, value)| {
        use_context::<FormDraft>()
            .is_some_and(|draft| !draft.is_empty() && draft.get(name) != Some(value.as_str()))
    });
    let error = Signal::derive(move || {
        value
            .try_with(|v| match v {
                Some(Err(error)) if !other_row => Some(error.clone()),
                _ => None,
            })
            .flatten()
    });
    provide_context(FormFeedback {
        error,
        controls: StoredValue::new(Vec::new()),
    });
    children()
}

/// One control of a form: the problem it shows, if the last answer was about it, and what
/// was typed into it before a refused submission.
#[derive(Clone)]
pub struct Control {
    pub id: String,
    error_id: String,
    problem: Signal<Option<Problem>>,
    /// The value submitted last time, when the form was refused (else `None`).
    pub typed: Option<String>,
    draft: Option<FormDraft>,
}

impl Control {
    /// Whether the last refusal is about this control.
    pub fn invalid(&self) -> Signal<bool> {
        let problem = self.problem;
        Signal::derive(move || problem.try_get().flatten().is_some())
    }

    /// The `aria-invalid` attribute.
    pub fn aria_invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + use<> {
        let invalid = self.invalid();
        move || invalid.try_get().unwrap_or(false).then_some("true")
    }

    /// The `aria-describedby` attribute: the hint (by id) if there is one, and the message
    /// while it shows.
    pub fn described_by(
        &self,
        hint: Option<String>,
    ) -> impl Fn() -> Option<String> + Send + Sync + use<> {
        let (invalid, error_id) = (self.invalid(), self.error_id.clone());
        move || {
            let ids: Vec<&str> = hint
                .iter()
                .map(String::as_str)
                .chain(
                    invalid
                        .try_get()
                        .unwrap_or(false)
                        .then_some(error_id.as_str()),
                )
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// Whether `value` was chosen under `name` last time (a box, a radio, an option).
    pub fn was_chosen(&self, name: &str, value: &str) -> bool {
        self.draft.as_ref().is_some_and(|d| d.has(name, value))
    }

    /// Whether the form was refused and sent back (so `was_chosen` answers for it).
    pub fn refused(&self) -> bool {
        self.draft.is_some()
    }
}

/// What was sent in the form whose action's last answer is `value`, if it was refused
/// and came back without JavaScript (`model::form_draft`).
pub fn refused_form<T, S>(value: S) -> Option<FormDraft>
where
    S: WithUntracked<Value = Option<Result<T, AppError>>>,
{
    let refused = value.with_untracked(|v| matches!(v, Some(Err(_))));
    refused
        .then(use_context::<FormDraft>)
        .flatten()
        .filter(|draft| !draft.is_empty())
}

/// Makes `name`, the control with element id `id`, part of the enclosing `Feedback`'s form.
/// In the browser it takes the focus when the form is refused because of it.
pub fn use_control(name: &str, id: &str) -> Control {
    let feedback = use_context::<FormFeedback>();
    if let Some(feedback) = feedback {
        // `try_`: a context left by a form that a navigation dropped must not stop this one.
        let _ = feedback
            .controls
            .try_update_value(|c| c.push((field_key(name).to_owned(), id.to_owned())));
    }
    let own_id = id.to_owned();
    let problem = Signal::derive(move || {
        let feedback = feedback?;
        let problem = feedback.problem()?;
        (feedback.control_for(problem)? == own_id).then_some(problem)
    });
    let draft = feedback
        .filter(|f| f.error.get_untracked().is_some())
        .and_then(|_| use_context::<FormDraft>())
        .filter(|d| !d.is_empty());
    let typed = draft.as_ref().and_then(|d| d.get(name)).map(str::to_owned);
    let focus_id = id.to_owned();
    Effect::new(move |_| {
        if problem.try_get().flatten().is_some() {
            focus(&focus_id);
        }
    });
    Control {
        id: id.to_owned(),
        error_id: format!("{id}-error"),
        problem,
        typed,
        draft,
    }
}

#[cfg(feature = "hydrate")]
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[cfg(not(feature = "hydrate"))]
fn focus(_id: &str) {}

/// The message for a control, while the last refusal is about it.
#[component]
pub fn ControlError(control: Control) -> impl IntoView {
    let i18n = use_i18n();
    let Control {
        error_id, problem, ..
    } = control;
    move || {
        problem.try_get().flatten().map(|problem| {
            view! {
                <p class="field-error" id=error_id.clone()>
                    {problem_text(i18n, problem)}
                </p>
            }
        })
    }
}

/// Whether the enclosing form has a control that shows `problem` beside it (so the form's
/// own alert need not repeat it).
pub fn shown_beside_a_control(problem: Problem) -> bool {
    use_context::<FormFeedback>().is_some_and(|f| f.control_for(problem).is_some())
}

/// A labelled text input.
#[component]
pub fn Field(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] name: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] min: Option<String>,
    #[prop(optional, into)] max: Option<String>,
    #[prop(optional)] readonly: bool,
    #[prop(optional)] pattern: Option<&'static str>,
    #[prop(optional)] size: Option<u32>,
    /// A `datalist` to suggest from.
    #[prop(optional)]
    list: Option<&'static str>,
    /// The label is read out but not shown (a compact row of a table).
    #[prop(optional)]
    label_hidden: bool,
    /// The language the visitor types in, when it is not the page's.
    #[prop(optional)]
    lang: Option<&'static str>,
    /// When the same form repeats on a page (one per row), each control's own id.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id(&name));
    let control = use_control(&name, &id);
    let hint_id = format!("{id}-hint");
    let described = control.described_by(hint.is_some().then(|| hint_id.clone()));
    let value = control.typed.clone().or(value);
    let invalid = control.invalid();
    view! {
        <div class="field">
            <label for=id.clone() class=label_hidden.then_some("visually-hidden")>
                {label}
            </label>
            <ControlError control=control.clone() />
            <input
                id=id
                type=kind
                name=name
                autocomplete=autocomplete
                value=value
                required=required
                maxlength=maxlength
                inputmode=inputmode
                placeholder=placeholder
                min=min
                max=max
                readonly=readonly
                pattern=pattern
                size=size
                list=list
                lang=lang
                aria-invalid=control.aria_invalid()
                aria-describedby=described
                autofocus=move || invalid.try_get().unwrap_or(false)
            />
            {hint.map(|hint| view! { <small id=hint_id>{hint}</small> })}
        </div>
    }
}

/// A labelled text area.
#[component]
pub fn TextArea(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] name: String,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] lang: Option<&'static str>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id(&name));
    let control = use_control(&name, &id);
    let hint_id = format!("{id}-hint");
    let described = control.described_by(hint.is_some().then(|| hint_id.clone()));
    // Escaped on the server: a textarea's content is written as it is (`raw_text`).
    let value = raw_text(control.typed.clone().or(value).unwrap_or_default());
    let invalid = control.invalid();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <ControlError control=control.clone() />
            <textarea
                id=id
                name=name
                required=required
                maxlength=maxlength
                rows=rows
                lang=lang
                aria-invalid=control.aria_invalid()
                aria-describedby=described
                autofocus=move || invalid.try_get().unwrap_or(false)
            >
                {value}
            </textarea>
            {hint.map(|hint| view! { <small id=hint_id>{hint}</small> })}
        </div>
    }
}

/// A labelled list to choose one from: `options` as (value, label), `chosen` the value
/// chosen unless the visitor chose another before a refusal.
#[component]
pub fn SelectField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] name: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] chosen: Option<String>,
    /// A first, empty option ("Choose …"), which `required` refuses.
    #[prop(optional, into)]
    placeholder: Option<Signal<String>>,
    #[prop(default = true)] required: bool,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id(&name));
    let control = use_control(&name, &id);
    let chosen = control.typed.clone().or(chosen);
    let invalid = control.invalid();
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = chosen.as_deref() == Some(value.as_str());
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <ControlError control=control.clone() />
            <select
                id=id
                name=name
                required=required
                aria-invalid=control.aria_invalid()
                aria-describedby=control.described_by(None)
                autofocus=move || invalid.try_get().unwrap_or(false)
            >
                {placeholder.map(|text| view! { <option value="">{text}</option> })}
                {options}
            </select>
        </div>
    }
}

/// The element id of a control named `name`: `form[address][city]` → `field-form-address-city`.
pub fn field_id(name: &str) -> String {
    let mut id = String::from("field");
    for part in name.split(['[', ']']).filter(|p| !p.is_empty()) {
        id.push('-');
        id.push_str(part);
    }
    id
}
